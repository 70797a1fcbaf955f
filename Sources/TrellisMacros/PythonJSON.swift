import TrellisCore

/// Jinja's `tojson`: Python's `json.dumps(value, sort_keys=True, indent=…)` with `<`, `>`, `&`
/// and `'` escaped as `\u003c`…, so it is safe in HTML and in `<script>`.
enum PythonJSON {
    static func htmlSafe(_ value: Value, indent: Int?, budget: inout MacroBudget) throws(MacroOperationError) -> String {
        var out = ""
        try append(value, to: &out, indent: indent, level: 0, budget: &budget)
        try budget.build(stringBytes: out.utf8.count)
        return out
    }

    private static func append(_ value: Value, to out: inout String, indent: Int?, level: Int, budget: inout MacroBudget)
        throws(MacroOperationError)
    {
        guard out.utf8.count <= MacroLimits.maxStringBytes else {
            throw MacroBudget.stringTooLong("more than \(MacroBudget.mebibytes(MacroLimits.maxStringBytes))")
        }
        try budget.spend(MacroBudget.itemCost)
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isNaN { out += "NaN" } else if d.isInfinite { out += d < 0 ? "-Infinity" : "Infinity" } else { out += PythonText.repr(d) }
        case .string(let s): appendString(s, to: &out)
        case .list(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += indent == nil ? ", " : "," }
                newline(&out, indent, level + 1)
                try append(item, to: &out, indent: indent, level: level + 1, budget: &budget)
            }
            newline(&out, indent, level)
            out += "]"
        case .map(let map):
            guard !map.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            let keys = map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (n, key) in keys.enumerated() {
                if n > 0 { out += indent == nil ? ", " : "," }
                newline(&out, indent, level + 1)
                appendString(key, to: &out)
                out += ": "
                try append(map[key] ?? .null, to: &out, indent: indent, level: level + 1, budget: &budget)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: " ", count: max(0, indent) * level)
    }

    private static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<", ">", "&", "'": out += unit(UInt16(scalar.value))
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    for u in String(scalar).utf16 { out += unit(u) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func unit(_ u: UInt16) -> String {
        let hex = String(u, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
