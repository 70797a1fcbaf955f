#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a big text can be cut into pieces that cmark parses exactly as it parses the whole.
///
/// cmark's tree takes about 15 times the text (it splits text at every punctuation character), so a
/// 50 MB page would need 750 MB at once. A cut goes before a line that surely starts a paragraph
/// after a blank line (see `startsParagraph`): such a line always starts a new top-level paragraph
/// (it ends any list, quote, indented code or HTML block of kinds 6 and 7), unless a fenced code
/// block or an HTML block of kinds 1 to 5 (`<pre>`, `<!--`, `<?`, `<!X`, `<![CDATA[`) is still
/// open, which the scan tracks. A text with a `\r` is never cut (lines would be counted
/// differently). Link reference definitions reach across the whole text: a text with `]:`
/// anywhere is cut only where the caller says it can give every piece the page's definitions
/// (see `CMark+Definitions.swift`), and `mentionsDefinitions` tells it to.
///
/// A paragraph that is one long line (see `CMarkChunks+Paragraphs.swift`) is also cut inside,
/// so that one huge paragraph is never one cmark tree either.
struct CMarkChunks {
    /// The offsets where the pieces start (the first is 0).
    private(set) var starts: [Int] = [0]
    /// The 0-based line on which each piece starts.
    private(set) var lines: [Int] = [0]
    /// How far into its line each piece starts: 0 for a piece cut before a line; more for one
    /// cut inside a one-line paragraph, which goes on with the paragraph the piece before ended.
    private(set) var columns: [Int] = [0]

    private enum Open {
        case none
        case fence(byte: UInt8, length: Int)
        case html(end: [UInt8])
    }

    /// Whether the text has `]:` (so it may define link references) and was cut all the same.
    private(set) var mentionsDefinitions = false

    /// The whole text as one piece.
    init() {}

    /// Cuts `bytes` into pieces of at least `size` bytes (all of it in one piece when it is not
    /// bigger or cannot be cut). With `acrossDefinitions`, a text that has `]:` is cut too.
    init(_ bytes: UnsafeBufferPointer<UInt8>, size: Int, acrossDefinitions: Bool = false) {
        guard bytes.count > size, let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil
        else { return }
        let mentions = Self.contains(Array("]:".utf8), in: bytes, from: 0, to: bytes.count)
        guard acrossDefinitions || !mentions else { return }
        var open = Open.none
        // The text's start is where a paragraph starts, as after a blank line.
        var previousBlank = true
        var lineStart = 0
        var line = 0
        while lineStart < bytes.count {
            let lineEnd = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            if case .none = open, previousBlank, Self.startsParagraph(lineStart..<lineEnd, bytes) {
                if lineStart - starts[starts.count - 1] >= size { append(lineStart, line: line, column: 0) }
                if lineEnd - lineStart > size, Self.isBlank(after: lineEnd, bytes) {
                    cutParagraph(lineStart..<lineEnd, line: line, size: size, bytes)
                }
            }
            open = Self.next(open, line: lineStart..<lineEnd, bytes)
            previousBlank = bytes[lineStart..<lineEnd].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            lineStart = lineEnd + 1
            line += 1
        }
        mentionsDefinitions = mentions && starts.count > 1
    }

    mutating func append(_ start: Int, line: Int, column: Int) {
        starts.append(start)
        lines.append(line)
        columns.append(column)
    }

    /// Whether the line after the break at `lineEnd` is blank, or there is none.
    private static func isBlank(after lineEnd: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = lineEnd + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index >= bytes.count || bytes[index] == UInt8(ascii: "\n")
    }

    /// What is open after `line`, given what was open before it.
    private static func next(_ open: Open, line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Open {
        var start = line.lowerBound
        while start < line.upperBound, start - line.lowerBound < 3, bytes[start] == UInt8(ascii: " ") { start += 1 }
        switch open {
        case .fence(let byte, let length):
            var end = start
            while end < line.upperBound, bytes[end] == byte { end += 1 }
            let rest = bytes[end..<line.upperBound].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            return end - start >= length && rest ? .none : open
        case .html(let endMarker):
            return contains(endMarker, in: bytes, from: line.lowerBound, to: line.upperBound) ? .none : open
        case .none:
            if start < line.upperBound, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") {
                var end = start
                while end < line.upperBound, bytes[end] == bytes[start] { end += 1 }
                if end - start >= 3 { return .fence(byte: bytes[start], length: end - start) }
            }
            guard let endMarker = htmlEnd(bytes[start..<line.upperBound]) else { return .none }
            // cmark looks for the end from the opener on (`<!-- x -->` is one line).
            return contains(endMarker, in: bytes, from: start, to: line.upperBound) ? .none : .html(end: endMarker)
        }
    }

    /// The end marker of an HTML block of kinds 1 to 5 starting `line`, if it starts one.
    static func htmlEnd<Line: Collection<UInt8>>(_ line: Line) -> [UInt8]? {
        let lowered = line.prefix(11).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        func starts(_ prefix: String) -> Bool { lowered.starts(with: prefix.utf8) }
        for tag in ["script", "pre", "style", "textarea"] where starts("<" + tag) {
            return Array("</\(tag)>".utf8)
        }
        if starts("<!--") { return Array("-->".utf8) }
        if starts("<?") { return Array("?>".utf8) }
        if starts("<![cdata[") { return Array("]]>".utf8) }
        if starts("<!") { return Array(">".utf8) }
        return nil
    }

    /// Whether `needle` occurs in `from..<to`; case-insensitive for ASCII letters in `bytes`
    /// (`needle` is lowercase).
    static func contains(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard needle.count <= to - from else { return false }
        var index = from
        while index + needle.count <= to {
            var matched = 0
            while matched < needle.count {
                let byte = bytes[index + matched]
                guard (byte >= 65 && byte <= 90 ? byte + 32 : byte) == needle[matched] else { break }
                matched += 1
            }
            if matched == needle.count { return true }
            index += 1
        }
        return false
    }

    /// Whether a line after a blank line (outside fences and HTML blocks) surely starts a
    /// top-level paragraph, whatever came before: it starts with an ASCII letter, a non-ASCII
    /// character (no block syntax starts with one), or `[` (a text with `]:` is never cut, so no
    /// reference definition starts there), or with a run of `*`, `_` or `` ` `` followed by a
    /// letter or digit (so not a list marker, thematic break or code fence). Pages whose
    /// paragraphs start with emphasis, links, code or another script are cut as English ones are.
    static func startsParagraph(_ line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = line.first else { return false }
        let first = bytes[start]
        if isLetter(first) || first >= 0xC2 || first == UInt8(ascii: "[") { return true }
        guard first == UInt8(ascii: "*") || first == UInt8(ascii: "_") || first == UInt8(ascii: "`") else { return false }
        var index = start
        while index < line.upperBound, bytes[index] == first { index += 1 }
        // Three backticks open a fence, whatever follows.
        guard index < line.upperBound, first != UInt8(ascii: "`") || index - start < 3 else { return false }
        return isAlphanumeric(bytes[index]) || bytes[index] >= 0xC2
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
