/// Finding containers in cmark's plain parse: openers on paragraph lines, pipe tables,
/// definition lists and `markdown` HTML blocks, each with the lines of its body.
extension ContainerParser {
    /// Paragraph lines (outside block quotes) that open a container, with their bodies.
    func findContainers(in document: MarkdownDocument, source: ParsedText, depth: Int) -> [Found] {
        var found: [Found] = []
        var nextFreeLine = 1
        let paragraphs = extensions.contains(.defList) ? Self.paragraphLines(in: document) : [:]
        var quoteDepth = 0
        let codeLines = blocksEnabled ? Self.codeLines(in: document) : []
        for event in document.events() {
            let kind = document.kind(of: event.node)
            if case .blockQuote = kind {
                quoteDepth += event.entering ? 1 : -1
                continue
            }
            // A setext heading's text was paragraph text until its underline: an opener there
            // still opens a container (whose body then ends before the underline).
            guard event.entering, let span = document.span(of: event.node) else { continue }
            if case .htmlBlock = kind, quoteDepth == 0, extensions.contains(.mdInHTML),
                span.start.line >= nextFreeLine,
                document.parent(of: event.node) == document.root, let element = markdownElement(at: span, source: source),
                withinElementDepth(element, depth: depth)
            {
                found.append(element)
                nextFreeLine = (element.body?.upperBound ?? element.line) + 1
                continue
            }
            switch kind {
            case .paragraph, .heading: break
            default: continue
            }
            var inItem = false
            if let parent = document.parent(of: event.node), case .item = document.kind(of: parent) { inItem = true }
            var line = max(span.start.line, nextFreeLine)
            if case .paragraph = kind, line == span.start.line, extensions.contains(.defList),
                let list = definitionList(
                    paragraph: span, previous: previousParagraph(of: event.node, in: document, from: nextFreeLine),
                    quotes: quoteDepth, paragraphs: paragraphs, source: source),
                withinElementDepth(list, depth: depth)
            {
                found.append(list)
                line = (list.body?.upperBound ?? line) + 1
                nextFreeLine = line
            }
            if case .paragraph = kind, line == span.start.line, extensions.contains(.tables),
                let table = table(in: span, quotes: quoteDepth, source: source)
            {
                found.append(table)
                line = (table.body?.upperBound ?? line) + 1
                nextFreeLine = line
            }
            while line <= span.end.line {
                if let container = opener(
                    at: line, paragraphStart: span.start, inItem: inItem, quotes: quoteDepth, source: source,
                    codeLines: codeLines, depth: depth)
                {
                    found.append(container)
                    line = (container.body?.upperBound ?? line) + 1
                    nextFreeLine = line
                } else {
                    line += 1
                }
            }
        }
        return found
    }

    /// Whether a `markdown` element or definition list found at `depth` is within
    /// `maxElementDepth`; if not, it stays plain and is recorded as the page's nesting problem.
    private func withinElementDepth(_ element: Found, depth: Int) -> Bool {
        guard depth >= Self.maxElementDepth else { return true }
        limits.refuse(
            at: TextPosition(line: element.line, byteColumn: element.column), depth: depth,
            message: "`markdown` HTML elements and definition lists nest more than \(Self.maxElementDepth) levels deep; this one and those inside it stay plain Markdown")
        return false
    }

    /// The container opened on `line`, if the line holds an opener at the paragraph's column
    /// (or, on a continuation line, further left). In a list item a continuation line may indent
    /// the opener up to 3 more columns, as in Python-Markdown's 4-space list content.
    func opener(
        at line: Int, paragraphStart: TextPosition, inItem: Bool, quotes: Int, source: ParsedText,
        codeLines: [ClosedRange<Int>] = [], depth: Int = 0
    ) -> Found? {
        let start = source.lineStart(line)
        let end = source.lineEnd(line)
        var offset = start + paragraphStart.byteColumn - 1
        var contentStart = start
        if line == paragraphStart.line {
            guard offset + 3 <= end else { return nil }
            if quotes > 0 {
                guard let marker = source.slice(start, offset).lastIndex(of: UInt8(ascii: ">")) else { return nil }
                contentStart = marker + 1
                if contentStart < offset, source.bytes[contentStart] == UInt8(ascii: " ") { contentStart += 1 }
            }
        } else {
            // Python-Markdown matches an opener at the start of any line of a block, so a lazy
            // continuation line (less indented, even outside the list item) opens one too.
            guard let prefixEnd = quotePrefixEnd(line, quotes: quotes, source) else { return nil }
            contentStart = prefixEnd
            offset = prefixEnd
            while offset < end, source.bytes[offset] == UInt8(ascii: " ") { offset += 1 }
            guard offset - start + 1 <= paragraphStart.byteColumn + (inItem ? 3 : 0) else { return nil }
        }
        if blocksEnabled, offset + 3 <= end, source.bytes[offset] == UInt8(ascii: "/") {
            return blockOpener(line: line, offset: offset, contentStart: contentStart, quotes: quotes, source: source, codeLines: codeLines, depth: depth)
        }
        guard offset + 3 <= end,
            let opener = ContainerOpener.recognise(source.slice(offset, end), extensions: extensions)
        else { return nil }
        let indent = Self.columns(source.slice(contentStart, offset))
        var last = line
        var next = line + 1
        while next <= source.lineStarts.count, let prefixEnd = quotePrefixEnd(next, quotes: quotes, source) {
            let (columns, blank) = leadingColumns(next, from: prefixEnd, source)
            if !blank && columns < indent + 4 { break }
            if !blank { last = next }
            next += 1
        }
        return Found(
            opener: opener, line: line, column: offset - start + 1, indent: indent, quotes: quotes,
            body: last > line ? (line + 1)...last : nil)
    }
}
