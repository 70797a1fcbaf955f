/// The notation of `pymdownx.snippets` 13.1.2, matched as its regular expressions match it (on
/// Unicode scalars, as Python matches code points), without backtracking.
enum SnippetSyntax {
    /// A line that is snippet notation (`RE_ALL_SNIPPETS`).
    struct Notation: Equatable {
        /// The leading spaces and tabs, as written.
        var space: String
        /// The line has `;` before the marker: it is text, with its first `;` taken out.
        var escaped: Bool
        /// The quoted path of `--8<-- "path"`, quotes and all; nil for a block marker `--8<--`.
        var quoted: String?
    }

    /// The snippet notation a whole line is, if any: `[ \t]*;*-+8<-+` alone, or followed by
    /// spaces or tabs and one quoted path that ends the line (before an optional `\r`).
    static func notation(_ line: String) -> Notation? {
        guard hasScissors(line) else { return nil }
        let s = Array(line.unicodeScalars)
        var end = s.count
        if end > 0, s[end - 1] == "\r" { end -= 1 }
        var i = 0
        while i < end, s[i] == " " || s[i] == "\t" { i += 1 }
        let space = String(String.UnicodeScalarView(s[0..<i]))
        var escape = i
        while escape < end, s[escape] == ";" { escape += 1 }
        guard let afterMarker = marker(s, from: escape, end: end) else { return nil }
        let escaped = escape > i
        if afterMarker == end { return Notation(space: space, escaped: escaped, quoted: nil) }
        var q = afterMarker
        while q < end, s[q] == " " || s[q] == "\t" { q += 1 }
        guard q > afterMarker, q < end, s[q] == "\"" || s[q] == "'", end - q >= 3, s[end - 1] == s[q] else { return nil }
        let quote = s[q]
        for k in (q + 1)..<(end - 1) {
            if s[k] == "\r" || s[k] == "\n" { return nil }
            if s[k] == quote, s[k - 1] != "\\" || k - 1 == q { return nil }
        }
        return Notation(space: space, escaped: escaped, quoted: String(String.UnicodeScalarView(s[q..<end])))
    }

    /// The end of `-+8<-+` starting at `start`, if it is there.
    private static func marker(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int? {
        var i = start
        while i < end, s[i] == "-" { i += 1 }
        guard i > start, i + 1 < end, s[i] == "8", s[i + 1] == "<" else { return nil }
        let dashes = i + 2
        i = dashes
        while i < end, s[i] == "-" { i += 1 }
        return i > dashes ? i : nil
    }

    /// A section marker found in a line (`RE_SNIPPET_SECTION`): `--8<-- [start:name]` anywhere in it.
    struct SectionMarker: Equatable {
        /// `start` or `end` as written (the match ignores case, the comparison does not).
        var type: String
        var name: String
        /// Escaped with `;`: the line is text, with that `;` taken out (`unescaped`).
        var escaped: Bool
        /// The line without the marker's first `;`.
        var unescaped: String
    }

    /// The first section marker of a line: `;*-+8<-+[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*name[ \t]*\]`,
    /// not right after a `;` or inside a run of `-`, anything before and after it.
    static func sectionMarker(_ line: String) -> SectionMarker? {
        guard hasScissors(line) else { return nil }
        let s = Array(line.unicodeScalars)
        let n = s.count
        for p in 0..<n {
            if p > 0, s[p - 1] == ";" || (s[p - 1] == "-" && s[p] == "-") { continue }
            guard s[p] == ";" || s[p] == "-" else { continue }
            var i = p
            while i < n, s[i] == ";" { i += 1 }
            let escaped = i > p
            guard var j = marker(s, from: i, end: n) else { continue }
            let ws = j
            while j < n, s[j] == " " || s[j] == "\t" { j += 1 }
            guard j > ws, j < n, s[j] == "[" else { continue }
            j += 1
            skipBlanks(s, &j)
            let typeStart = j
            while j < n, s[j].properties.isAlphabetic, s[j].isASCII { j += 1 }
            let type = String(String.UnicodeScalarView(s[typeStart..<j]))
            guard ["start", "end"].contains(type.lowercased()) else { continue }
            skipBlanks(s, &j)
            guard j < n, s[j] == ":" else { continue }
            j += 1
            skipBlanks(s, &j)
            guard j < n, isLetter(s[j]) else { continue }
            let nameStart = j
            while j < n, isNameCharacter(s[j]) { j += 1 }
            let name = String(String.UnicodeScalarView(s[nameStart..<j]))
            skipBlanks(s, &j)
            guard j < n, s[j] == "]" else { continue }
            var unescaped = s
            if escaped { unescaped.remove(at: p) }
            return SectionMarker(type: type, name: name, escaped: escaped, unescaped: String(String.UnicodeScalarView(unescaped)))
        }
        return nil
    }

    /// Whether the line has `8<` (byte for byte: a combining mark after `<` must not hide it),
    /// which all notation has: most lines are passed over without a closer look.
    static func hasScissors(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if previous == UInt8(ascii: "8"), byte == UInt8(ascii: "<") { return true }
            previous = byte
        }
        return false
    }

    private static func skipBlanks(_ s: [Unicode.Scalar], _ j: inout Int) {
        while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
    }

    /// `(?i)[a-z]` as Python matches it: the ASCII letters and the four letters that fold to one.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ["\u{130}", "\u{131}", "\u{17F}", "\u{212A}"].contains(c)
    }

    /// `(?i)[-_0-9a-z]`.
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        isLetter(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
    }

    /// `textwrap.dedent` of Python 3.11 over lines: blank lines (spaces and tabs only) become
    /// empty, and the longest leading run of spaces and tabs the other lines share is taken off.
    static func dedent(_ lines: [String]) -> [String] {
        var lines = lines.map { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } ? "" : $0 }
        var margin: [Unicode.Scalar]?
        for line in lines where !line.isEmpty {
            let indent = Array(line.unicodeScalars.prefix { $0 == " " || $0 == "\t" })
            guard let current = margin else {
                margin = indent
                continue
            }
            let shared = zip(current, indent).prefix { $0 == $1 }.count
            margin = Array(current.prefix(shared))
        }
        guard let margin, !margin.isEmpty else { return lines }
        for i in lines.indices where lines[i].unicodeScalars.starts(with: margin) {
            lines[i] = String(String.UnicodeScalarView(lines[i].unicodeScalars.dropFirst(margin.count)))
        }
        return lines
    }
}
