/// Python-Markdown `footnotes` in the pre-pass: definitions (`[^label]: text` at the start of a
/// top-level line, continued by the rest of its paragraph and by 4-space-indented blocks) are
/// blanked out of the page, which keeps every line where it was, and their bodies are parsed as
/// Markdown into a `footnotes` block at the end, with positions mapped back to the page.
extension ContainerParser {
    /// One footnote definition found on the page.
    struct FootnoteDefinition {
        var label: String
        /// The 1-based lines the definition covers (its first line holds `[^label]:`).
        var lines: ClosedRange<Int>
        /// The body with the marker and the indentation removed.
        var body: String
        /// Per body line, how many bytes were removed before its text.
        var shifts: [Int]
        /// How many block quotes the definition is in (their markers stay on the page).
        var quotes = 0
        /// Where the definition starts on its first line (text before it, a list marker, stays).
        var firstOffset: Int?
    }

    /// Parses `text` whose footnote definitions `found` holds: the page without them, then one
    /// `footnoteDefinition` per label under a trailing `footnotes` node, references linked.
    func parseWithFootnotes(_ text: String, _ found: [FootnoteDefinition], source: ParsedText, plain: consuming MarkdownDocument) -> MarkdownDocument {
        var parser = self
        parser.definitions = Self.referenceDefinitions(in: plain, source: source)
        // The plain tree is let go of, and the blanked text made as a string in one copy, so a
        // big page holds neither a second tree nor a second copy of its text while it is parsed.
        _ = consume plain
        let blanked = source.bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let base = out.baseAddress, let from = bytes.baseAddress else { return 0 }
                base.update(from: from, count: bytes.count)
                for definition in found {
                    for line in definition.lines {
                        var start = quotePrefixEnd(line, quotes: definition.quotes, source) ?? source.lineStart(line)
                        if line == definition.lines.lowerBound, let first = definition.firstOffset { start = first }
                        for index in start..<max(start, min(source.lineEnd(line), bytes.count)) where out[index] != UInt8(ascii: "\r") {
                            out[index] = UInt8(ascii: " ")
                        }
                    }
                }
                return bytes.count
            }
        }
        var document = parse(ParsedText(text: blanked, inputAnchors: []), depth: 0)
        // A label defined twice keeps its first place and its last body, as Python-Markdown's
        // ordered dictionary does.
        var order: [String] = []
        var latest: [String: FootnoteDefinition] = [:]
        for definition in found {
            if latest.updateValue(definition, forKey: definition.label) == nil { order.append(definition.label) }
        }
        // Numbered and listed in the order of their definitions, as Python-Markdown does by
        // default (`USE_DEFINITION_ORDER`).
        var linker = FootnoteLinker(labels: Set(order))
        for label in order { linker.number(label) }
        linker.link(in: &document, from: document.root)
        let block = document.appendChild(.footnotes, to: document.root)
        for label in order {
            guard let definition = latest[label] else { continue }
            let item = document.appendChild(.footnoteDefinition(label: label), to: block)
            let first = definition.lines.lowerBound
            let shifts = definition.shifts
            let map = { (position: TextPosition) -> TextPosition in
                let index = min(max(position.line - 1, 0), shifts.count - 1)
                return TextPosition(line: first + index, byteColumn: position.byteColumn + shifts[index])
            }
            let sub = parser.parseBody(definition.body, lineCount: shifts.count, depth: 1, map: map)
            Self.graft(sub, under: item, in: &document, map: map)
        }
        linker.link(in: &document, from: block)
        linker.appendBackReferences(in: &document, block: block)
        return document
    }

    /// The footnote definitions of the page: top-level lines outside code and HTML that start
    /// (after up to 3 spaces) with `[^label]:`, and those in paragraphs of list items and block
    /// quotes (Python-Markdown's footnote processor runs inside every block).
    static func footnoteDefinitions(in document: MarkdownDocument, source: ParsedText) -> [FootnoteDefinition] {
        let nested = nestedFootnoteDefinitions(in: document, source: source)
        let top = topLevelFootnoteDefinitions(in: document, source: source)
        return nested.isEmpty ? top : (top + nested).sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }

    /// Top-level definitions: lines outside code, HTML, lists and block quotes.
    private static func topLevelFootnoteDefinitions(in document: MarkdownDocument, source: ParsedText) -> [FootnoteDefinition] {
        var excluded: [ClosedRange<Int>] = []
        for node in document.children(of: document.root) {
            if case .paragraph = document.kind(of: node) { continue }
            if let span = document.span(of: node) { excluded.append(span.lines) }
        }
        var found: [FootnoteDefinition] = []
        var nextExcluded = 0
        var line = 1
        let count = source.lineStarts.count
        while line <= count {
            while nextExcluded < excluded.count, excluded[nextExcluded].upperBound < line { nextExcluded += 1 }
            if nextExcluded < excluded.count, excluded[nextExcluded].contains(line) {
                line = excluded[nextExcluded].upperBound + 1
                continue
            }
            guard let (label, textStart) = footnoteMarker(on: line, source) else {
                line += 1
                continue
            }
            let last = footnoteEnd(from: line, excluded: excluded[nextExcluded...], source: source)
            let (body, shifts) = Self(extensions: []).blockBody(
                line: line, textStart: textStart, firstLineEnd: source.contentEnd(line),
                rest: last > line ? (line + 1)...last : nil, indent: 4, quotes: 0, source: source)
            found.append(FootnoteDefinition(label: label, lines: line...last, body: body, shifts: shifts))
            line = last + 1
        }
        return found
    }

    /// The label and the offset of the text after `[^label]:` and its spaces, if the line opens a definition.
    static func footnoteMarker(on line: Int, from offset: Int? = nil, _ source: ParsedText) -> (String, Int)? {
        let bytes = source.bytes
        let start = offset ?? source.lineStart(line)
        let end = source.contentEnd(line)
        var index = start
        while index < end, index - start < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index + 2 < end, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^"),
            let close = bytes[(index + 2)..<end].firstIndex(of: UInt8(ascii: "]")), close > index + 2,
            close + 1 < end, bytes[close + 1] == UInt8(ascii: ":")
        else { return nil }
        var text = close + 2
        while text < end, bytes[text] == UInt8(ascii: " ") { text += 1 }
        return (String(decoding: bytes[(index + 2)..<close], as: UTF8.self), text)
    }

    /// The definition's last line: the rest of its paragraph (up to the next definition), then
    /// blocks indented 4 columns after blank lines.
    private static func footnoteEnd(
        from line: Int, excluded: ArraySlice<ClosedRange<Int>>, source: ParsedText
    ) -> Int {
        let parser = Self(extensions: [])
        let count = source.lineStarts.count
        var last = line
        var next = line + 1
        // The first excluded block after the definition line ends its paragraph.
        let blockStart = excluded.first?.lowerBound ?? Int.max
        while next <= count, next < blockStart, footnoteMarker(on: next, source) == nil {
            let (_, blank) = parser.leadingColumns(next, from: source.lineStart(next), source)
            if blank { break }
            last = next
            next += 1
        }
        while next <= count {
            let (columns, blank) = parser.leadingColumns(next, from: source.lineStart(next), source)
            if !blank && columns < 4 { break }
            if !blank { last = next }
            next += 1
        }
        return last
    }

    /// Whether the text may hold a footnote definition and lines up with cmark's positions (no
    /// NUL; see `mightHaveOpener`).
    static func mightHaveFootnotes(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var found = false
        for byte in text.utf8 {
            if byte == 0 { return false }
            if previous == UInt8(ascii: "[") && byte == UInt8(ascii: "^") { found = true }
            previous = byte
        }
        return found
    }
}
