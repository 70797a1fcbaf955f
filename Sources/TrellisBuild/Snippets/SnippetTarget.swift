/// What a snippet line asks for (pymdownx's `parse_snippet_target`): a path, and either line
/// ranges (`file.md:3`, `file.md:3:5`, `file.md::5`, `file.md:-2`, `file.md:1:3,5:6`) or a
/// section (`file.md:name`).
struct SnippetTarget: Equatable {
    var path: String
    /// Each range as pymdownx keeps it: a start (a 0-based index, or negative from the end) and
    /// an end (1-based, inclusive, or negative from the end); nil where the number is left out.
    var ranges: [Range] = []
    var section: String?
    /// A number of a range that is only `-` (pymdownx stops with a `ValueError` there).
    var badNumber: String?

    struct Range: Equatable {
        var start: Int?
        var end: Int?
    }

    /// The target `spec` names, or nil when it names no path (`":3"`), as pymdownx parses it.
    init?(_ spec: String) {
        let (path, ranges, section) = Self.split(Array(spec.unicodeScalars))
        self.path = path.trimmingPythonWhitespace()
        guard !self.path.isEmpty else { return nil }
        if let ranges {
            for item in ranges.dropFirst().split(separator: ",", omittingEmptySubsequences: false) {
                let span = item.split(separator: ":", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
                let start = number(span.first ?? "")
                let end = span.count > 1 ? number(span[1]) : nil
                self.ranges.append(Range(start: start.map { $0 < 0 ? $0 : max(0, $0 - 1) }, end: end))
            }
        } else if let section {
            self.section = String(String.UnicodeScalarView(section.dropFirst()))
        }
    }

    /// A range's number: nil when empty, saturated far beyond any file's length (Python's
    /// integers have no limit), recorded in `badNumber` when it is a lone `-`.
    private mutating func number(_ text: String) -> Int? {
        if text.isEmpty { return nil }
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty else {
            badNumber = text
            return nil
        }
        let significant = digits.drop { $0 == "0" }
        let value = significant.count > 15 ? 1_000_000_000_000_000 : Int(significant) ?? 0
        return negative ? -value : value
    }

    /// The lines the ranges select, in the order given (pymdownx's `extract_lines`): Python slices,
    /// a negative start counted from the end, a negative end from one past it, each clamped.
    func lines<T>(of lines: [T]) -> [T] {
        let total = lines.count
        var selected: [T] = []
        for range in ranges {
            var start = range.start ?? 0
            if start < 0 { start = Swift.max(0, Swift.min(total, total + start)) }
            var end = range.end ?? total
            if end < 0 { end = Swift.max(0, Swift.min(total, total + 1 + end)) }
            start = Swift.min(start, total)
            end = Swift.min(end, total)
            if start < end { selected += lines[start..<end] }
        }
        return selected
    }

    /// pymdownx's `split_path`: the path is everything before the first `:` that starts line
    /// ranges (`:N`, `:N:N`, then `,N` or `,N:N` items) or a section name (`:` and a letter, then
    /// letters, digits, `-` and `_`) running to the end.
    static func split(_ s: [Unicode.Scalar]) -> (String, [Unicode.Scalar]?, [Unicode.Scalar]?) {
        let whole = String(String.UnicodeScalarView(s))
        guard s.contains(":") else { return (whole, nil, nil) }
        let size = s.count
        var digits = [Int](repeating: size, count: size + 1)
        for i in stride(from: size - 1, through: 0, by: -1) {
            digits[i] = ("0"..."9").contains(s[i]) ? digits[i + 1] : i
        }
        func numberEnd(_ i: Int) -> Int { i < size && s[i] == "-" ? digits[i + 1] : digits[i] }
        var tail = [Bool](repeating: false, count: size + 1)
        tail[size] = true
        for i in stride(from: size - 1, through: 0, by: -1)
        where s[i] == "," && i + 1 < size && "-0123456789:".unicodeScalars.contains(s[i + 1]) {
            var j = numberEnd(i + 1)
            if j < size, s[j] == ":" { j = numberEnd(j + 1) }
            tail[i] = tail[j]
        }
        var name = size
        while name > 0, SnippetSyntax.isNameCharacter(s[name - 1]) { name -= 1 }
        for colon in s.indices where s[colon] == ":" {
            var end = numberEnd(colon + 1)
            if end < size, s[end] == ":" { end = numberEnd(end + 1) }
            if tail[end] { return (String(String.UnicodeScalarView(s[..<colon])), Array(s[colon...]), nil) }
            if name <= colon + 1, colon + 1 < size, SnippetSyntax.isLetter(s[colon + 1]) {
                return (String(String.UnicodeScalarView(s[..<colon])), nil, Array(s[colon...]))
            }
        }
        return (whole, nil, nil)
    }
}

extension String {
    /// `str.strip()`: Python's whitespace taken off both ends.
    func trimmingPythonWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c.properties.isWhitespace || ("\u{1C}"..."\u{1F}").contains(c)
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
