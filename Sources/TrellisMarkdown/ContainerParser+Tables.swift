/// Pipe tables in the container pre-pass: a paragraph whose lines form a Python-Markdown table
/// is replaced by a placeholder like a container, then by `table` nodes whose cells hold inline
/// nodes parsed from the cell text, with positions in the original text.
extension ContainerParser {
    /// The table formed by the lines of the paragraph at `span`, if any. Rows stop before a line
    /// that lacks the paragraph's block quote markers (a lazy continuation line) or opens a container.
    func table(in span: TextSpan, quotes: Int, source: ParsedText) -> Found? {
        let firstStart = source.lineStart(span.start.line)
        let offset = firstStart + span.start.byteColumn - 1
        var contentStart = firstStart
        if quotes > 0 {
            guard let marker = source.slice(firstStart, offset).lastIndex(of: UInt8(ascii: ">")) else { return nil }
            contentStart = marker + 1
            if contentStart < offset, source.bytes[contentStart] == UInt8(ascii: " ") { contentStart += 1 }
        }
        let firstEnd = source.contentEnd(span.start.line)
        // Every header row holds a pipe; most paragraphs are rejected here without collecting lines.
        guard span.end.line > span.start.line, offset < firstEnd,
            source.slice(offset, firstEnd).contains(UInt8(ascii: "|"))
        else { return nil }
        var lines: [(line: Int, text: Range<Int>)] = [(span.start.line, offset..<firstEnd)]
        var line = span.start.line + 1
        while line <= span.end.line, var start = quotePrefixEnd(line, quotes: quotes, source) {
            let end = source.contentEnd(line)
            while start < end, source.bytes[start] == UInt8(ascii: " ") || source.bytes[start] == UInt8(ascii: "\t") {
                start += 1
            }
            // Python-Markdown's container processors run before the table's and split the block.
            if ContainerOpener.recognise(source.slice(start, end), extensions: extensions) != nil { break }
            lines.append((line, start..<end))
            line += 1
        }
        guard let table = PipeTable.recognise(lines, in: source.bytes) else { return nil }
        return Found(
            opener: ContainerOpener(kind: .table(table), classes: "", title: nil, titleOffset: 0),
            line: span.start.line, column: span.start.byteColumn,
            indent: Self.columns(source.slice(contentStart, offset)), quotes: quotes,
            body: table.lastLine > span.start.line ? (span.start.line + 1)...table.lastLine : nil)
    }

    /// Appends the table's rows and cells under `table`.
    func appendRows(of table: PipeTable, to node: NodeID, in document: inout MarkdownDocument, source: ParsedText) {
        for (index, row) in table.rows.enumerated() {
            let lineStart = source.lineStart(row.line)
            let rowNode = document.appendChild(.tableRow, span: nil, to: node)
            for (column, cell) in row.cells.enumerated() {
                let kind = NodeKind.tableCell(header: index == 0, alignment: table.alignments[column])
                guard let cell, !cell.isEmpty else {
                    document.appendChild(kind, span: nil, to: rowNode)
                    continue
                }
                let cellSpan = TextSpan(
                    start: TextPosition(line: row.line, byteColumn: cell.lowerBound - lineStart + 1),
                    end: TextPosition(line: row.line, byteColumn: cell.upperBound - lineStart))
                let cellNode = document.appendChild(kind, span: cellSpan, to: rowNode)
                appendCell(source.bytes[cell], at: cellSpan.start, to: cellNode, in: &document)
            }
        }
        // Python-Markdown gives a table without body rows one row of empty, unaligned cells.
        if table.rows.count == 1 {
            let rowNode = document.appendChild(.tableRow, span: nil, to: node)
            for _ in table.alignments {
                document.appendChild(.tableCell(header: false, alignment: nil), span: nil, to: rowNode)
            }
        }
    }

    /// Parses a cell as inline Markdown (with the page's reference definitions it names), as
    /// Python-Markdown reads every cell. A cell cmark would read as another block (`<ul><li>…`,
    /// `- x`, `# x`, `> x`) is read after an inert byte that keeps it a paragraph, then taken out;
    /// if that fails too, the cell stays literal text.
    func appendCell(
        _ text: some Collection<UInt8>, at start: TextPosition, to node: NodeID, in document: inout MarkdownDocument
    ) {
        var bytes = Array(text)
        let used = definitions.used(by: bytes)
        if !used.isEmpty {
            bytes.append(contentsOf: "\n\n".utf8)
            bytes.append(contentsOf: used)
        }
        if let (parsed, paragraph) = oneLineParagraph(bytes) {
            Self.graft(parsed, from: paragraph, under: node, in: &document) { position in
                TextPosition(line: start.line, byteColumn: position.byteColumn + start.byteColumn - 1)
            }
            return
        }
        if let (read, paragraph) = oneLineParagraph([0x1F] + bytes), let first = read.firstChild(of: paragraph),
            case .text(let literal) = read.kind(of: first), literal.utf8.first == 0x1F
        {
            var parsed = read
            let rest = String(literal.utf8.dropFirst()) ?? ""
            if rest.isEmpty { parsed.remove(first) } else { parsed.setKind(.text(rest), of: first) }
            Self.graft(parsed, from: paragraph, under: node, in: &document) { position in
                TextPosition(line: start.line, byteColumn: max(position.byteColumn - 1, 1) + start.byteColumn - 1)
            }
            return
        }
        document.appendChild(.text(String(decoding: text, as: UTF8.self)), span: nil, to: node)
    }

    /// `bytes` parsed, if cmark reads them as one paragraph on one line.
    private func oneLineParagraph(_ bytes: [UInt8]) -> (MarkdownDocument, NodeID)? {
        let parsed = CMark.parse(String(decoding: bytes, as: UTF8.self), smart: smart, math: math)
        let blocks = parsed.children(of: parsed.root)
        guard blocks.count == 1, case .paragraph = parsed.kind(of: blocks[0]), parsed.span(of: blocks[0])?.end.line == 1 else {
            return nil
        }
        return (parsed, blocks[0])
    }
}
