import TrellisCore

/// Python's text semantics (`str()`, `repr()`, case mapping, `strip`, `replace`), which Jinja
/// filters inherit: pages must render to the same text as under the MkDocs macros plugin.
///
/// Python strings are sequences of code points, so everything here works on Unicode scalars
/// (or on their UTF-8 bytes, where that gives the same answer), never on Swift `Character`s
/// (which would merge combining marks and compare canonically).
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

    /// Python's `str(value)`, which Jinja prints for `{{ value }}`; a list or map prints as its
    /// `repr`, which may not grow past `MacroLimits.maxStringBytes` and is spent from `budget`.
    static func str(_ value: Value, budget: inout MacroBudget) throws(MacroOperationError) -> String {
        if case .string(let s) = value { return s }
        return try repr(value, budget: &budget)
    }

    /// Python's `repr(value)`, used for values nested in lists and maps; bounded as `str`.
    static func repr(_ value: Value, budget: inout MacroBudget) throws(MacroOperationError) -> String {
        var out = ""
        let limit = min(MacroLimits.maxStringBytes, max(0, budget.remaining))
        guard appendRepr(value, to: &out, limit: limit) else {
            if limit < MacroLimits.maxStringBytes { try budget.spend(limit + 1) }  // the page's work ran out
            throw MacroBudget.stringTooLong("more than \(MacroBudget.mebibytes(MacroLimits.maxStringBytes))")
        }
        try budget.spend(out.utf8.count)
        return out
    }

    /// A short `repr` for a diagnostic message: about 100 bytes at most, cut with `…`.
    static func excerpt(_ value: Value) -> String {
        let limit = 100
        var out = ""
        if case .string(let s) = value, s.utf8.count > limit {
            appendRepr(String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit))), to: &out)
            return out + "…"
        }
        return appendRepr(value, to: &out, limit: limit) ? out : out + "…"
    }

    /// Appends `repr(value)`; false once the text passes `limit` bytes (it is then incomplete).
    private static func appendRepr(_ value: Value, to out: inout String, limit: Int) -> Bool {
        switch value {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .double(let d): out += repr(d)
        case .string(let s):
            // A string's repr is at least as long as the string.
            guard out.utf8.count + s.utf8.count <= limit else { return false }
            appendRepr(s, to: &out)
        case .list(let items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += ", " }
                guard appendRepr(item, to: &out, limit: limit) else { return false }
            }
            out += "]"
        case .map(let map):
            out += "{"
            for (n, (key, item)) in map.enumerated() {
                if n > 0 { out += ", " }
                guard out.utf8.count + key.utf8.count <= limit else { return false }
                appendRepr(key, to: &out)
                out += ": "
                guard appendRepr(item, to: &out, limit: limit) else { return false }
            }
            out += "}"
        }
        return out.utf8.count <= limit
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
}
