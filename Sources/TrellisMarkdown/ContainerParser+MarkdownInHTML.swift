/// Python-Markdown `md_in_html` in the pre-pass: an HTML block whose first tag carries
/// `markdown` (`markdown="1"`, `"block"`, `"span"`) is replaced, up to its matching closing tag,
/// by an `htmlElement` node whose body is parsed as Markdown blocks (or inline, for span
/// elements such as `p`), so nested `<div markdown>` blocks work too. The tag is written back
/// as Python-Markdown's serializer does: lowercase, attributes sorted, `markdown` dropped.
extension ContainerParser {
    /// One `markdown` element: its re-serialized tags and the byte range of its body.
    struct HTMLElementShape: Equatable {
        var open: String
        var close: String
        var block: Bool
        var body: Range<Int>
        /// The line the body starts on.
        var bodyLine: Int
    }

    /// Tags whose content Python-Markdown parses as blocks with `markdown="1"`.
    static let blockTags: Set<String> = [
        "article", "aside", "blockquote", "body", "center", "colgroup", "details", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "group", "header", "hgroup", "html", "iframe", "main", "map",
        "menu", "nav", "noscript", "object", "ol", "output", "progress", "section", "table", "tbody", "tfoot",
        "thead", "tr", "ul", "video",
    ]
    /// Tags whose content gets inline parsing only.
    static let spanTags: Set<String> = [
        "address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary", "td", "th",
    ]

    /// How deep `markdown` elements and definition lists nest before the rest stays as written
    /// (raw HTML, a paragraph): below the containers' bound, as each of their levels costs more
    /// stack.
    static let maxElementDepth = 32

    /// The `markdown` element an HTML block starting at `span` opens, if any.
    func markdownElement(at span: TextSpan, source: ParsedText) -> Found? {
        let bytes = source.bytes
        let lineStart = source.lineStart(span.start.line)
        let start = lineStart + span.start.byteColumn - 1
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<"), let tag = HTMLTag.parse(bytes, at: start, limit: source.endOfLine(containing: source.utf8Offset(of: span.end))),
            let attribute = tag.attributes.last(where: { $0.name == "markdown" })
        else { return nil }
        let mode = attribute.value ?? "1"
        let block: Bool
        switch mode {
        case "1", "markdown": block = Self.blockTags.contains(tag.name)
        case "block": block = Self.blockTags.contains(tag.name) || Self.spanTags.contains(tag.name)
        case "span": block = false
        default: return nil
        }
        guard block || Self.spanTags.contains(tag.name) || (mode == "span" && Self.blockTags.contains(tag.name)) else { return nil }
        // An element never closed runs to the end of the page, as Python-Markdown closes it there.
        let close = HTMLTag.matchingClose(of: tag.name, in: bytes, from: tag.end) ?? (bytes.count..<bytes.count)
        // The closing tag must end its line, so the element is whole lines.
        let closeLineEnd = source.endOfLine(containing: close.upperBound)
        guard source.slice(close.upperBound, closeLineEnd).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
        else { return nil }
        let closeLine = source.position(ofUTF8Offset: close.lowerBound).line
        let shape = HTMLElementShape(
            open: tag.serialized(dropping: "markdown"), close: "</\(tag.name)>", block: block,
            body: tag.end..<close.lowerBound, bodyLine: source.position(ofUTF8Offset: tag.end).line)
        return Found(
            opener: ContainerOpener(kind: .htmlElement(shape), classes: "", title: nil, titleOffset: 0),
            line: span.start.line, column: span.start.byteColumn, indent: 0, quotes: 0,
            body: closeLine > span.start.line ? (span.start.line + 1)...closeLine : nil)
    }

    /// Appends the element's body, parsed as blocks or as inline text, under `node`. Kept small:
    /// its frame is on the stack once per nesting level.
    func appendBody(of shape: HTMLElementShape, to node: NodeID, in document: inout MarkdownDocument, source: ParsedText, depth: Int) {
        let text = String(decoding: source.slice(shape.body.lowerBound, shape.body.upperBound), as: UTF8.self)
        let lineCount = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let firstShift = shape.body.lowerBound - source.lineStart(shape.bodyLine)
        let bodyLine = shape.bodyLine
        let map = { (position: TextPosition) -> TextPosition in
            TextPosition(line: bodyLine + position.line - 1, byteColumn: position.byteColumn + (position.line == 1 ? firstShift : 0))
        }
        let sub = parseBody(text, lineCount: lineCount, depth: depth + 1, map: map)
        if shape.block {
            Self.graft(sub, under: node, in: &document, map: map)
        } else {
            Self.appendInline(sub, under: node, in: &document, map: map)
        }
    }

    /// Span content is inline only: paragraphs give their inline nodes and HTML blocks (cmark
    /// lets `<figcaption>` interrupt a paragraph) become inline HTML, block after block.
    static func appendInline(
        _ sub: MarkdownDocument, under node: NodeID, in document: inout MarkdownDocument, map: (TextPosition) -> TextPosition
    ) {
        for (index, block) in sub.children(of: sub.root).enumerated() {
            if index > 0 { document.appendChild(.softBreak, to: node) }
            let span = sub.span(of: block).map { TextSpan(start: map($0.start), end: map($0.end)) }
            switch sub.kind(of: block) {
            case .paragraph:
                graft(sub, from: block, under: node, in: &document, map: map)
            case .htmlBlock(let html):
                var trimmed = Substring(html)
                while trimmed.last == "\n" || trimmed.last == "\r" { trimmed = trimmed.dropLast() }
                document.appendChild(.inlineHTML(String(trimmed)), span: span, to: node)
            default:
                let copy = document.appendChild(sub.kind(of: block), span: span, to: node)
                if !sub.kind(of: block).isLeaf { graft(sub, from: block, under: copy, in: &document, map: map) }
            }
        }
    }
}
