import TrellisCore

/// `pymdownx.blocks` in the pre-pass: a paragraph line `/// name | argument` opens a block, its
/// indented lines right after are YAML options, and its body runs (not indented) to the line
/// with the same number of slashes alone; a block of that length opened inside pushes the
/// end further, as pymdownx closes its innermost block first. A block never closed runs to the
/// end of the text. Lines of code and HTML blocks never close one.
extension ContainerParser {
    /// One `///` block: what it renders as, the lines of its body and how far they are de-indented.
    struct BlockShape: Equatable {
        var kind: BlockKind
        var content: ClosedRange<Int>?
        var dedent: Int
        /// The byte offset of the argument (the title) in the opener's line, from the opener.
        var titleOffset: Int
    }

    var blocksEnabled: Bool { !extensions.isDisjoint(with: MarkdownExtension.blockExtensions) }

    /// The block opened at `offset` of `line` (its text starts at `contentStart`), if the
    /// header names an enabled block with valid options; a rejected one is noted.
    func blockOpener(
        line: Int, offset: Int, contentStart: Int, quotes: Int, source: ParsedText, codeLines: [ClosedRange<Int>], depth: Int
    ) -> Found? {
        let end = source.lineEnd(line)
        guard let header = BlockHeader.parse(source.slice(offset, end)) else { return nil }
        let indent = Self.columns(source.slice(contentStart, offset))
        let dedent = indent / 4 * 4
        let (options, next) = blockOptions(after: line, dedent: dedent, quotes: quotes, source: source)
        let kind: BlockKind
        switch BlockKind.resolve(header, options: options, extensions: extensions, settings: blocks) {
        case .success(let resolved): kind = resolved
        case .failure(let rejection):
            notes.add(
                at: TextPosition(line: line, byteColumn: offset - source.lineStart(line) + 1), depth: depth,
                message: "`\(String(decoding: source.slice(offset, end), as: UTF8.self))` stays text: \(rejection.message)")
            return nil
        }
        var open = [header.length]
        var closing: Int?
        var last = next - 1
        var current = next
        while current <= source.lineStarts.count, let prefixEnd = quotePrefixEnd(current, quotes: quotes, source) {
            let (columns, blank) = leadingColumns(current, from: prefixEnd, source)
            if blank {
                current += 1
                continue
            }
            if columns < dedent { break }
            if !Self.contains(codeLines, current) {
                let textStart = Self.offset(afterColumns: dedent, from: prefixEnd, in: source, line: current)
                let text = source.slice(textStart, source.lineEnd(current))
                if let length = BlockHeader.closingLength(text) {
                    if length == open.last {
                        open.removeLast()
                        if open.isEmpty {
                            closing = current
                            break
                        }
                    }
                } else if let inner = BlockHeader.parse(text),
                    case .success = BlockKind.resolve(
                        inner, options: blockOptions(after: current, dedent: dedent, quotes: quotes, source: source).0,
                        extensions: extensions, settings: blocks)
                {
                    open.append(inner.length)
                }
            }
            last = current
            current += 1
        }
        let covered = closing ?? last
        let contentEnd = (closing ?? (last + 1)) - 1
        let shape = BlockShape(
            kind: kind, content: contentEnd >= next ? next...contentEnd : nil, dedent: dedent,
            titleOffset: header.argumentOffset)
        return Found(
            opener: ContainerOpener(kind: .block(shape), classes: "", title: nil, titleOffset: 0),
            line: line, column: offset - source.lineStart(line) + 1, indent: indent, quotes: quotes,
            body: covered > line ? (line + 1)...covered : nil)
    }

    /// The YAML of the lines right after `line` indented 4 or more columns past `dedent`, and
    /// the first line after them.
    private func blockOptions(after line: Int, dedent: Int, quotes: Int, source: ParsedText) -> (ValueMap?, Int) {
        var lines: [Substring] = []
        var next = line + 1
        while next <= source.lineStarts.count, let prefixEnd = quotePrefixEnd(next, quotes: quotes, source) {
            let (columns, blank) = leadingColumns(next, from: prefixEnd, source)
            guard !blank, columns >= dedent + 4, lines.count < 1000 else { break }
            let start = Self.offset(afterColumns: dedent, from: prefixEnd, in: source, line: next)
            var text = Substring(String(decoding: source.slice(start, source.lineEnd(next)), as: UTF8.self))
            if text.last == "\r" { text = text.dropLast() }
            lines.append(text)
            next += 1
        }
        guard !lines.isEmpty else { return (ValueMap(), next) }
        // textwrap.dedent: the common leading spaces go.
        let common = lines.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        let yaml = lines.map { $0.dropFirst(common) }.joined(separator: "\n")
        return (BlockOptionsYAML.parse(yaml), next)
    }

    /// The byte offset `columns` columns of spaces and tabs past `start` on `line` (or where its
    /// indentation ends, if sooner).
    static func offset(afterColumns columns: Int, from start: Int, in source: ParsedText, line: Int) -> Int {
        let end = source.lineEnd(line)
        var index = start
        var seen = 0
        while index < end, seen < columns, source.bytes[index] == UInt8(ascii: " ") || source.bytes[index] == UInt8(ascii: "\t") {
            seen = source.bytes[index] == UInt8(ascii: "\t") ? (seen / 4 + 1) * 4 : seen + 1
            index += 1
        }
        return index
    }

    /// The line ranges of the code and HTML blocks of a plain parse, in order.
    static func codeLines(in document: MarkdownDocument) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for event in document.events() where event.entering {
            switch document.kind(of: event.node) {
            case .codeBlock, .htmlBlock:
                if let span = document.span(of: event.node) { ranges.append(span.lines) }
            default:
                break
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    static func contains(_ ranges: [ClosedRange<Int>], _ line: Int) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < line { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(line)
    }
}
