/// A Python-Markdown `tables` table recognised in the lines of one paragraph, as byte ranges of
/// the source text: `TableProcessor.test`, `run` and `_split_row` applied to bytes.
struct PipeTable: Equatable {
    /// One row: its 1-based line and, per column, the stripped cell text (`nil` past the row's end).
    struct Row: Equatable {
        var line: Int
        var cells: [Range<Int>?]
    }

    /// One alignment per column, from the delimiter row.
    var alignments: [TableAlignment?]
    /// The header row, then the body rows (the delimiter row is left out).
    var rows: [Row]
    /// The 1-based line of the table's last row.
    var lastLine: Int

    /// Recognises a table in `lines` (each the text of one line after any indentation, without its
    /// line ending), or `nil` when Python-Markdown would leave them a paragraph.
    static func recognise(_ lines: [(line: Int, text: Range<Int>)], in bytes: TextBytes) -> PipeTable? {
        guard lines.count > 1 else { return nil }
        let rows = lines.map { (line: $0.line, text: strip($0.text, bytes, tabs: false)) }
        let header = rows[0].text
        let border = (!header.isEmpty && bytes[header.lowerBound] == pipe) || endBorder(header, bytes) != nil
        let headerCells = split(header, bytes, border: border)
        if headerCells.count == 1 {
            guard border else { return nil }
            for row in rows.dropFirst() {
                let text = row.text
                guard (!text.isEmpty && bytes[text.lowerBound] == pipe) || endBorder(text, bytes) != nil else { return nil }
            }
        }
        let separator = split(rows[1].text, bytes, border: border)
        guard separator.count == headerCells.count,
            separator.allSatisfy({ cell in bytes[cell].allSatisfy { delimiterBytes.contains($0) } })
        else { return nil }
        let alignments = separator.map { cell -> TableAlignment? in
            let text = strip(cell, bytes, tabs: false)
            let left = !text.isEmpty && bytes[text.lowerBound] == colon
            let right = !text.isEmpty && bytes[text.upperBound - 1] == colon
            return left && right ? .center : left ? .left : right ? .right : nil
        }
        var table = PipeTable(alignments: alignments, rows: [], lastLine: rows[rows.count - 1].line)
        for row in [rows[0]] + rows.dropFirst(2) {
            let cells = split(row.text, bytes, border: border)
            table.rows.append(
                Row(line: row.line, cells: alignments.indices.map { $0 < cells.count ? strip(cells[$0], bytes, tabs: true) : nil }))
        }
        return table
    }

    /// `_split_row`: drops the border pipes, then splits on pipes outside code spans and escapes.
    static func split(_ row: Range<Int>, _ bytes: TextBytes, border: Bool) -> [Range<Int>] {
        var low = row.lowerBound
        var high = row.upperBound
        if border {
            if low < high, bytes[low] == pipe { low += 1 }
            if let end = endBorder(low..<high, bytes) { high = end }
        }
        return splitCells(low..<high, bytes)
    }

    /// Where `(?<!\\)(?:\\\\)*\|$` matches in `row` (an unescaped final pipe with the backslash
    /// pairs before it, which the substitution removes too).
    static func endBorder(_ row: Range<Int>, _ bytes: TextBytes) -> Int? {
        guard !row.isEmpty, bytes[row.upperBound - 1] == pipe else { return nil }
        var start = row.upperBound - 1
        while start > row.lowerBound, bytes[start - 1] == backslash { start -= 1 }
        return (row.upperBound - 1 - start) % 2 == 0 ? start : nil
    }

    /// `_split`: pipes inside backtick pairs (matched by run length, an escaped opening run
    /// counting one less) and escaped pipes do not split. Linear: each run length keeps a cursor.
    private static func splitCells(_ row: Range<Int>, _ bytes: TextBytes) -> [Range<Int>] {
        var ticks: [(count: Int, start: Int, end: Int, escape: Int)] = []
        var pipes: [Int] = []
        var index = row.lowerBound
        while index < row.upperBound {
            let byte = bytes[index]
            if byte == backslash, index + 1 < row.upperBound {
                let next = bytes[index + 1]
                if next == backslash || next == pipe {
                    index += 2
                } else if next == tick {
                    var end = index + 1
                    while end < row.upperBound, bytes[end] == tick { end += 1 }
                    ticks.append((end - index - 1, index, end - 1, 1))
                    index = end
                } else {
                    index += 1
                }
            } else if byte == tick {
                var end = index
                while end < row.upperBound, bytes[end] == tick { end += 1 }
                ticks.append((end - index, index, end - 1, 0))
                index = end
            } else {
                if byte == pipe { pipes.append(index) }
                index += 1
            }
        }
        var byCount: [Int: [Int]] = [:]
        for (position, run) in ticks.enumerated() { byCount[run.count, default: []].append(position) }
        var cursors: [Int: Int] = [:]
        var regions: [(start: Int, end: Int)] = []
        var position = 0
        while position < ticks.count {
            let size = ticks[position].count - ticks[position].escape
            guard size > 0, let candidates = byCount[size] else {
                position += 1
                continue
            }
            var cursor = cursors[size, default: 0]
            while cursor < candidates.count, candidates[cursor] <= position { cursor += 1 }
            cursors[size] = cursor
            guard cursor < candidates.count else {
                position += 1
                continue
            }
            let closer = candidates[cursor]
            regions.append((ticks[position].start, ticks[closer].end))
            position = closer + 1
        }
        var cells: [Range<Int>] = []
        var cellStart = row.lowerBound
        var region = 0
        for pipe in pipes {
            while region < regions.count, regions[region].end < pipe { region += 1 }
            if region < regions.count, regions[region].start <= pipe { continue }
            cells.append(cellStart..<pipe)
            cellStart = pipe + 1
        }
        cells.append(cellStart..<row.upperBound)
        return cells
    }

    /// Python's `strip(' ')`; with `tabs`, tabs too (Python-Markdown expanded them to spaces).
    static func strip(_ range: Range<Int>, _ bytes: TextBytes, tabs: Bool) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        func isStripped(_ byte: UInt8) -> Bool { byte == space || (tabs && byte == UInt8(ascii: "\t")) }
        while low < high, isStripped(bytes[low]) { low += 1 }
        while high > low, isStripped(bytes[high - 1]) { high -= 1 }
        return low..<high
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")
    private static let tick = UInt8(ascii: "`")
    private static let colon = UInt8(ascii: ":")
    private static let space = UInt8(ascii: " ")
    private static let delimiterBytes: Set<UInt8> = [UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: " ")]
}
