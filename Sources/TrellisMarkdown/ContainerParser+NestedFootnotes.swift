/// Footnote definitions inside list items and block quotes: a paragraph line that starts, at the
/// paragraph's column (continuation lines up to 3 columns further), with `[^label]:`, continued
/// by the rest of the paragraph only: Python-Markdown's list and quote processors claim the
/// indented blocks after it before the footnote processor sees them.
extension ContainerParser {
    static func nestedFootnoteDefinitions(in document: MarkdownDocument, source: ParsedText) -> [FootnoteDefinition] {
        let parser = Self(extensions: [])
        var found: [FootnoteDefinition] = []
        var quoteDepth = 0
        var nextFreeLine = 1
        for event in document.events() {
            let kind = document.kind(of: event.node)
            var isQuote = false
            if case .blockQuote = kind {
                quoteDepth += event.entering ? 1 : -1
                isQuote = true
            }
            var isItem = false
            if case .item = kind { isItem = true }
            if event.entering, isItem || isQuote {
                found.append(contentsOf: parser.swallowedDefinitions(in: event.node, of: document, quotes: quoteDepth, from: nextFreeLine, source))
                if let last = found.last { nextFreeLine = max(nextFreeLine, last.lines.upperBound + 1) }
            }
            guard event.entering, case .paragraph = kind, document.parent(of: event.node) != document.root,
                let span = document.span(of: event.node), span.end.line >= nextFreeLine
            else { continue }
            let offset = source.lineStart(span.start.line) + span.start.byteColumn - 1
            guard let prefix = parser.quotePrefixEnd(span.start.line, quotes: quoteDepth, source), prefix <= offset else { continue }
            let base = columns(source.slice(prefix, offset))
            var line = max(span.start.line, nextFreeLine)
            while line <= span.end.line {
                guard let (label, textStart, markerStart) = parser.nestedMarker(
                    line, paragraphStart: span.start.line, offset: offset, base: base, quotes: quoteDepth, source)
                else {
                    line += 1
                    continue
                }
                let last = parser.nestedFootnoteEnd(from: line, paragraphEnd: span.end.line, base: base, quotes: quoteDepth, source)
                let (body, shifts) = parser.blockBody(
                    line: line, textStart: textStart, firstLineEnd: source.contentEnd(line),
                    rest: last > line ? (line + 1)...last : nil, indent: base + 4, quotes: quoteDepth, source: source)
                found.append(
                    FootnoteDefinition(
                        label: label, lines: line...last, body: body, shifts: shifts, quotes: quoteDepth, firstOffset: markerStart))
                line = last + 1
                nextFreeLine = line
            }
        }
        return found.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }

    /// Definitions cmark took for link reference definitions (`[^n]: Note.` is one): lines of a
    /// list item or block quote that none of its blocks covers.
    private func swallowedDefinitions(
        in container: NodeID, of document: MarkdownDocument, quotes: Int, from firstLine: Int, _ source: ParsedText
    ) -> [FootnoteDefinition] {
        guard let span = document.span(of: container) else { return [] }
        var covered: [ClosedRange<Int>] = []
        for child in document.children(of: container) {
            if let childSpan = document.span(of: child) { covered.append(childSpan.lines) }
        }
        var found: [FootnoteDefinition] = []
        var next = 0
        var line = max(span.start.line, firstLine)
        while line <= span.end.line {
            while next < covered.count, covered[next].upperBound < line { next += 1 }
            if next < covered.count, covered[next].contains(line) {
                line = covered[next].upperBound + 1
                continue
            }
            guard let prefix = quotePrefixEnd(line, quotes: quotes, source) else { break }
            var start = prefix
            let end = source.lineEnd(line)
            let firstItemLine = line == span.start.line && { if case .item = document.kind(of: container) { return true } else { return false } }()
            if firstItemLine { start = source.lineStart(line) + span.start.byteColumn - 1 }
            while start < end, firstItemLine, Self.isListMarkerByte(source.bytes[start]) { start += 1 }
            while start < end, source.bytes[start] == UInt8(ascii: " ") { start += 1 }
            if let (label, textStart) = Self.footnoteMarker(on: line, from: start, source) {
                let (body, shifts) = blockBody(
                    line: line, textStart: textStart, firstLineEnd: source.contentEnd(line), rest: nil, indent: 0,
                    quotes: quotes, source: source)
                found.append(
                    FootnoteDefinition(label: label, lines: line...line, body: body, shifts: shifts, quotes: quotes, firstOffset: start))
            }
            line += 1
        }
        return found
    }

    /// `-`, `+`, `*`, digits, `.` and `)`: what a list item's marker is made of.
    private static func isListMarkerByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "."), UInt8(ascii: ")"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    /// The label, text start and marker start of a definition on `line` of a nested paragraph.
    private func nestedMarker(
        _ line: Int, paragraphStart: Int, offset: Int, base: Int, quotes: Int, _ source: ParsedText
    ) -> (String, Int, Int)? {
        if line == paragraphStart {
            guard let (label, text) = Self.footnoteMarker(on: line, from: offset, source) else { return nil }
            return (label, text, offset)
        }
        guard let prefix = quotePrefixEnd(line, quotes: quotes, source) else { return nil }
        var start = prefix
        let end = source.lineEnd(line)
        while start < end, source.bytes[start] == UInt8(ascii: " "), start - prefix < base + 3 { start += 1 }
        guard let (label, text) = Self.footnoteMarker(on: line, from: start, source) else { return nil }
        return (label, text, start)
    }

    /// The definition's last line: the rest of its paragraph, up to the next definition.
    private func nestedFootnoteEnd(from line: Int, paragraphEnd: Int, base: Int, quotes: Int, _ source: ParsedText) -> Int {
        var last = line
        var next = line + 1
        while next <= paragraphEnd, let prefix = quotePrefixEnd(next, quotes: quotes, source) {
            var start = prefix
            while start < source.lineEnd(next), source.bytes[start] == UInt8(ascii: " "), start - prefix < base + 3 { start += 1 }
            if Self.footnoteMarker(on: next, from: start, source) != nil { return last }
            last = next
            next += 1
        }
        return last
    }
}
