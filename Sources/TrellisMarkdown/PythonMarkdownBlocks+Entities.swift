/// Python-Markdown reads raw HTML with Python's `HTMLParser`, which takes a numeric character
/// reference without its `;` (`&#8288 `, `&#x41 `) and writes it back with one; cmark leaves
/// such text as it is (`&amp;#8288`). On an MkDocs page the `;` is inserted, outside code spans.
extension PythonMarkdownBlocks {
    static func characterReferenceEdits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into edits: inout [Edit]) {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                index = afterCodeSpan(bytes, index, end)
                continue
            }
            guard byte == UInt8(ascii: "&"), index + 2 < end, bytes[index + 1] == UInt8(ascii: "#") else {
                index += 1
                continue
            }
            var cursor = index + 2
            let hex = bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X")
            if hex { cursor += 1 }
            let digitsStart = cursor
            while cursor < end, cursor - digitsStart < 8, hex ? isHexDigit(bytes[cursor]) : isDecimalDigit(bytes[cursor]) { cursor += 1 }
            // HTMLParser needs a character after the digits that is none of them (the line's end
            // is one).
            if cursor > digitsStart, cursor == end || (bytes[cursor] != UInt8(ascii: ";") && !isHexDigit(bytes[cursor])) {
                edits.append(Edit(offset: cursor, removing: 0, inserting: [UInt8(ascii: ";")]))
            }
            index = max(cursor, index + 1)
        }
    }

    /// Python-Markdown escapes only its own characters (`ESCAPED_CHARS`): before any other ASCII
    /// punctuation (`\"`, `\%`) the backslash stays. Such a backslash is doubled for cmark,
    /// outside code spans and tags. (`kept` is empty where formulas are parsed: a `\,` there is
    /// the formula's.) Merged into `edits` in offset order.
    static func keptBackslashEdits(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, kept: Set<UInt8>, into edits: inout [Edit]
    ) {
        var found: [Edit] = []
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                index = afterCodeSpan(bytes, index, end)
                continue
            }
            if byte == UInt8(ascii: "<"), index + 1 < end, isTagStart(bytes[index + 1]) {
                // A tag or autolink: its text is not Markdown.
                var close = index + 1
                while close < end, bytes[close] != UInt8(ascii: ">") { close += 1 }
                index = close + 1
                continue
            }
            guard byte == UInt8(ascii: "\\"), index + 1 < end else {
                index += 1
                continue
            }
            if kept.contains(bytes[index + 1]) { found.append(Edit(offset: index, removing: 0, inserting: [UInt8(ascii: "\\")])) }
            index += 2
        }
        edits = merging(edits, found)
    }

    /// The ASCII punctuation before which Python-Markdown keeps a backslash, given the
    /// extensions that add to its `ESCAPED_CHARS` (3.11: tables `|`, smarty `"` `'`; `:` `$` `=`
    /// `^` `~` `/` are counted escapable, as some extension makes them).
    public static func keptEscapes(smarty: Bool) -> Set<UInt8> {
        smarty ? keptEscapesWithSmarty : keptEscapesWithoutSmarty
    }

    private static let keptEscapesWithoutSmarty = keptEscapes(escapable: Set("\\`*_{}[]()>#+-.!|:$=^~/".utf8))
    private static let keptEscapesWithSmarty = keptEscapes(escapable: Set("\\`*_{}[]()>#+-.!|:$=^~/\"'".utf8))

    private static func keptEscapes(escapable: Set<UInt8>) -> Set<UInt8> {
        Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8).subtracting(escapable)
    }

    private static func isTagStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
            || byte == UInt8(ascii: "?")
    }

    static func isDecimalDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDecimalDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }

    /// Two lists of edits in offset order, merged in offset order (the first list's first).
    static func merging(_ a: [Edit], _ b: [Edit]) -> [Edit] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var merged: [Edit] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].offset <= b[j].offset) {
                merged.append(a[i])
                i += 1
            } else {
                merged.append(b[j])
                j += 1
            }
        }
        return merged
    }
}
