/// Collects the anchor targets of a page: heading ids plus `id="…"` attributes in raw HTML.
///
/// Link checks use these to validate `page.md#anchor`. The HTML scan is a tolerant attribute
/// scan (not a full HTML parser): `id` must follow whitespace inside what looks like a tag.
public struct HTMLIDCollector: Sendable {
    public init() {}

    /// Every id on the page: heading ids, ids in HTML blocks, inline HTML and inserted HTML, and
    /// the ids of content tabs and footnotes (`fn:label`; `fnref:label` comes from inserted HTML).
    public func collect(_ document: MarkdownDocument) -> Set<String> {
        var ids = Set<String>()
        ids.formUnion(document.attributeIDs)
        for event in document.events() where event.entering {
            let node = event.node
            switch document.kind(of: node) {
            case .heading(_, let id?):
                ids.insert(id)
            case .htmlBlock(let html), .inlineHTML(let html), .rawHTML(let html), .htmlElement(let html, _, _):
                Self.scanIDs(in: html, into: &ids)
            case .tabbedSet(let number, _):
                // Each tab's radio input has an id (`__tabbed_1_2`) that links may target.
                let tabs = document.children(of: node).count
                for tab in 1...max(tabs, 1) where tabs > 0 { ids.insert("__tabbed_\(number)_\(tab)") }
            case .footnoteDefinition(let label):
                ids.insert("fn:" + label)
            default:
                break
            }
        }
        return ids
    }

    /// Finds `id=value` attributes (quoted with `"` or `'`, or unquoted) in an HTML fragment.
    static func scanIDs(in html: String, into ids: inout Set<String>) {
        let bytes = Array(html.utf8)
        var inTag = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if inTag, isSpace(byte), index + 2 < bytes.count, bytes[index + 1] | 0x20 == UInt8(ascii: "i"),
                bytes[index + 2] | 0x20 == UInt8(ascii: "d")
            {
                var cursor = index + 3
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                    let (value, next) = attributeValue(bytes, at: cursor)
                    if let value, !value.isEmpty { ids.insert(value) }
                    index = next
                    continue
                }
            }
            index += 1
        }
    }

    private static func attributeValue(_ bytes: [UInt8], at start: Int) -> (String?, Int) {
        guard start < bytes.count else { return (nil, start) }
        let quote = bytes[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var end = start + 1
            while end < bytes.count, bytes[end] != quote { end += 1 }
            guard end < bytes.count else { return (nil, end) }
            return (String(decoding: bytes[(start + 1)..<end], as: UTF8.self), end + 1)
        }
        var end = start
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), end)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }
}
