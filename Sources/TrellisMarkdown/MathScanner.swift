/// Finds `pymdownx.arithmatex` formulas in the text of one paragraph or heading, as its
/// patterns find them (Python-Markdown runs them before every other inline pattern but code
/// spans). Every scan is linear in the text.
struct MathScanner {
    /// A formula found: the bytes it replaces and its math (without the delimiters).
    struct Match: Equatable {
        var range: Range<Int>
        var math: Range<Int>
        /// `\begin{env}…\end{env}` keeps its delimiters in the math.
        var isBlock: Bool
    }

    let options: ArithmatexOptions

    /// The formula a whole block is (`$$…$$`, `\[…\]` or `\begin{env}…\end{env}`, then only
    /// spaces), as arithmatex's block processor reads a block.
    func block(_ s: [UInt8]) -> Match? {
        var end = s.count
        while end > 0, s[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if options.blockDollar, end >= 5, s[0] == UInt8(ascii: "$"), s[1] == UInt8(ascii: "$"), s[end - 1] == UInt8(ascii: "$"),
            s[end - 2] == UInt8(ascii: "$"), Self.pairsScan(s, 2, end - 2, stopAtCloseBracket: false)
        {
            return Match(range: 0..<s.count, math: 2..<(end - 2), isBlock: true)
        }
        if options.blockSquare, end >= 5, s[0] == UInt8(ascii: "\\"), s[1] == UInt8(ascii: "["), s[end - 2] == UInt8(ascii: "\\"),
            s[end - 1] == UInt8(ascii: "]"), Self.pairsScan(s, 2, end - 2, stopAtCloseBracket: true)
        {
            return Match(range: 0..<s.count, math: 2..<(end - 2), isBlock: true)
        }
        if options.blockBegin, let env = Self.beginEnvironment(s) {
            let close = Array("\\end{".utf8) + env + [UInt8(ascii: "}")]
            let contentStart = 8 + env.count
            if end - close.count > contentStart, Array(s[(end - close.count)..<end]) == close,
                Self.pairsScan(s, contentStart, end - close.count, stopAtCloseBracket: false)
            {
                return Match(range: 0..<s.count, math: 0..<end, isBlock: true)
            }
        }
        return nil
    }

    /// Whether `s[from..<to]` is one or more units of `\\.|[^\\]` (for `\[…\]`: `\\[^\]]|[^\\]`).
    private static func pairsScan(_ s: [UInt8], _ from: Int, _ to: Int, stopAtCloseBracket: Bool) -> Bool {
        guard to > from else { return false }
        var index = from
        while index < to {
            if s[index] == UInt8(ascii: "\\") {
                guard index + 1 < to else { return false }
                if stopAtCloseBracket, s[index + 1] == UInt8(ascii: "]") { return false }
                index += 2
            } else {
                index += 1
            }
        }
        return true
    }

    /// `\begin{env}` at the start, `env` being `[a-z]+\*?`.
    private static func beginEnvironment(_ s: [UInt8]) -> [UInt8]? {
        let open = Array("\\begin{".utf8)
        guard s.count > open.count, Array(s[0..<open.count]) == open else { return nil }
        var index = open.count
        while index < s.count, s[index] >= UInt8(ascii: "a"), s[index] <= UInt8(ascii: "z") { index += 1 }
        guard index > open.count else { return nil }
        if index < s.count, s[index] == UInt8(ascii: "*") { index += 1 }
        guard index < s.count, s[index] == UInt8(ascii: "}") else { return nil }
        return Array(s[open.count..<index])
    }

    /// The inline formulas of `s`, left to right; `code[i]` marks bytes of code spans, which no
    /// formula starts in or crosses.
    func inline(_ s: [UInt8], code: [Bool]) -> [Match] {
        var matches: [Match] = []
        let closes = options.inlineRound ? RoundCloses(s, code: code) : RoundCloses()
        var index = 0
        let count = s.count
        while index < count {
            if code[index] {
                index += 1
                continue
            }
            let byte = s[index]
            if byte == UInt8(ascii: "\\") {
                var run = 0
                while index + run < count, s[index + run] == UInt8(ascii: "\\"), !code[index + run] { run += 1 }
                let next = index + run < count && !code[index + run] ? s[index + run] : 0
                if run % 2 == 0, next == UInt8(ascii: "$"), options.inlineDollar {
                    // Escaped backslashes: the dollar after them may open a formula.
                    index += run
                    if let match = dollar(s, at: index, code: code) {
                        matches.append(match)
                        index = match.range.upperBound
                    } else {
                        index += 1
                    }
                    continue
                }
                if run % 2 == 1, next == UInt8(ascii: "("), options.inlineRound, let match = closes.match(at: index + run - 1) {
                    matches.append(match)
                    index = match.range.upperBound
                    continue
                }
                // What follows the run is escaped or follows a backslash: it opens nothing.
                index += run + 1
                continue
            }
            if byte == UInt8(ascii: "$"), options.inlineDollar, let match = dollar(s, at: index, code: code) {
                matches.append(match)
                index = match.range.upperBound
                continue
            }
            index += 1
        }
        return matches
    }

    /// `\$(?!\s)((?:\\.|[^\\$])+?)(?<!\s)\$` at `start` (without `smart_dollar`, no white-space tests).
    private func dollar(_ s: [UInt8], at start: Int, code: [Bool]) -> Match? {
        var index = start + 1
        guard index < s.count, !code[index] else { return nil }
        if options.smartDollar, Self.isSpace(s, index) { return nil }
        while index < s.count {
            if code[index] { return nil }
            let byte = s[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < s.count, !code[index + 1] else { return nil }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "$") {
                guard index > start + 1 else { return nil }
                if options.smartDollar, Self.isSpaceBefore(s, index) { return nil }
                return Match(range: start..<(index + 1), math: (start + 1)..<index, isBlock: false)
            }
            index += 1
        }
        return nil
    }

    /// Where `\(…\)` formulas can close: `\(((?:\\[^)]|[^\\])+?)\\\)`. The content is read in units
    /// (a backslash and the character after it, or one other character), and every opener
    /// starts on a unit boundary of one reading of the whole text, so the closes (`\)` on a
    /// boundary) and barriers (code) are found once and each opener looks its close up: an
    /// unclosed `\(` repeated costs no rescan of the rest of the text.
    struct RoundCloses {
        var closes: [Int] = []
        var barriers: [Int] = []

        init() {}

        init(_ s: [UInt8], code: [Bool]) {
            var index = 0
            while index < s.count {
                if code[index] {
                    if index == 0 || !code[index - 1] { barriers.append(index) }
                    index += 1
                } else if s[index] == UInt8(ascii: "\\") {
                    guard index + 1 < s.count, !code[index + 1] else {
                        barriers.append(index)
                        index += 1
                        continue
                    }
                    if s[index + 1] == UInt8(ascii: ")") { closes.append(index) }
                    index += 2
                } else {
                    index += 1
                }
            }
        }

        /// The formula whose `\(` is at `start`, if it closes before any code.
        func match(at start: Int) -> Match? {
            let content = start + 2
            guard let close = Self.first(in: closes, atOrAfter: content), close > content else { return nil }
            if let barrier = Self.first(in: barriers, atOrAfter: content), barrier < close { return nil }
            return Match(range: start..<(close + 2), math: content..<close, isBlock: false)
        }

        private static func first(in sorted: [Int], atOrAfter value: Int) -> Int? {
            var lo = 0, hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
            }
            return lo < sorted.count ? sorted[lo] : nil
        }
    }

    /// Whether the character starting at `index` is white space (Python's `\s`).
    private static func isSpace(_ s: [UInt8], _ index: Int) -> Bool {
        let byte = s[index]
        if byte < 0x80 { return byte == 32 || (byte >= 9 && byte <= 13) || (byte >= 28 && byte <= 31) }
        var end = index + 1
        while end < s.count, s[end] & 0xC0 == 0x80, end - index < 4 { end += 1 }
        return String(decoding: s[index..<end], as: UTF8.self).unicodeScalars.first?.properties.isWhitespace ?? false
    }

    /// Whether the character ending just before `index` is white space.
    private static func isSpaceBefore(_ s: [UInt8], _ index: Int) -> Bool {
        var start = index - 1
        while start > 0, s[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
        return isSpace(s, start)
    }

    /// The bytes of code spans as cmark finds them: a run of backticks not escaped by a backslash
    /// opens a span that the next run of the same length closes. Runs are indexed by length once,
    /// so the scan stays linear (with a binary search per run).
    static func codeMask(_ s: [UInt8]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        guard s.contains(UInt8(ascii: "`")) else { return mask }
        // Every run: where it starts, its length, and whether a backslash escapes its first tick.
        var runs: [(start: Int, length: Int, escaped: Bool)] = []
        var index = 0
        var backslashes = 0
        while index < s.count {
            if s[index] == UInt8(ascii: "`") {
                var end = index
                while end < s.count, s[end] == UInt8(ascii: "`") { end += 1 }
                // Python-Markdown's backtick pattern takes escaped backslashes before a backtick
                // first too: no formula crosses them.
                if backslashes >= 2, backslashes % 2 == 0 {
                    for offset in (index - backslashes)..<index { mask[offset] = true }
                }
                runs.append((index, end - index, backslashes % 2 == 1))
                backslashes = 0
                index = end
                continue
            }
            backslashes = s[index] == UInt8(ascii: "\\") ? backslashes + 1 : 0
            index += 1
        }
        var byLength: [Int: [Int]] = [:]
        for (number, run) in runs.enumerated() { byLength[run.length, default: []].append(number) }
        var number = 0
        while number < runs.count {
            let run = runs[number]
            // A run whose first tick a backslash escapes opens nothing (a simplification of
            // cmark, where the rest of the run could).
            guard !run.escaped else {
                number += 1
                continue
            }
            let candidates = byLength[run.length] ?? []
            var lo = 0, hi = candidates.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if candidates[mid] <= number { lo = mid + 1 } else { hi = mid }
            }
            guard lo < candidates.count else {
                number += 1
                continue
            }
            let close = runs[candidates[lo]]
            for offset in run.start..<(close.start + close.length) { mask[offset] = true }
            number = candidates[lo] + 1
        }
        return mask
    }
}
