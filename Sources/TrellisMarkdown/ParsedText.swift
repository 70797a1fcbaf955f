/// The text cmark parsed, as bytes with a line table: turns cmark's (line, byte column) positions
/// into UTF-8 offsets and back, and finds raw source around a node.
public struct ParsedText: Sendable {
    /// The parsed text's UTF-8 bytes.
    public let bytes: [UInt8]
    /// The UTF-8 offset at which each line starts.
    public let lineStarts: [Int]

    public init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count where buffer[offset] == UInt8(ascii: "\n") {
                starts.append(offset + 1)
            }
        }
        self.bytes = bytes
        lineStarts = starts
    }

    /// The UTF-8 offset of a 1-based line and byte column, clamped to the text. (TrellisCore's
    /// `SourceFile.utf8Offset(line:byteColumn:)` computes the same on a `SourceFile`.)
    public func utf8Offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[line - 1] + max(byteColumn - 1, 0), bytes.count)
    }

    /// The UTF-8 offset of a position.
    public func utf8Offset(of position: TextPosition) -> Int {
        utf8Offset(line: position.line, byteColumn: position.byteColumn)
    }

    /// The position (line, byte column) of a UTF-8 offset.
    public func position(ofUTF8Offset offset: Int) -> TextPosition {
        let offset = max(0, min(offset, bytes.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return TextPosition(line: lo + 1, byteColumn: offset - lineStarts[lo] + 1)
    }

    /// The offset just past the end of the line containing `offset` (before its newline).
    func endOfLine(containing offset: Int) -> Int {
        var index = max(0, min(offset, bytes.count))
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// The first offset in `from..<to` where `needle` starts and `accept` agrees, if any.
    func find(_ needle: [UInt8], from: Int, to: Int, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        let last = min(to, bytes.count) - needle.count
        guard !needle.isEmpty, max(0, from) <= last else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                for index in max(0, from)...last where matches(needle, in: haystack, at: index) && accept(index) {
                    return index
                }
                return nil
            }
        }
    }

    /// The last offset in `from..<to` where `needle` starts and `accept` agrees, if any.
    func findLast(_ needle: [UInt8], from: Int, to: Int, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        let last = min(to, bytes.count) - needle.count
        guard !needle.isEmpty, max(0, from) <= last else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                for index in (max(0, from)...last).reversed() where matches(needle, in: haystack, at: index) && accept(index) {
                    return index
                }
                return nil
            }
        }
    }

    private func matches(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard haystack[index] == needle[0] else { return false }
        for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
            return false
        }
        return true
    }

    /// The offset at which the line containing `offset` starts.
    func startOfLine(containing offset: Int) -> Int {
        var index = max(0, min(offset, bytes.count))
        while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }
}
