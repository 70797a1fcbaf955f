import TrellisCore

/// Jinja's text filters beyond case and replacing: `string`, `truncate`, `wordcount`,
/// `indent`, `center`, `escape`, `safe`, `urlencode`, `tojson`. Autoescaping is off, as the
/// macros plugin configures Jinja, so `safe` and `escape` give plain text.
extension Evaluator {
    mutating func applyText(_ filter: Filter, to v: Value, _ arguments: FilterArguments, at offset: Int)
        throws(EvaluationFailure) -> Value
    {
        if filter == .tojson {
            let indent = try arguments[0].flatMap { i throws(EvaluationFailure) in
                i == .null ? nil : try integer(i, at: arguments.offset(0))
            }
            return .string(try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try PythonJSON.htmlSafe(v, indent: indent, budget: &b)
            })
        }
        if filter == .urlencode { return .string(try urlencode(v, at: offset)) }
        let s = try text(v, at: offset)
        let scalars = Array(s.unicodeScalars)
        switch filter {
        case .truncate:
            let length = try arguments[0].map { l throws(EvaluationFailure) in try integer(l, at: arguments.offset(0)) } ?? 255
            let killwords = arguments[1].map(PythonSemantics.isTruthy) ?? false
            let end = try arguments[2].map { e throws(EvaluationFailure) in try text(e, at: arguments.offset(2)) } ?? "..."
            let leeway = try arguments[3].flatMap { l throws(EvaluationFailure) in
                l == .null ? nil : try integer(l, at: arguments.offset(3))
            } ?? 5
            let endCount = end.unicodeScalars.count
            guard length >= endCount else { throw fail(.macroType, "expected length >= \(endCount), got \(length)", at: offset) }
            guard leeway >= 0 else { throw fail(.macroType, "expected leeway >= 0, got \(leeway)", at: offset) }
            if scalars.count <= length || scalars.count - length <= leeway { return .string(s) }
            var kept = Array(scalars.prefix(length - endCount))
            if !killwords, let space = kept.lastIndex(of: " ") { kept = Array(kept[..<space]) }
            return .string(String(String.UnicodeScalarView(kept)) + end)
        case .wordcount:
            var count = 0
            var inWord = false
            for scalar in scalars {
                let word = Self.isWordCharacter(scalar)
                if word && !inWord { count += 1 }
                inWord = word
            }
            return .int(count)
        case .center:
            let width = try arguments[0].map { w throws(EvaluationFailure) in try integer(w, at: arguments.offset(0)) } ?? 80
            let (margin, overflow) = width.subtractingReportingOverflow(scalars.count)
            guard !overflow, margin > 0 else { return .string(s) }
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try b.build(stringBytes: MacroBudget.sum(margin, s.utf8.count))
            }
            let left = margin / 2 + (margin & width & 1)
            return .string(String(repeating: " ", count: left) + s + String(repeating: " ", count: margin - left))
        case .indent:
            return .string(try indent(s, arguments, at: offset))
        case .escape:
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&#34;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(scalar)
                }
            }
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(stringBytes: out.utf8.count) }
            return .string(out)
        default:  // string, safe
            return .string(s)
        }
    }

    /// Python's regex `\w` for one code point: a letter, a digit or numeric, or `_`.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            return true
        default: return scalar.properties.numericType != nil
        }
    }

    /// Jinja's `indent(width=4, first=False, blank=False)`; `width` may be a string.
    private mutating func indent(_ s: String, _ arguments: FilterArguments, at offset: Int) throws(EvaluationFailure)
        -> String
    {
        let indention: String
        switch arguments[0] ?? .int(4) {
        case .string(let text): indention = text
        case let w:
            let count = try integer(w, at: arguments.offset(0))
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(stringBytes: max(0, count)) }
            indention = String(repeating: " ", count: max(0, count))
        }
        let first = arguments[1].map(PythonSemantics.isTruthy) ?? false
        let blank = arguments[2].map(PythonSemantics.isTruthy) ?? false
        let lines = Self.splitLines(s + "\n")
        let size = MacroBudget.product(lines.count + 1, indention.utf8.count).flatMap { MacroBudget.sum($0, s.utf8.count + lines.count) }
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(stringBytes: size) }
        var out: String
        if blank {
            out = lines.joined(separator: "\n" + indention)
        } else {
            out = lines.first ?? ""
            for line in lines.dropFirst() { out += "\n" + (line.isEmpty ? "" : indention + line) }
        }
        return first ? indention + out : out
    }

    /// Python's `str.splitlines()`.
    static func splitLines(_ s: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousCR = false
        for scalar in s.unicodeScalars {
            if previousCR {
                previousCR = false
                if scalar == "\n" { continue }
            }
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousCR = scalar == "\r"
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Jinja's `urlencode`: a string quoted (keeping `/`), a map or list of pairs as a query.
    private mutating func urlencode(_ v: Value, at offset: Int) throws(EvaluationFailure) -> String {
        func quote(_ s: String, query: Bool) -> String {
            var out = ""
            for byte in s.utf8 {
                switch byte {
                case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2E, 0x2D, 0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
                case 0x2F where !query: out += "/"
                case 0x20 where query: out += "+"
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count < 2 ? "0" : "") + hex
                }
            }
            return out
        }
        var pairs: [(Value, Value)] = []
        switch v {
        case .map(let map): pairs = map.map { (.string($0.key), $0.value) }
        case .list(let items):
            for item in items {
                guard case .list(let pair) = item, pair.count == 2 else {
                    throw fail(.macroType, "urlencode needs a map or a list of pairs", at: offset)
                }
                pairs.append((pair[0], pair[1]))
            }
        default:
            let s = try text(v, at: offset)
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(stringBytes: MacroBudget.product(3, s.utf8.count)) }
            return quote(s, query: false)
        }
        var parts: [String] = []
        for (key, value) in pairs {
            let k = try text(key, at: offset)
            let item = try text(value, at: offset)
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try b.build(stringBytes: MacroBudget.product(3, k.utf8.count + item.utf8.count))
            }
            parts.append(quote(k, query: true) + "=" + quote(item, query: true))
        }
        return parts.joined(separator: "&")
    }
}
