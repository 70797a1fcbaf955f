/// Link reference definitions for container bodies: Python-Markdown resolves `[text][ref]`
/// against definitions anywhere on the page, but each body is a separate cmark parse.
extension ContainerParser {
    /// The page's definition lines by normalised label (several lines may share a label; cmark
    /// keeps the first, so order is kept).
    struct ReferenceDefinitions: Sendable {
        var lines: [String: [UInt8]] = [:]

        var isEmpty: Bool { lines.isEmpty }

        /// The definition lines whose labels appear in brackets in `body`: only what the body can
        /// use, so a page with many containers and many definitions stays linear.
        func used(by body: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            var seen = Set<String>()
            var open: Int?
            for (index, byte) in body.enumerated() {
                if byte == UInt8(ascii: "[") {
                    open = index
                } else if byte == UInt8(ascii: "]"), let start = open {
                    open = nil
                    guard index - start <= 1000 else { continue }
                    let label = Self.normalise(body[(start + 1)..<index])
                    if let definition = lines[label], seen.insert(label).inserted {
                        out.append(contentsOf: definition)
                    }
                }
            }
            return out
        }

        /// cmark's label matching, approximately: case-insensitive, whitespace runs as one space.
        static func normalise(_ label: some Collection<UInt8>) -> String {
            String(decoding: label, as: UTF8.self).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// Parses a body (at `depth`) followed by the definitions it uses. They render nothing; if
    /// the body leaves a block open that would swallow them (an unclosed fence), parses it alone.
    /// A nesting problem found inside is mapped out with `map`, as the caller maps the body's spans.
    func parseBody(_ text: String, lineCount: Int, depth: Int, map: (TextPosition) -> TextPosition) -> MarkdownDocument {
        parseBody(ParsedText(text), lineCount: lineCount, depth: depth, map: map)
    }

    /// `parseBody(_:lineCount:depth:map:)` on a body's bytes, let go of as `parse(_:depth:)` does.
    func parseBody(_ body: consuming ParsedText, lineCount: Int, depth: Int, map: (TextPosition) -> TextPosition) -> MarkdownDocument {
        let document = parseBodyWithDefinitions(body, lineCount: lineCount, depth: depth)
        limits.mapProblem(from: depth, map)
        notes.map(from: depth, map)
        return document
    }

    private func parseBodyWithDefinitions(_ body: consuming ParsedText, lineCount: Int, depth: Int) -> MarkdownDocument {
        guard !definitions.isEmpty else { return parse(body, depth: depth) }
        var bytes = body.bytes.withUnsafeBufferPointer { Array($0) }
        let used = definitions.used(by: bytes)
        guard !used.isEmpty else { return parse(body, depth: depth) }
        // After a blank line, so that no paragraph or list item of the body goes on into them.
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: used)
        let document = parse(ParsedText(bytes: bytes), depth: depth)
        let spillsOver = document.children(of: document.root).contains { node in
            // (A list may end on the blank line after the body.)
            (document.span(of: node)?.end.line ?? 0) > lineCount + 1
        }
        return spillsOver ? parse(body, depth: depth) : document
    }

    /// The lines of the page that may be link reference definitions (`[label]: destination`),
    /// de-indented, outside code and HTML blocks; each ends with a newline.
    static func referenceDefinitions(in document: MarkdownDocument, source: ParsedText) -> ReferenceDefinitions {
        var excluded: [ClosedRange<Int>] = []
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .codeBlock, .htmlBlock:
                if let span = document.span(of: node) { excluded.append(span.lines) }
            default:
                break
            }
        }
        var definitions = ReferenceDefinitions()
        var nextExcluded = 0
        let bytes = source.bytes
        for line in 1...source.lineStarts.count {
            while nextExcluded < excluded.count, excluded[nextExcluded].upperBound < line { nextExcluded += 1 }
            if nextExcluded < excluded.count, excluded[nextExcluded].contains(line) { continue }
            let end = source.lineEnd(line)
            var index = source.lineStart(line)
            while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            guard index + 1 < end, bytes[index] == UInt8(ascii: "["), bytes[index + 1] != UInt8(ascii: "^"),
                let close = bytes[index..<end].firstIndex(of: UInt8(ascii: "]")), close + 1 < end,
                bytes[close + 1] == UInt8(ascii: ":")
            else { continue }
            definitions.lines[ReferenceDefinitions.normalise(bytes[(index + 1)..<close]), default: []]
                .append(contentsOf: bytes[index..<end] + [UInt8(ascii: "\n")])
        }
        return definitions
    }
}
