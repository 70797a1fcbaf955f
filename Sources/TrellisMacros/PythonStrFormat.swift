import TrellisCore

/// Python's `str.format` (`'{} of {}'.format(a, b)`, `'{name:>8}'`, `'{:.2f}'`, `'{:,}'`),
/// for the values templates hold.
enum PythonStrFormat {
    static func format(_ template: String, _ arguments: [Value], _ keywords: ValueMap, budget: inout MacroBudget)
        throws(MacroOperationError) -> String
    {
        let scalars = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var fieldBytes = 0
        var automatic: Int? = nil
        var manual = false
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "}" {
                guard i + 1 < scalars.count, scalars[i + 1] == "}" else { throw .python("Single '}' encountered in format string") }
                out.append("}")
                i += 2
                continue
            }
            guard scalar == "{" else {
                out.append(scalar)
                i += 1
                continue
            }
            if i + 1 < scalars.count, scalars[i + 1] == "{" {
                out.append("{")
                i += 2
                continue
            }
            guard let close = scalars[(i + 1)...].firstIndex(of: "}") else {
                throw .python("Single '{' encountered in format string")
            }
            let field = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            i = close + 1
            if field.unicodeScalars.contains("{") { throw .python("nested replacement fields are not supported in Trellis") }
            var name = Substring(field)
            var spec = ""
            var conversion: Character? = nil
            if let colon = name.firstIndex(of: ":") {
                spec = String(name[name.index(after: colon)...])
                name = name[..<colon]
            }
            if let bang = name.firstIndex(of: "!") {
                let rest = name[name.index(after: bang)...]
                guard rest.count == 1, let c = rest.first, "rsa".contains(c) else {
                    throw .python("Unknown conversion specifier \(rest)")
                }
                conversion = c
                name = name[..<bang]
            }
            let head = name.prefix { $0 != "." && $0 != "[" }
            var value: Value
            if head.isEmpty {
                guard !manual else { throw .python("cannot switch from manual field specification to automatic field numbering") }
                let n = automatic ?? 0
                automatic = n + 1
                guard n < arguments.count else { throw .python("Replacement index \(n) out of range for positional args tuple") }
                value = arguments[n]
            } else if let n = Int(head), head.allSatisfy(\.isASCII) {
                guard automatic == nil else { throw .python("cannot switch from automatic field numbering to manual field specification") }
                manual = true
                guard n >= 0, n < arguments.count else { throw .python("Replacement index \(n) out of range for positional args tuple") }
                value = arguments[n]
            } else {
                guard let v = keywords[String(head)] else { throw .python("KeyError: '\(head)'") }
                value = v
            }
            var rest = name[head.endIndex...]
            while let first = rest.first {
                rest = rest.dropFirst()
                let key: Substring
                if first == "[" {
                    guard let end = rest.firstIndex(of: "]") else { throw .python("Missing ']' in format string") }
                    key = rest[..<end]
                    rest = rest[rest.index(after: end)...]
                } else {
                    key = rest.prefix { $0 != "." && $0 != "[" }
                    rest = rest[key.endIndex...]
                }
                // `.name` reads a Python attribute, which Trellis's values (maps included) do not have.
                guard first == "[" else {
                    throw .python("'\(PythonSemantics.typeName(value))' object has no attribute '\(key)'")
                }
                let index: Value = !key.isEmpty && key.allSatisfy(\.isNumber) ? .int(Int(key) ?? 0) : .string(String(key))
                guard let next = Evaluator.element(of: value, index) else { throw .python("KeyError: \(PythonText.excerpt(index))") }
                value = next
            }
            switch conversion {
            case "s"?: value = .string(try PythonText.str(value, budget: &budget))
            case "r"?, "a"?: value = .string(try PythonText.repr(value, budget: &budget))
            default: break
            }
            let piece = try formatValue(value, spec, budget: &budget)
            // The template's own text is bounded already; the fields' text is counted as it grows.
            fieldBytes = MacroBudget.sum(fieldBytes, piece.utf8.count) ?? Int.max
            try PythonFormat.grow(to: MacroBudget.sum(fieldBytes, template.utf8.count), by: piece, budget: &budget)
            out.append(contentsOf: piece.unicodeScalars)
        }
        return String(out)
    }

    /// `format(value, spec)`.
    static func formatValue(_ value: Value, _ spec: String, budget: inout MacroBudget) throws(MacroOperationError) -> String {
        if spec.isEmpty { return try PythonText.str(value, budget: &budget) }
        var s = Array(spec.unicodeScalars)[...]
        var fill: Unicode.Scalar = " "
        var align: Unicode.Scalar? = nil
        if s.count >= 2, "<>^=".unicodeScalars.contains(s[s.startIndex + 1]) {
            fill = s[s.startIndex]
            align = s[s.startIndex + 1]
            s = s.dropFirst(2)
        } else if let a = s.first, "<>^=".unicodeScalars.contains(a) {
            align = a
            s = s.dropFirst()
        }
        var sign: Unicode.Scalar = "-"
        if let c = s.first, "+- ".unicodeScalars.contains(c) {
            sign = c
            s = s.dropFirst()
        }
        var alternate = false
        if s.first == "#" {
            alternate = true
            s = s.dropFirst()
        }
        if s.first == "0" {
            if align == nil {
                fill = "0"
                align = "="
            }
            s = s.dropFirst()
        }
        var width = 0
        while let c = s.first, c.value >= 48, c.value <= 57 {
            width = min(width * 10 + Int(c.value) - 48, MacroLimits.maxStringBytes + 1)
            s = s.dropFirst()
        }
        var grouping: Character? = nil
        if let c = s.first, c == "," || c == "_" {
            grouping = Character(c)
            s = s.dropFirst()
        }
        var precision: Int? = nil
        if s.first == "." {
            s = s.dropFirst()
            var p = 0
            while let c = s.first, c.value >= 48, c.value <= 57 {
                p = min(p * 10 + Int(c.value) - 48, MacroLimits.maxStringBytes + 1)
                s = s.dropFirst()
            }
            precision = p
        }
        let type = s.first.map(Character.init)
        guard s.count <= 1 else { throw .python("Invalid format specifier '\(spec)'") }
        guard width <= MacroLimits.maxStringBytes, (precision ?? 0) <= MacroLimits.maxStringBytes else {
            throw MacroBudget.stringTooLong("more than \(MacroBudget.mebibytes(MacroLimits.maxStringBytes))")
        }
        var body: String
        var defaultAlign: Unicode.Scalar = ">"
        switch (value, type) {
        case (.string(let text), nil), (.string(let text), "s"?):
            body = precision.map { String(String.UnicodeScalarView(text.unicodeScalars.prefix($0))) } ?? text
            defaultAlign = "<"
        case (.int, _), (.bool, _), (.double, _):
            let number: Double
            var integer: Int? = nil
            switch value {
            case .int(let i): integer = i; number = Double(i)
            case .bool(let b): integer = b ? 1 : 0; number = b ? 1 : 0
            case .double(let d): number = d
            default: number = 0
            }
            let t = type ?? (integer != nil ? "d" : "?")
            var digits: String
            let negative: Bool
            switch t {
            case "d", "n", "x", "X", "o", "b", "c":
                guard let integer else { throw .python("Unknown format code '\(t)' for object of type 'float'") }
                negative = integer < 0
                let radix = t == "x" || t == "X" ? 16 : t == "o" ? 8 : t == "b" ? 2 : 10
                if t == "c" {
                    guard let scalar = UInt32(exactly: integer).flatMap(Unicode.Scalar.init) else { throw .python("%c arg not in range(0x110000)") }
                    return pad(String(scalar), fill: fill, align: align ?? "<", width: width)
                }
                digits = String(integer.magnitude, radix: radix, uppercase: t == "X")
                if let grouping { digits = group(digits, grouping, every: radix == 10 ? 3 : 4) }
                if alternate, radix != 10 { digits = (t == "x" ? "0x" : t == "X" ? "0X" : t == "o" ? "0o" : "0b") + digits }
            case "e", "E", "f", "F", "g", "G", "%", "?":
                negative = number.sign == .minus && !(number.isNaN)
                var x = Swift.abs(number)
                var code = t
                if t == "%" { x *= 100; code = "f" }
                if t == "?" { code = "g" }
                if t == "?", precision == nil, integer == nil {
                    digits = PythonText.repr(x)
                } else {
                    digits = PythonFormat.c("%" + (alternate ? "#" : "") + "." + String(precision ?? 6) + String(code), x, size: 330 + (precision ?? 6))
                    if t == "?", x.isFinite, !digits.contains("."), !digits.contains("e") { digits += ".0" }
                }
                if let grouping, x.isFinite {
                    let end = digits.firstIndex { !$0.isNumber } ?? digits.endIndex
                    digits = group(String(digits[..<end]), grouping, every: 3) + digits[end...]
                }
                if t == "%" { digits += "%" }
            default:
                throw .python("Unknown format code '\(t)' for object of type '\(PythonSemantics.typeName(value))'")
            }
            let signText = negative ? "-" : sign == "+" ? "+" : sign == " " ? " " : ""
            if (align ?? ">") == "=" {
                let missing = width - signText.count - digits.unicodeScalars.count
                return signText + String(repeating: String(fill), count: max(0, missing)) + digits
            }
            body = signText + digits
        case (.string, let t?):
            throw .python("Unknown format code '\(t)' for object of type 'str'")
        default:
            throw .python("unsupported format string passed to \(PythonSemantics.typeName(value)).__format__")
        }
        return pad(body, fill: fill, align: align ?? defaultAlign, width: width)
    }

    private static func group(_ digits: String, _ separator: Character, every n: Int) -> String {
        var out: [Character] = []
        for (k, c) in digits.reversed().enumerated() {
            if k > 0, k % n == 0 { out.append(separator) }
            out.append(c)
        }
        return String(out.reversed())
    }

    private static func pad(_ s: String, fill: Unicode.Scalar, align: Unicode.Scalar, width: Int) -> String {
        let missing = width - s.unicodeScalars.count
        guard missing > 0 else { return s }
        let f = String(fill)
        switch align {
        case "<": return s + String(repeating: f, count: missing)
        case "^": return String(repeating: f, count: missing / 2) + s + String(repeating: f, count: missing - missing / 2)
        default: return String(repeating: f, count: missing) + s
        }
    }
}
