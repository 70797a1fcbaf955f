/// Line arithmetic for the container pre-pass: indentation in columns (tabs to multiples of 4,
/// as Python-Markdown expands them) and de-indenting bodies.
extension ContainerParser {
    /// The body lines with `indent` columns removed, and per line how many bytes were removed.
    func dedentedBody(_ body: ClosedRange<Int>, indent: Int, quotes: Int, source: ParsedText) -> ([UInt8], [Int]) {
        var out: [UInt8] = []
        var shifts: [Int] = []
        shifts.reserveCapacity(body.count)
        for line in body {
            let start = source.lineStart(line)
            let end = source.lineEnd(line)
            var index = quotePrefixEnd(line, quotes: quotes, source) ?? start
            var columns = 0
            while index < end, columns < indent {
                if source.bytes[index] == UInt8(ascii: "\t") {
                    columns = (columns / 4 + 1) * 4
                } else if source.bytes[index] == UInt8(ascii: " ") {
                    columns += 1
                } else {
                    break
                }
                index += 1
            }
            // A tab that reaches past the indent leaves its remainder as spaces.
            let extra = max(0, columns - indent)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: extra))
            out.append(contentsOf: source.slice(index, end))
            out.append(UInt8(ascii: "\n"))
            shifts.append(index - start - extra)
        }
        return (out, shifts)
    }

    /// A block whose text starts inside `line` (a definition after its `:` or `[^label]:`): the
    /// line from `textStart` to `firstLineEnd`, then the `rest` lines with `indent` columns removed;
    /// and per line how many bytes were removed before it, to map positions back.
    func blockBody(
        line: Int, textStart: Int, firstLineEnd: Int, rest: ClosedRange<Int>?, indent: Int, quotes: Int, source: ParsedText
    ) -> (text: String, shifts: [Int]) {
        var bytes = Array(source.slice(textStart, firstLineEnd))
        bytes.append(UInt8(ascii: "\n"))
        var shifts = [textStart - source.lineStart(line)]
        if let rest {
            let (restBytes, restShifts) = dedentedBody(rest, indent: indent, quotes: quotes, source: source)
            bytes.append(contentsOf: restBytes)
            shifts.append(contentsOf: restShifts)
        }
        return (String(decoding: bytes, as: UTF8.self), shifts)
    }

    /// The line's indentation in columns after `from`, and whether it is blank from there.
    func leadingColumns(_ line: Int, from prefixEnd: Int, _ source: ParsedText) -> (Int, Bool) {
        let end = source.lineEnd(line)
        var index = prefixEnd
        while index < end, source.bytes[index] == UInt8(ascii: " ") || source.bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        let blank = index == end || (index == end - 1 && source.bytes[index] == UInt8(ascii: "\r"))
        return (Self.columns(source.slice(prefixEnd, index)), blank)
    }

    /// The offset after exactly `quotes` block quote markers (each: up to 3 spaces, `>`, one
    /// optional space) at the start of the line; `nil` if the line has fewer.
    func quotePrefixEnd(_ line: Int, quotes: Int, _ source: ParsedText) -> Int? {
        let end = source.lineEnd(line)
        var index = source.lineStart(line)
        for _ in 0..<quotes {
            var spaces = 0
            while index < end, spaces < 3, source.bytes[index] == UInt8(ascii: " ") {
                index += 1
                spaces += 1
            }
            guard index < end, source.bytes[index] == UInt8(ascii: ">") else { return nil }
            index += 1
            if index < end, source.bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        return index
    }

    /// The width of a line prefix, tabs advancing to the next multiple of 4.
    static func columns(_ bytes: some Sequence<UInt8>) -> Int {
        var columns = 0
        for byte in bytes {
            columns = byte == UInt8(ascii: "\t") ? (columns / 4 + 1) * 4 : columns + 1
        }
        return columns
    }

    private static let markdownWord = Array("markdown".utf8)

    /// Whether the pre-pass should look at the text: it holds `!!!`, `???` or `===` (or, with
    /// `pipes`, a `|`; with `colons`, a line starting with `:`; with `markdownAttribute`, the
    /// word `markdown`; with `slashes`, `///`) somewhere, and no NUL (cmark reads one as the 3 bytes of U+FFFD, so its
    /// columns would not line up with `ParsedText`'s; `MarkdownPage` replaces NULs before parsing).
    static func mightHaveOpener(_ text: TextBytes, pipes: Bool, colons: Bool = false, markdownAttribute: Bool = false, slashes: Bool = false) -> Bool {
        text.withUnsafeBufferPointer { bytes in
            let word = markdownWord
            var matched = 0
            var run = 0
            var found = false
            var previous: UInt8 = 0
            // Whether only spaces and `>` came since the line started (for a `: ` definition line).
            var lineStart = true
            for byte in bytes {
                if byte == 0 { return false }
                if colons, lineStart, byte == UInt8(ascii: ":") { found = true }
                if markdownAttribute {
                    // "markdown" has no repeated prefix, so a mismatch restarts at its first letter.
                    matched = byte == word[matched] ? matched + 1 : (byte == word[0] ? 1 : 0)
                    if matched == word.count {
                        found = true
                        matched = 0
                    }
                }
                lineStart = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || (lineStart && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">")))
                if pipes, byte == UInt8(ascii: "|") {
                    found = true
                    run = 0
                } else if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "=") || (slashes && byte == UInt8(ascii: "/")) {
                    run = byte == previous ? run + 1 : 1
                    if run >= 3 { found = true }
                } else {
                    run = 0
                }
                previous = byte
            }
            return found
        }
    }
}
