import TrellisCore

/// Python's text semantics (`str()`, `repr()`, case mapping, `strip`, `replace`), which Jinja
/// filters inherit: pages must render to the same text as under the MkDocs macros plugin.
///
/// Python strings are sequences of code points, so everything here works on Unicode scalars,
/// never on Swift `Character`s (which would merge combining marks and compare canonically).
enum PythonText {
    /// Python's `str.isspace` (and the regex `\s`): Unicode White_Space plus the ASCII
    /// information separators U+001C–U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Python's `str(value)`, which Jinja prints for `{{ value }}`.
    static func str(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        default: return repr(value)
        }
    }

    /// Python's `repr(value)`, used for values nested in lists and maps.
    static func repr(_ value: Value) -> String {
        var out = ""
        appendRepr(value, to: &out)
        return out
    }

    private static func appendRepr(_ value: Value, to out: inout String) {
        switch value {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .double(let d): out += repr(d)
        case .string(let s): appendRepr(s, to: &out)
        case .list(let items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += ", " }
                appendRepr(item, to: &out)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for (n, (key, item)) in map.enumerated() {
                if n > 0 { out += ", " }
                appendRepr(key, to: &out)
                out += ": "
                appendRepr(item, to: &out)
            }
            out += "}"
        }
    }

    /// Python's `repr` of a string: single quotes unless the text has `'` and no `"`.
    private static func appendRepr(_ s: String, to out: inout String) {
        let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        out.unicodeScalars.append(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote:
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        out.unicodeScalars.append(quote)
    }

    /// Python's `str.isprintable` for one code point: not "Other" nor a separator but space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default: return true
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's `repr(float)`: the shortest round-tripping digits, positional for decimal
    /// exponents in -4..<16 (always with a fractional part), scientific (`1e+16`) otherwise.
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description already has the shortest round-trip digits; only the layout differs.
        var text = Substring(d.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        var digits = Array(integer + fraction)
        var point = integer.count + exponent  // value = 0.digits × 10^point
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        var out = d < 0 ? "-" : ""
        if point > -4 && point <= 16 {
            if point <= 0 {
                out += "0." + String(repeating: "0", count: -point) + String(digits)
            } else if point >= digits.count {
                out += String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                out += String(digits[..<point]) + "." + String(digits[point...])
            }
        } else {
            out += String(digits[0])
            if digits.count > 1 { out += "." + String(digits[1...]) }
            let e = point - 1
            out += (e < 0 ? "e-" : "e+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
        }
        return out
    }

    /// Python's `str.lower()`: code point by code point, with the Final_Sigma rule
    /// (`Σ` ending a word becomes `ς`).
    static func lower(_ s: String, from start: Int = 0) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where i >= start {
            if scalar == "\u{03A3}", isFinalSigma(scalars, i) {
                out.append("\u{03C2}")
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Preceded by a cased letter and not followed by one (case-ignorable marks skipped).
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        func cased(in range: some Sequence<Int>) -> Bool {
            for j in range {
                let p = scalars[j].properties
                if p.isCaseIgnorable { continue }
                return p.isCased
            }
            return false
        }
        return cased(in: stride(from: i - 1, through: 0, by: -1)) && !cased(in: (i + 1)..<scalars.count)
    }

    /// Python's `str.upper()`, code point by code point.
    static func upper(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars) }
        return String(out)
    }

    /// Python's `str.capitalize()` (3.8+): the first code point in title case, the rest lower.
    static func capitalize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return first.properties.titlecaseMapping + lower(s, from: 1)
    }

    /// Jinja's `title` filter: split on runs of `[-\s({\[<]`, then upper-case each word's
    /// first code point and lower-case the rest of the word (separators have no case).
    static func title(_ s: String) -> String {
        var out = ""
        var word = String.UnicodeScalarView()
        func flush() {
            guard let first = word.first else { return }
            out += first.properties.uppercaseMapping + lower(String(word.dropFirst()))
            word = String.UnicodeScalarView()
        }
        for scalar in s.unicodeScalars {
            if isSpace(scalar) || "-({[<".unicodeScalars.contains(scalar) {
                flush()
                out.unicodeScalars.append(scalar)
            } else {
                word.append(scalar)
            }
        }
        flush()
        return out
    }

    /// Python's `str.strip(chars)`; `nil` strips whitespace.
    static func strip(_ s: String, chars: String?) -> String {
        let set = chars.map { Set($0.unicodeScalars) }
        let strip: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? isSpace($0) }
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !strip($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !strip($0) })!
        return String(scalars[start...end])
    }

    /// Python's `str.replace(old, new, count)`; a negative count replaces every occurrence and
    /// an empty `old` inserts `new` around every code point, as Python does.
    static func replace(_ s: String, _ old: String, _ new: String, count: Int) -> String {
        let source = Array(s.unicodeScalars)
        let pattern = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView()
        var remaining = count < 0 ? Int.max : count
        if pattern.isEmpty {
            for scalar in source {
                if remaining > 0 {
                    out.append(contentsOf: new.unicodeScalars)
                    remaining -= 1
                }
                out.append(scalar)
            }
            if remaining > 0 { out.append(contentsOf: new.unicodeScalars) }
            return String(out)
        }
        var i = 0
        while i < source.count {
            if remaining > 0, i + pattern.count <= source.count, source[i] == pattern[0],
                source[i..<(i + pattern.count)].elementsEqual(pattern)
            {
                out.append(contentsOf: new.unicodeScalars)
                i += pattern.count
                remaining -= 1
            } else {
                out.append(source[i])
                i += 1
            }
        }
        return String(out)
    }
}
