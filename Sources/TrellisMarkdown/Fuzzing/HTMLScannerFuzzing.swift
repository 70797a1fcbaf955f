/// The fuzz entry of the HTML scanners a page's raw HTML and `attr_list` braces reach: start tags
/// as `md_in_html` reads them (and their closing tags), `id` attributes for anchors, and
/// `{ #id .class key=value }` lists. Traps on a broken invariant (see `FuzzTarget`).
@_spi(Fuzzing) public enum HTMLScannerFuzzing {
    public static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var ids = Set<String>()
        HTMLIDCollector.scanIDs(in: text, into: &ids)
        let scanned = Array(text.utf8)
        for (offset, byte) in scanned.enumerated() {
            if byte == UInt8(ascii: "<") { startTag(scanned, at: offset) }
            if byte == UInt8(ascii: "{") { attributeList(scanned, at: offset) }
        }
    }

    /// A start tag ends after its start and within the text; written back out, it reads as the
    /// same element with the same attributes.
    private static func startTag(_ bytes: [UInt8], at offset: Int) {
        guard let tag = HTMLTag.parse(bytes, at: offset) else { return }
        check(tag.end > offset && tag.end <= bytes.count, "start tag at \(offset) ends at \(tag.end)")
        if let close = HTMLTag.matchingClose(of: tag.name, in: bytes, from: tag.end) {
            check(close.lowerBound >= tag.end && close.upperBound <= bytes.count, "closing tag \(close) outside the text")
        }
        let written = Array(tag.serialized().utf8)
        guard let again = HTMLTag.parse(written, at: 0) else {
            return check(false, "serialized tag does not parse: \(String(decoding: written, as: UTF8.self))")
        }
        check(again.name == tag.name, "serialized tag renamed \(tag.name) to \(again.name)")
    }

    /// An attribute list's content lies between its braces, and scanning it never loses bytes.
    private static func attributeList(_ bytes: [UInt8], at offset: Int) {
        let slice = bytes[...]
        guard let match = AttributeList.match(slice, at: offset, end: bytes.count) else { return }
        check(
            match.content.lowerBound > offset && match.content.upperBound < match.end && match.end <= bytes.count,
            "attribute list at \(offset): content \(match.content), end \(match.end)")
        var attributes = HTMLAttributes()
        AttributeList.assign(AttributeList.scan(slice[match.content]).pairs, to: &attributes)
        _ = AttributeList.contentStart(slice, at: offset, close: match.end - 1)
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant: \(message())") }
    }
}
