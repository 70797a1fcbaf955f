/// Python-Markdown `def_list` in the pre-pass: a paragraph with a line `:   text` (at most 3
/// spaces before the colon, 1–3 after) makes the lines before it terms and the colon line a
/// definition, continued by lazy lines and by blocks indented 4 more columns; a paragraph that
/// starts with a colon line takes the paragraph before it as terms (a loose definition).
/// Following terms and definitions separated by blank lines join the same list, as Python-Markdown
/// appends to a `<dl>` that is the previous sibling.
extension ContainerParser {
    /// The lines of one definition list: terms and definitions in order.
    struct DefinitionListShape: Equatable {
        enum Entry: Equatable {
            /// A term: its line and the byte range of its trimmed text.
            case term(line: Int, text: Range<Int>)
            /// A definition: the colon line, the offset of the text after the colon, the lines
            /// after it that belong to it, and whether its paragraphs render without `<p>`.
            case description(line: Int, textStart: Int, rest: ClosedRange<Int>?, tight: Bool)
        }
        var entries: [Entry]
    }

    /// The definition list that the paragraph at `span` starts or takes part in (its terms may be
    /// the paragraph before, `previous`), as a container found by the pre-pass.
    func definitionList(
        paragraph span: TextSpan, previous: TextSpan?, quotes: Int, paragraphs: [Int: Int], source: ParsedText
    ) -> Found? {
        let firstStart = source.lineStart(span.start.line)
        let offset = firstStart + span.start.byteColumn - 1
        guard let contentStart = quotePrefixEnd(span.start.line, quotes: quotes, source), contentStart <= offset else { return nil }
        let base = Self.columns(source.slice(contentStart, offset))
        var definitionLine: Int?
        for line in span.lines {
            if line > span.start.line, quotePrefixEnd(line, quotes: quotes, source) == nil { break }
            if colonText(line, base: base, quotes: quotes, source) != nil {
                definitionLine = line
                break
            }
        }
        guard let definitionLine else { return nil }
        var entries: [DefinitionListShape.Entry] = []
        var start = span.start.line
        var column = span.start.byteColumn
        var loose = false
        if definitionLine == span.start.line {
            guard let previous, previous.start.byteColumn == span.start.byteColumn else { return nil }
            start = previous.start.line
            column = previous.start.byteColumn
            loose = true
            appendTerms(previous.lines, firstColumn: previous.start.byteColumn, quotes: quotes, to: &entries, source)
        } else {
            appendTerms(span.start.line...(definitionLine - 1), firstColumn: span.start.byteColumn, quotes: quotes, to: &entries, source)
        }
        let last = appendDefinitions(
            from: definitionLine, paragraphEnd: span.end.line, loose: loose, base: base, quotes: quotes, paragraphs: paragraphs,
            to: &entries, source)
        return Found(
            opener: ContainerOpener(kind: .definitionList(DefinitionListShape(entries: entries)), classes: "", title: nil, titleOffset: 0),
            line: start, column: column, indent: base, quotes: quotes, body: last > start ? (start + 1)...last : nil)
    }

    /// Scans definitions from the colon line `line`; returns the list's last line.
    private func appendDefinitions(
        from line: Int, paragraphEnd: Int, loose: Bool, base: Int, quotes: Int, paragraphs: [Int: Int],
        to entries: inout [DefinitionListShape.Entry], _ source: ParsedText
    ) -> Int {
        let count = source.lineStarts.count
        var line = line
        var loose = loose
        // The last line of cmark's paragraph holding `line`: a less indented line after it is
        // not a lazy continuation (it is the next list item, say).
        var paragraphEnd = paragraphEnd
        while let textStart = colonText(line, base: base, quotes: quotes, source) {
            // The rest of the block: lazy lines, or lines indented 4 more (up to a less indented one).
            var last = line
            var next = line + 1
            var indented = false
            while next <= count, let prefix = quotePrefixEnd(next, quotes: quotes, source) {
                let (columns, blank) = leadingColumns(next, from: prefix, source)
                if blank || colonText(next, base: base, quotes: quotes, source) != nil { break }
                if columns >= base + 4 { indented = true } else if indented || (columns < base && next > paragraphEnd) { break }
                last = next
                next += 1
            }
            let sameBlockColon = next <= count && colonText(next, base: base, quotes: quotes, source) != nil
            var tight = !loose
            // After blank lines, blocks indented 4 more belong to the definition and make it loose.
            var probe = skipBlank(from: next, quotes: quotes, source)
            if !sameBlockColon {
                while probe <= count, probe > last + 1, let prefix = quotePrefixEnd(probe, quotes: quotes, source),
                    leadingColumns(probe, from: prefix, source).0 >= base + 4
                {
                    tight = false
                    var block = probe
                    while block <= count, let prefix = quotePrefixEnd(block, quotes: quotes, source) {
                        let (columns, blank) = leadingColumns(block, from: prefix, source)
                        if !blank && columns < base + 4 { break }
                        if !blank { last = block }
                        block += 1
                    }
                    probe = skipBlank(from: last + 1, quotes: quotes, source)
                }
            }
            entries.append(.description(line: line, textStart: textStart, rest: last > line ? (line + 1)...last : nil, tight: tight))
            if sameBlockColon {
                line = next
                loose = false
                continue
            }
            guard probe <= count, probe > last + 1 else { return last }
            if colonText(probe, base: base, quotes: quotes, source) != nil {
                line = probe
                loose = !tight
                paragraphEnd = paragraphs[probe] ?? probe
                continue
            }
            // A paragraph after the list: its own colon line continues the list with its terms,
            // or a colon line after it makes it the terms of a loose definition.
            guard let end = paragraphs[probe] else { return last }
            if let colon = (probe...end).first(where: { colonText($0, base: base, quotes: quotes, source) != nil }), colon > probe {
                appendTerms(probe...(colon - 1), firstColumn: nil, quotes: quotes, to: &entries, source)
                line = colon
                loose = false
                paragraphEnd = end
                continue
            }
            let after = skipBlank(from: end + 1, quotes: quotes, source)
            guard after > end + 1, after <= count, paragraphs[after] != nil,
                colonText(after, base: base, quotes: quotes, source) != nil
            else { return last }
            appendTerms(probe...end, firstColumn: nil, quotes: quotes, to: &entries, source)
            line = after
            loose = true
            paragraphEnd = paragraphs[after] ?? after
        }
        return line
    }

    /// One term per non-blank line, trimmed; the first starts at `firstColumn` when given (after
    /// a list marker).
    private func appendTerms(
        _ lines: ClosedRange<Int>, firstColumn: Int?, quotes: Int, to entries: inout [DefinitionListShape.Entry], _ source: ParsedText
    ) {
        for line in lines {
            guard var start = quotePrefixEnd(line, quotes: quotes, source) else { continue }
            if line == lines.lowerBound, let firstColumn { start = max(start, source.lineStart(line) + firstColumn - 1) }
            var end = source.lineEnd(line)
            while start < end, Self.isSpace(source.bytes[start]) { start += 1 }
            while end > start, Self.isSpace(source.bytes[end - 1]) { end -= 1 }
            if start < end { entries.append(.term(line: line, text: start..<end)) }
        }
    }

    /// The offset of the text after `:` and its 1–3 spaces, if the line is a colon line at the
    /// list's indentation (at most 3 columns more).
    func colonText(_ line: Int, base: Int, quotes: Int, _ source: ParsedText) -> Int? {
        guard let prefix = quotePrefixEnd(line, quotes: quotes, source) else { return nil }
        let end = source.lineEnd(line)
        var index = prefix
        while index < end, source.bytes[index] == UInt8(ascii: " ") { index += 1 }
        let columns = index - prefix
        guard columns >= base, columns <= base + 3, index + 1 < end, source.bytes[index] == UInt8(ascii: ":"),
            source.bytes[index + 1] == UInt8(ascii: " ")
        else { return nil }
        index += 1
        var spaces = 0
        while index < end, spaces < 3, source.bytes[index] == UInt8(ascii: " ") {
            index += 1
            spaces += 1
        }
        return index
    }

    /// The first line at or after `line` that is not blank (or past the text, or lacking the quote markers).
    private func skipBlank(from line: Int, quotes: Int, _ source: ParsedText) -> Int {
        var line = line
        while line <= source.lineStarts.count, let prefix = quotePrefixEnd(line, quotes: quotes, source),
            leadingColumns(line, from: prefix, source).1
        {
            line += 1
        }
        return line
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

extension ContainerParser {
    /// Appends the terms (inline Markdown) and definitions (blocks, parsed like container bodies).
    func appendEntries(
        of shape: DefinitionListShape, found: Found, to list: NodeID, in document: inout MarkdownDocument,
        source: ParsedText, depth: Int
    ) {
        for entry in shape.entries {
            switch entry {
            case .term(let line, let text):
                let lineStart = source.lineStart(line)
                let span = TextSpan(
                    start: TextPosition(line: line, byteColumn: text.lowerBound - lineStart + 1),
                    end: TextPosition(line: line, byteColumn: text.upperBound - lineStart))
                let term = document.appendChild(.definitionTerm, span: span, to: list)
                appendCell(source.bytes[text], at: span.start, to: term, in: &document)
            case .description(let line, let textStart, let rest, let tight):
                let lineStart = source.lineStart(line)
                let (text, shifts) = blockBody(
                    line: line, textStart: textStart, firstLineEnd: source.lineEnd(line), rest: rest, indent: found.indent + 4,
                    quotes: found.quotes, source: source)
                let last = rest?.upperBound ?? line
                let span = TextSpan(
                    start: TextPosition(line: line, byteColumn: textStart - lineStart + 1),
                    end: TextPosition(line: last, byteColumn: max(1, source.lineEnd(last) - source.lineStart(last))))
                let description = document.appendChild(.definitionDescription(tight: tight), span: span, to: list)
                let map = { (position: TextPosition) -> TextPosition in
                    let index = min(max(position.line - 1, 0), shifts.count - 1)
                    return TextPosition(line: line + index, byteColumn: position.byteColumn + shifts[index])
                }
                Self.graft(parseBody(text, lineCount: shifts.count, depth: depth + 1, map: map), under: description, in: &document, map: map)
            }
        }
    }

    /// The paragraph just before `node` among its siblings, if it starts at or after `line`
    /// (no container was found in it).
    func previousParagraph(of node: NodeID, in document: MarkdownDocument, from line: Int) -> TextSpan? {
        guard let previous = document.previousSibling(of: node), case .paragraph = document.kind(of: previous),
            let span = document.span(of: previous), span.start.line >= line
        else { return nil }
        return span
    }

    /// Every paragraph's first line mapped to its last line.
    static func paragraphLines(in document: MarkdownDocument) -> [Int: Int] {
        var lines: [Int: Int] = [:]
        for node in document.preorder() {
            if case .paragraph = document.kind(of: node), let span = document.span(of: node) {
                lines[span.start.line] = span.lines.upperBound
            }
        }
        return lines
    }
}
