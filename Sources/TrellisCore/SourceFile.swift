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
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(utf8.startIndex, offsetBy: offset)
        let column = text.unicodeScalars[from..<to].count + 1
        return SourceLocation(line: lo + 1, column: column)
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
