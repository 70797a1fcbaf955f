#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text cmark parsed, as bytes with a line table: turns cmark's (line, byte column) positions
/// into UTF-8 offsets and back, and finds raw source around a node.
///
/// Lines end where cmark ends them: at `\n`, `\r\n` or a bare `\r`. Every accessor clamps what it
/// is given (a line past the table, a column past the line, an end before a start), so positions
/// cmark reports oddly can never index outside the text.
public struct ParsedText: Sendable {
    /// The parsed text's UTF-8 bytes (the string's own, not a copy).
    public let bytes: TextBytes
    /// The UTF-8 offset at which each line starts.
    public let lineStarts: [Int]
    /// Where the parsed text was rewritten from the text given to `MarkdownPage.process` (see
    /// `ParsedText+LineEndings.swift`); empty when they are the same.
    let inputAnchors: [InputAnchor]

    public init(_ text: String) {
        self.init(text: text, inputAnchors: [])
    }

    /// The text of UTF-8 `bytes`.
    init(bytes: [UInt8]) {
        self.init(text: String(decoding: bytes, as: UTF8.self), inputAnchors: [])
    }

    init(text: String, inputAnchors: [InputAnchor]) {
        let bytes = TextBytes(text)
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            for offset in 0..<count {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n")
                    || (byte == UInt8(ascii: "\r") && (offset + 1 == count || buffer[offset + 1] != UInt8(ascii: "\n")))
                {
                    starts.append(offset + 1)
                }
            }
        }
        self.bytes = bytes
        self.inputAnchors = inputAnchors
        lineStarts = starts
    }

    /// How many lines the text has (a text ending in a line break has an empty last line).
    var lineCount: Int { lineStarts.count }

    /// The offset at which 1-based `line` starts: 0 before the first line, the end of the text
    /// past the last.
    func lineStart(_ line: Int) -> Int {
        guard line >= 1 else { return 0 }
        return line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
    }

    /// The offset of the break that ends 1-based `line` (its `\n`, or the bare `\r`; the `\r` of
    /// a `\r\n` stays in the line), or the end of the text; never before `lineStart(line)`.
    func lineEnd(_ line: Int) -> Int {
        guard line >= 1 else { return 0 }
        return line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    /// The offset past `line`'s text, before its break and any `\r` of a `\r\n`.
    func contentEnd(_ line: Int) -> Int {
        let end = lineEnd(line)
        return end > lineStart(line) && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
    }

    /// The bytes `from..<to`, both clamped to the text; empty when `to` is before `from`.
    func slice(_ from: Int, _ to: Int) -> Slice<TextBytes> {
        let lower = max(0, min(from, bytes.count))
        return bytes[lower..<max(lower, min(to, bytes.count))]
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
        let line = lineIndex(containing: offset)
        return TextPosition(line: line + 1, byteColumn: offset - lineStarts[line] + 1)
    }

    /// The offset at which the line containing `offset` starts.
    func startOfLine(containing offset: Int) -> Int {
        lineStarts[lineIndex(containing: max(0, min(offset, bytes.count)))]
    }

    /// The offset just past the end of the line containing `offset` (before its newline).
    func endOfLine(containing offset: Int) -> Int {
        let line = lineIndex(containing: max(0, min(offset, bytes.count)))
        return line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
    }

    /// The 0-based index of the line containing `offset`, by binary search.
    private func lineIndex(containing offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The first offset in `from..<to` where `needle` starts and `accept` agrees, if any.
    func find(_ needle: [UInt8], from: Int, to: Int, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        var result: Int?
        forEachMatch(of: needle, from: from, to: to) { offset in
            guard accept(offset) else { return true }
            result = offset
            return false
        }
        return result
    }

    /// The last offset in `from..<to` where `needle` starts and `accept` agrees, if any.
    func findLast(_ needle: [UInt8], from: Int, to: Int, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        var result: Int?
        forEachMatch(of: needle, from: from, to: to) { offset in
            if accept(offset) { result = offset }
            return true
        }
        return result
    }

    /// Calls `body` with each offset in `from..<to` where `needle` starts, in order, while it
    /// returns `true`. Uses libc's `memchr`/`memcmp`, so scanning stays fast even in debug builds.
    private func forEachMatch(of needle: [UInt8], from: Int, to: Int, _ body: (Int) -> Bool) {
        let end = min(to, bytes.count)
        var start = max(0, from)
        guard !needle.isEmpty else { return }
        bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { needle in
                guard let base = haystack.baseAddress else { return }
                let first = Int32(needle[0])
                while end - start >= needle.count,
                    let hit = memchr(base + start, first, end - start - needle.count + 1)
                {
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if let needleBase = needle.baseAddress, memcmp(hit, needleBase, needle.count) == 0 {
                        guard body(offset) else { return }
                    }
                    start = offset + 1
                }
            }
        }
    }
}
