/// Python's string methods behind Jinja's text filters, each linear in its input: output is
/// built as UTF-8 bytes in one buffer (appending to a `String.UnicodeScalarView` is not
/// amortised and made `upper` quadratic), with ASCII mapped without a Unicode table lookup.
extension PythonText {
    /// Python's `str.lower()`: code point by code point, with the Final_Sigma rule
    /// (`Σ` ending a word becomes `ς`).
    static func lower(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = buffer(for: s)
        appendLower(scalars[...], from: 0, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Python's `str.upper()`, code point by code point.
    static func upper(_ s: String) -> String {
        var out = buffer(for: s)
        for scalar in s.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                out.append(b >= 0x61 && b <= 0x7A ? b - 0x20 : b)
            } else {
                out.append(contentsOf: scalar.properties.uppercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Python's `str.capitalize()` (3.8+): the first code point in title case, the rest lower
    /// (Final_Sigma sees the whole string, as in CPython).
    static func capitalize(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.first else { return s }
        var out = buffer(for: s)
        out.append(contentsOf: first.properties.titlecaseMapping.utf8)
        appendLower(scalars[...], from: 1, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Jinja's `title` filter: split on runs of `[-\s({\[<]`, then `item[0].upper() +
    /// item[1:].lower()` for each word (separators have no case), so Final_Sigma sees only the
    /// rest of the word.
    static func title(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = buffer(for: s)
        var i = 0
        while i < scalars.count {
            if isWordSeparator(scalars[i]) {
                appendUTF8(scalars[i], to: &out)
                i += 1
                continue
            }
            var end = i + 1
            while end < scalars.count, !isWordSeparator(scalars[end]) { end += 1 }
            out.append(contentsOf: scalars[i].properties.uppercaseMapping.utf8)
            appendLower(scalars[(i + 1)..<end], from: i + 1, to: &out)
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isWordSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "(", "{", "[", "<": return true
        default: return isSpace(scalar)
        }
    }

    /// Appends `lower()` of `scalars[start...]`; the slice's bounds are what Final_Sigma sees.
    private static func appendLower(_ scalars: ArraySlice<Unicode.Scalar>, from start: Int, to out: inout [UInt8]) {
        var i = start
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            } else if scalar == "\u{03A3}", isFinalSigma(scalars, i) {
                appendUTF8("\u{03C2}", to: &out)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
            i += 1
        }
    }

    /// Preceded by a cased letter and not followed by one (case-ignorable marks skipped). Each
    /// scan stops at the first letter that is not case-ignorable, so all scans together stay
    /// linear.
    private static func isFinalSigma(_ scalars: ArraySlice<Unicode.Scalar>, _ i: Int) -> Bool {
        func cased(in range: some Sequence<Int>) -> Bool {
            for j in range {
                let p = scalars[j].properties
                if p.isCaseIgnorable { continue }
                return p.isCased
            }
            return false
        }
        return cased(in: stride(from: i - 1, through: scalars.startIndex, by: -1))
            && !cased(in: (i + 1)..<scalars.endIndex)
    }

    /// Python's `str.strip(chars)`; `nil` strips whitespace.
    static func strip(_ s: String, chars: String?) -> String {
        let set = chars.map { Set($0.unicodeScalars) }
        let strip: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? isSpace($0) }
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !strip($0) }),
            let end = scalars.lastIndex(where: { !strip($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Python's `str.replace(old, new, count)`; a negative count replaces every occurrence and
    /// an empty `old` inserts `new` around every code point, as Python does. The result's size
    /// is checked against `MacroLimits` before it is built.
    static func replace(_ s: String, _ old: String, _ new: String, count: Int, budget: inout MacroBudget)
        throws(MacroOperationError) -> String
    {
        let source = Array(s.utf8)
        let replacement = Array(new.utf8)
        let limit = count < 0 ? Int.max : count
        // Where `new` goes: every match of `old`, or every code point boundary when it is empty.
        let starts: [Int]
        if old.isEmpty {
            var boundaries: [Int] = []
            for (i, byte) in source.enumerated() where boundaries.count < limit && byte & 0xC0 != 0x80 {
                boundaries.append(i)
            }
            if boundaries.count < limit { boundaries.append(source.count) }
            starts = boundaries
        } else {
            starts = SubstringSearch(Array(old.utf8)).matches(in: source, limit: limit)
        }
        let removed = old.utf8.count
        let size = MacroBudget.product(starts.count, replacement.count - removed).flatMap {
            MacroBudget.sum(source.count, $0)
        }
        try budget.build(stringBytes: size)
        var out: [UInt8] = []
        out.reserveCapacity(size ?? 0)
        var copied = 0
        for start in starts {
            out.append(contentsOf: source[copied..<start])
            out.append(contentsOf: replacement)
            copied = start + removed
        }
        out.append(contentsOf: source[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    private static func buffer(for s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        return out
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
