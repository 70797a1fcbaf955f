/// Cuts inside one huge paragraph, where cmark's inline parse reads each piece as it reads the
/// whole: cmark's tree of one paragraph is about 15 times its text and cannot be freed a block
/// at a time.
///
/// Only a paragraph that is one line (a line that starts a paragraph after a blank line, before
/// a blank line or the end) is cut, after a space and before an ASCII letter, so each piece is a paragraph of
/// its own that cmark starts the same way; the spaces before the cut, which cmark trims from a
/// piece's end, are put back as text. What cmark matches across a cut must never straddle one:
/// - emphasis and smart quotes pair delimiters anywhere in the paragraph, so a cut is refused
///   while the piece has a `*`, `_`, `'` or `"` that could open (judged on the raw bytes, as
///   cmark's flanking rules do, treating anything unsure as able to open) and the same
///   character comes again later in the line;
/// - code spans, raw HTML, autolinks and links look ahead for their end: `CMark` checks each
///   piece's tree for a literal `` ` ``, `<` or `[` (what cmark leaves when the end is not in
///   the piece) and parses the rest of the paragraph whole when it finds one;
/// - entities, escapes, smart dashes and ellipses never hold a space, so cannot straddle a cut;
/// - link reference definitions could make `[label]` a link across pieces, but a text with `]:`
///   anywhere is never cut.
extension CMarkChunks {
    /// The delimiters whose pairing reaches across the paragraph.
    private static let delimiters: [UInt8] = Array("*_'\"".utf8)

    /// Adds cuts inside the one-line paragraph `range` (on 0-based `line`), each piece at least
    /// `size` bytes.
    mutating func cutParagraph(_ range: Range<Int>, line: Int, size: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        // A line that may be a link reference definition is read whole, or cmark would not see one.
        var first = range.lowerBound
        while first < range.upperBound, bytes[first] == UInt8(ascii: " ") { first += 1 }
        if first < range.upperBound, bytes[first] == UInt8(ascii: "["),
            Self.contains(Array("]:".utf8), in: bytes, from: first, to: range.upperBound)
        {
            return
        }
        var last = [Int](repeating: -1, count: Self.delimiters.count)
        for index in range {
            if let kind = Self.delimiters.firstIndex(of: bytes[index]) { last[kind] = index }
        }
        // Per delimiter, whether the piece so far holds one that could open.
        var opens = [Bool](repeating: false, count: Self.delimiters.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if let kind = Self.delimiters.firstIndex(of: byte) {
                // `*` and `_` delimiters are runs; quotes are one character each.
                var end = index + 1
                if kind < 2 { while end < range.upperBound, bytes[end] == byte { end += 1 } }
                if Self.mayOpen(byte, from: index, to: end, in: range, bytes) { opens[kind] = true }
                index = end
                continue
            }
            let cut = index + 1
            if byte == UInt8(ascii: " "), cut < range.upperBound, Self.isLetter(bytes[cut]),
                cut - starts[starts.count - 1] >= size, !Self.verticalTabBefore(index, from: range.lowerBound, bytes),
                !opens.indices.contains(where: { opens[$0] && last[$0] >= cut })
            {
                append(cut, line: line, column: cut - range.lowerBound)
                opens = opens.map { _ in false }
            }
            index += 1
        }
    }

    /// Whether the white space ending at `index` has a vertical tab: cmark trims it from a piece's
    /// end, but inside a line it is no white space to emphasis (`_a_\u{0B}` is not emphasis).
    private static func verticalTabBefore(_ index: Int, from start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = index
        while at >= start, [0x20, 0x09, 0x0B, 0x0C].contains(bytes[at]) {
            if bytes[at] == 0x0B { return true }
            at -= 1
        }
        return false
    }

    /// Whether the delimiter run `from..<to` of `byte` might open emphasis or a quote: `false`
    /// only when cmark's flanking rules surely say no (a space after it; for `_` and quotes, an
    /// ASCII letter or digit before it, with `_` between two of them).
    private static func mayOpen(
        _ byte: UInt8, from: Int, to: Int, in line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let before = from > line.lowerBound ? bytes[from - 1] : UInt8(ascii: "\n")
        let after = to < line.upperBound ? bytes[to] : UInt8(ascii: "\n")
        if isSpace(after) { return false }
        switch byte {
        case UInt8(ascii: "*"): return true
        case UInt8(ascii: "_"): return !(isAlphanumeric(before) && isAlphanumeric(after))
        default: return !isAlphanumeric(before)
        }
    }

    /// cmark's whitespace among ASCII bytes (tab, line feed, form feed, carriage return, space).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 9 || byte == 10 || byte == 12 || byte == 13 || byte == 32
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 48 && byte <= 57)
    }
}
