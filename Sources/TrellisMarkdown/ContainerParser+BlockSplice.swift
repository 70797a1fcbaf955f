/// A `pymdownx.blocks` block replacing its placeholder: the elements pymdownx writes, with the
/// body to parse under the innermost one.
extension ContainerParser {
    func spliceBlock(
        _ found: Found, _ shape: BlockShape, span: TextSpan, replacing placeholder: NodeID, in document: inout MarkdownDocument,
        tabCounts: inout [NodeID: Int], source: ParsedText
    ) -> Body? {
        let titleColumn = found.column + shape.titleOffset
        var inline = false
        var definition = false
        let target: NodeID
        switch shape.kind {
        case .admonition(let attributes, let title):
            target = document.insert(
                .htmlElement(open: HTMLBlockTags.openTag("div", attributes), close: "</div>", block: true), span: span, before: placeholder)
            if let title, let (level, text, offset) = Self.headingTitle(title) {
                let node = document.appendChild(.heading(level: level, id: nil), span: nil, to: target)
                var attributes = HTMLAttributes()
                attributes.set("class", "admonition-title")
                document.setAttributes(attributes, of: node)
                appendTitle(text, line: found.line, column: titleColumn + offset, to: node, in: &document)
            } else if let title {
                let node = document.appendChild(.htmlElement(open: "<p class=\"admonition-title\">", close: "</p>", block: false), to: target)
                appendTitle(title, line: found.line, column: titleColumn, to: node, in: &document)
            }
        case .details(let attributes, let title):
            target = document.insert(
                .htmlElement(open: HTMLBlockTags.openTag("details", attributes), close: "</details>", block: true), span: span,
                before: placeholder)
            if let title {
                let node = document.appendChild(.htmlElement(open: "<summary>", close: "</summary>", block: false), to: target)
                if let (level, text, offset) = Self.headingTitle(title) {
                    let heading = document.appendChild(.heading(level: level, id: nil), span: nil, to: node)
                    appendTitle(text, line: found.line, column: titleColumn + offset, to: heading, in: &document)
                } else {
                    appendTitle(title, line: found.line, column: titleColumn, to: node, in: &document)
                }
            }
        case .tab(let title, let new, let select):
            target = Self.tab(select: select, newSet: new, span: span, before: placeholder, in: &document, tabCounts: &tabCounts)
            let node = document.appendChild(.containerTitle, span: nil, to: target)
            appendTitle(title, line: found.line, column: titleColumn, to: node, in: &document)
        case .html(let open, let close, let mode):
            switch mode {
            case .block:
                target = document.insert(.htmlElement(open: open, close: close, block: true), span: span, before: placeholder)
            case .inline:
                target = document.insert(.htmlElement(open: open, close: close, block: false), span: span, before: placeholder)
                inline = true
            case .raw(let escaped):
                let node = document.insert(.htmlElement(open: open, close: close, block: false), span: span, before: placeholder)
                document.remove(placeholder)
                let text = rawText(shape, quotes: found.quotes, source: source)
                if !text.isEmpty {
                    document.appendChild(.rawHTML(escaped ? String(decoding: HTMLEscaping.escapedHTML(text), as: UTF8.self) : text), to: node)
                }
                return nil
            }
        case .definition(let attributes):
            target = document.insert(
                .htmlElement(open: HTMLBlockTags.openTag("dl", attributes), close: "</dl>", block: true), span: span, before: placeholder)
            definition = true
        case .caption(let figure):
            let node = document.insert(.captionFigure(figure), span: span, before: placeholder)
            if let previous = document.previousSibling(of: node) {
                if let start = document.span(of: previous)?.start { document.setSpan(TextSpan(start: start, end: span.end), of: node) }
                document.remove(previous)
                document.appendExisting(previous, to: node)
            }
            target = document.appendChild(.htmlElement(open: CaptionNumbering.figcaptionOpen, close: "</figcaption>", block: true), span: span, to: node)
            if figure.prepend, let first = document.firstChild(of: node), first != target {
                document.remove(target)
                document.insertExisting(target, before: first)
            }
        }
        document.remove(placeholder)
        guard let lines = shape.content else { return nil }
        let (bytes, shifts) = dedentedBody(lines, indent: shape.dedent, quotes: found.quotes, source: source)
        return Body(container: target, bytes: bytes, inline: inline, definition: definition, lines: lines, shifts: shifts)
    }

    /// `pymdownx.blocks.definition`'s end of a block: each paragraph becomes a term, each item of
    /// a list a definition, any other block a term around it.
    static func makeDefinitionList(_ list: NodeID, in document: inout MarkdownDocument) {
        for child in document.detachChildren(of: list) {
            let span = document.span(of: child)
            switch document.kind(of: child) {
            case .paragraph:
                let term = document.appendChild(.definitionTerm, span: span, to: list)
                for inline in document.detachChildren(of: child) { document.appendExisting(inline, to: term) }
            case .list(let style):
                for item in document.detachChildren(of: child) {
                    let description = document.appendChild(.definitionDescription(tight: style.tight), span: document.span(of: item), to: list)
                    for block in document.detachChildren(of: item) { document.appendExisting(block, to: description) }
                }
            default:
                let term = document.appendChild(.htmlElement(open: "<dt>", close: "</dt>", block: true), span: span, to: list)
                document.appendExisting(child, to: term)
            }
        }
    }

    /// A title written as a heading (pymdownx's `RE_NORMAL_HEADING`: 1 to 6 `#`, the text, any
    /// closing `#`s): its level, its text without them and where that text starts in the title.
    static func headingTitle(_ title: String) -> (level: Int, text: String, offset: Int)? {
        let bytes = Array(title.utf8)
        var level = 0
        while level < bytes.count, level < 6, bytes[level] == UInt8(ascii: "#") { level += 1 }
        guard level > 0, bytes.last != UInt8(ascii: "\\") || bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\\") else { return nil }
        var end = bytes.count
        while end > level, bytes[end - 1] == UInt8(ascii: "#") { end -= 1 }
        // An escaped `\#` is text: its `#` stays.
        if end < bytes.count, end > level, bytes[end - 1] == UInt8(ascii: "\\") { end += 1 }
        var start = level
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return (level, String(decoding: bytes[start..<end], as: UTF8.self), start)
    }

    /// A raw body as pymdownx keeps it: its lines, without the blank lines around them, and
    /// de-indented by their common indentation (at most 4 columns).
    private func rawText(_ shape: BlockShape, quotes: Int, source: ParsedText) -> String {
        guard let lines = shape.content else { return "" }
        let (bytes, _) = dedentedBody(lines, indent: shape.dedent, quotes: quotes, source: source)
        var rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { row in
            row.last == "\r" ? row.dropLast() : row
        }
        while let first = rows.first, first.isEmpty { rows.removeFirst() }
        while let last = rows.last, last.isEmpty { rows.removeLast() }
        let common = min(4, rows.filter { $0.contains { $0 != " " } }.map { $0.prefix { $0 == " " }.count }.min() ?? 0)
        return rows.map { row in row.allSatisfy { $0 == " " } ? "" : String(row.dropFirst(min(common, row.prefix { $0 == " " }.count))) }
            .joined(separator: "\n")
    }
}
