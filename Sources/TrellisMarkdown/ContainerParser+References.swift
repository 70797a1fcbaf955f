/// Link reference definitions for container bodies: Python-Markdown resolves `[text][ref]`
/// against definitions anywhere on the page, but each body is a separate cmark parse.
extension ContainerParser {
    /// Parses a body followed by the page's definitions. The definitions render nothing; if the
    /// body leaves a block open that would swallow them (an unclosed fence), parses it alone.
    func parseBody(_ text: String, lineCount: Int, depth: Int) -> MarkdownDocument {
        guard !definitions.isEmpty, text.utf8.contains(UInt8(ascii: "]")) else { return parse(text, depth: depth) }
        var bytes = Array(text.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: definitions)
        let document = parse(String(decoding: bytes, as: UTF8.self), depth: depth)
        let spillsOver = document.children(of: document.root).contains { node in
            (document.span(of: node)?.end.line ?? 0) > lineCount
        }
        return spillsOver ? parse(text, depth: depth) : document
    }

    /// The lines of the page that may be link reference definitions (`[label]: destination`),
    /// de-indented, outside code and HTML blocks; each ends with a newline.
    static func referenceDefinitions(in document: MarkdownDocument, source: ParsedText) -> [UInt8] {
        var excluded: [ClosedRange<Int>] = []
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .codeBlock, .htmlBlock:
                if let span = document.span(of: node) { excluded.append(span.start.line...span.end.line) }
            default:
                break
            }
        }
        var out: [UInt8] = []
        var nextExcluded = 0
        let bytes = source.bytes
        for line in 1...source.lineStarts.count {
            while nextExcluded < excluded.count, excluded[nextExcluded].upperBound < line { nextExcluded += 1 }
            if nextExcluded < excluded.count, excluded[nextExcluded].contains(line) { continue }
            let end = line < source.lineStarts.count ? source.lineStarts[line] - 1 : bytes.count
            var index = source.lineStarts[line - 1]
            while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            guard index + 1 < end, bytes[index] == UInt8(ascii: "["), bytes[index + 1] != UInt8(ascii: "^"),
                let close = bytes[index..<end].firstIndex(of: UInt8(ascii: "]")), close + 1 < end,
                bytes[close + 1] == UInt8(ascii: ":")
            else { continue }
            out.append(contentsOf: bytes[index..<end])
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
