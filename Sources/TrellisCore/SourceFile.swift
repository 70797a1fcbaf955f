/// A source text with a line table, so byte offsets turn into line:column positions cheaply.
///
/// Offsets are UTF-8 byte offsets into `text`; columns count Unicode scalars from 1. Lines end
/// at `\n`, `\r\n` or a bare `\r`.
public struct SourceFile: Sendable {
    /// The path printed in diagnostics (relative to the site root where possible).
    public let path: String
    public let text: String
    /// The UTF-8 offset at which each line starts.
    public let lineStarts: [Int]
    /// How many UTF-8 continuation bytes come before each `blockSize`-byte block of `text`, so a
    /// column deep in a huge line is found without counting the line's scalars from its start.
    private let continuationsBefore: [Int]
    private static let blockSize = 4096

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        // A line ends at `\n`, `\r\n` or a bare `\r`, as cmark, YAML and editors count lines.
        var starts = [0]
        var offset = 0
        var afterCR = false
        for byte in text.utf8 {
            if afterCR, byte != UInt8(ascii: "\n") { starts.append(offset) }
            offset += 1
            afterCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        if afterCR { starts.append(offset) }
        self.lineStarts = starts
        var blocks = [0]
        var continuations = 0
        for (index, byte) in text.utf8.enumerated() {
            if index > 0, index % Self.blockSize == 0 { blocks.append(continuations) }
            if byte & 0xC0 == 0x80 { continuations += 1 }
        }
        continuationsBefore = blocks
    }

    public var utf8Count: Int { text.utf8.count }

    /// The 1-based line and column of a UTF-8 offset (clamped to the text).
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, utf8Count))
        // Binary search for the last line start <= offset.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        return SourceLocation(line: lo + 1, column: offset - start - continuations(in: start, offset) + 1)
    }

    /// The UTF-8 continuation bytes in `from..<to`: what a byte count has beyond a scalar count.
    private func continuations(in from: Int, _ to: Int) -> Int {
        let utf8 = text.utf8
        func scan(_ lower: Int, _ upper: Int) -> Int {
            guard lower < upper else { return 0 }
            let range = utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)
            return utf8[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 1 : 0) }
        }
        let firstBlock = (from + Self.blockSize - 1) / Self.blockSize
        let lastBlock = to / Self.blockSize
        guard firstBlock < lastBlock, lastBlock < continuationsBefore.count else { return scan(from, to) }
        return scan(from, firstBlock * Self.blockSize) + continuationsBefore[lastBlock] - continuationsBefore[firstBlock]
            + scan(lastBlock * Self.blockSize, to)
    }

    /// The UTF-8 offset of a 1-based line and byte column (as cmark reports positions).
    public func utf8Offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return utf8Count }
        return min(lineStarts[line - 1] + max(byteColumn - 1, 0), utf8Count)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        var end = line < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line]) : utf8.endIndex
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == UInt8(ascii: "\n") || utf8[before] == UInt8(ascii: "\r") else { break }
            end = before
        }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
