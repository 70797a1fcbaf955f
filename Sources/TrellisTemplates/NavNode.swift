/// One entry of a site's navigation tree, as the `nav:` setting of `mkdocs.yml` describes it.
///
/// A page has a `url`; a section has `children` and usually no `url` (with a `url` it is a
/// section with an index page, like Material's `navigation.indexes`). URLs are relative to the
/// site root (`guide/install.html`); links elsewhere (`https://…`) are kept as they are.
public struct NavNode: Sendable, Hashable {
    public var title: String
    public var url: String?
    public var children: [NavNode]

    public init(title: String, url: String? = nil, children: [NavNode] = []) {
        self.title = title
        self.url = url
        self.children = children
    }

    /// A page entry.
    public static func page(_ title: String, _ url: String) -> NavNode {
        NavNode(title: title, url: url)
    }

    /// A section entry.
    public static func section(_ title: String, _ children: [NavNode]) -> NavNode {
        NavNode(title: title, children: children)
    }

    /// Whether `url` leaves the site (`https://…`, `mailto:…`, `//host/…`), so it is never a page.
    public static func isExternal(_ url: String) -> Bool {
        if url.utf8.first == UInt8(ascii: "/") { return true }
        // Asked for every sidebar entry of every page: bytes when the scheme is ASCII (and no
        // combining mark can follow the colon), characters otherwise.
        let bytes = url.utf8
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[..<colon].allSatisfy({ $0 < 0x80 }),
            bytes[bytes.index(after: colon)...].first.map({ $0 < 0x80 }) ?? true
        {
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            func isSchemeByte(_ byte: UInt8) -> Bool {
                isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
            return bytes.first.map(isLetter) == true && bytes[..<colon].allSatisfy(isSchemeByte)
        }
        if !bytes.contains(where: { $0 >= 0x80 }) { return false }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
