import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Python's printf-style formatting (`'%d GiB' % 8`, Jinja's `format` filter), and the C
/// formatting of numbers it shares with C (`%.1f`, `%e`, `%g`, `%x`).
enum PythonFormat {
    /// C's `snprintf(spec, value)` for one double, as Python's float formatting gives for
    /// finite values; `spec` is a complete C conversion (`%.1f`).
    static func c(_ spec: String, _ d: Double, size: Int = 400) -> String { wide(spec, d, size: size) }

    /// `snprintf(spec, arg)` into a buffer of `size` bytes.
    static func wide(_ spec: String, _ arg: any CVarArg, size: Int) -> String {
        var buffer = [CChar](repeating: 0, count: size + 1)
        let written = withVaList([arg]) { list in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, size + 1, spec, list) }
        }
        return String(decoding: buffer.prefix(max(0, min(Int(written), size))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `template % arguments` (or `% mapping` for `%(name)s`), as Python formats it.
    static func percent(_ template: String, _ arguments: [Value], mapping: ValueMap?, budget: inout MacroBudget)
        throws(MacroOperationError) -> String
    {
        let args = mapping.map { [Value.map($0)] } ?? arguments
        var next = 0
        var out = ""
        let scalars = Array(template.unicodeScalars)
        var i = 0
        func take() throws(MacroOperationError) -> Value {
            guard next < args.count else { throw .python("not enough arguments for format string") }
            defer { next += 1 }
            return args[next]
        }
        while i < scalars.count {
            let scalar = scalars[i]
            i += 1
            guard scalar == "%" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            var keyed: Value? = nil
            if i < scalars.count, scalars[i] == "(" {
                guard let mapping else { throw .python("format requires a mapping") }
                var depth = 1
                var j = i + 1
                var key = ""
                while j < scalars.count {
                    if scalars[j] == "(" { depth += 1 }
                    if scalars[j] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    key.unicodeScalars.append(scalars[j])
                    j += 1
                }
                guard j < scalars.count else { throw .python("incomplete format key") }
                guard let v = mapping[key] else { throw .python("KeyError: '\(key)'") }
                keyed = v
                i = j + 1
            }
            var flags = Set<Unicode.Scalar>()
            while i < scalars.count, "-+ #0".unicodeScalars.contains(scalars[i]) {
                flags.insert(scalars[i])
                i += 1
            }
            var width = 0
            if i < scalars.count, scalars[i] == "*" {
                i += 1
                guard case .int(let w) = try take() else { throw .python("* wants int") }
                if w < 0 { flags.insert("-") }
                width = w == .min ? .max : Swift.abs(w)  // past the limit below either way
            } else {
                while i < scalars.count, let digit = digit(scalars[i]) {
                    width = width > MacroLimits.maxStringBytes ? width : width * 10 + digit
                    i += 1
                }
            }
            var precision: Int? = nil
            if i < scalars.count, scalars[i] == "." {
                i += 1
                var p = 0
                if i < scalars.count, scalars[i] == "*" {
                    i += 1
                    guard case .int(let w) = try take() else { throw .python("* wants int") }
                    p = max(0, w)
                } else {
                    while i < scalars.count, let digit = digit(scalars[i]) {
                        p = p > MacroLimits.maxStringBytes ? p : p * 10 + digit
                        i += 1
                    }
                }
                precision = p
            }
            while i < scalars.count, "hlL".unicodeScalars.contains(scalars[i]) { i += 1 }
            guard i < scalars.count else { throw .python("incomplete format") }
            let conversion = scalars[i]
            i += 1
            if conversion == "%" {
                out += "%"
                continue
            }
            guard width <= MacroLimits.maxStringBytes, (precision ?? 0) <= MacroLimits.maxStringBytes else {
                throw MacroBudget.stringTooLong("more than \(MacroBudget.mebibytes(MacroLimits.maxStringBytes))")
            }
            let value: Value
            if let keyed { value = keyed } else { value = try take() }
            let piece = try convert(value, conversion, flags: flags, width: width, precision: precision, budget: &budget)
            try grow(to: MacroBudget.sum(out.utf8.count, piece.utf8.count), by: piece, budget: &budget)
            out += piece
        }
        if mapping == nil, next < args.count { throw .python("not all arguments converted during string formatting") }
        return out
    }

    private static func convert(
        _ value: Value, _ conversion: Unicode.Scalar, flags: Set<Unicode.Scalar>, width: Int, precision: Int?,
        budget: inout MacroBudget
    ) throws(MacroOperationError) -> String {
        let flagText = String(String.UnicodeScalarView(flags.sorted { $0.value < $1.value }))
        switch conversion {
        case "s", "r", "a":
            var s = conversion == "s" ? try PythonText.str(value, budget: &budget) : try PythonText.repr(value, budget: &budget)
            if let precision { s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision))) }
            return pad(s, width: width, left: flags.contains("-"))
        case "c":
            var s: String
            switch value {
            case .int(let i):
                guard let scalar = UInt32(exactly: i).flatMap(Unicode.Scalar.init) else {
                    throw .python("%c arg not in range(0x110000)")
                }
                s = String(scalar)
            case .string(let t) where t.unicodeScalars.count == 1: s = t
            default: throw .python("%c requires an int or a unicode character, not \(PythonSemantics.typeName(value))")
            }
            if let precision { s = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision))) }
            return pad(s, width: width, left: flags.contains("-"))
        case "d", "i", "u", "o", "x", "X":
            let integer: Int
            switch value {
            case .int(let n): integer = n
            case .bool(let b): integer = b ? 1 : 0
            case .double(let d) where "diu".unicodeScalars.contains(conversion):
                guard d.isFinite else {
                    throw .python(d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
                }
                guard let n = Int(exactly: d.rounded(.towardZero)) else { throw .integerOverflow }
                integer = n
            default:
                let kind = "diu".unicodeScalars.contains(conversion) ? "a real number" : "an integer"
                throw .python("%\(Character(conversion)) format: \(kind) is required, not \(PythonSemantics.typeName(value))")
            }
            if conversion == "o" || conversion == "x" || conversion == "X" {
                // Python prints a negative number's sign and magnitude (C its two's complement),
                // and its alternate octal form is `0o17` (C's is `017`).
                var digits = String(integer.magnitude, radix: conversion == "o" ? 8 : 16, uppercase: conversion == "X")
                if let precision, digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
                let sign = integer < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
                let prefix = flags.contains("#") ? (conversion == "o" ? "0o" : conversion == "x" ? "0x" : "0X") : ""
                let missing = width - sign.count - prefix.count - digits.count
                if flags.contains("-") || missing <= 0 { return pad(sign + prefix + digits, width: width, left: true) }
                if flags.contains("0") { return sign + prefix + String(repeating: "0", count: missing) + digits }
                return String(repeating: " ", count: missing) + sign + prefix + digits
            }
            let spec = "%" + flagText + (width > 0 ? String(width) : "") + (precision.map { "." + String($0) } ?? "")
                + "l" + (conversion == "u" || conversion == "i" ? "d" : String(Character(conversion)))
            return try numeric(spec, integer, width: width, precision: precision ?? 0, budget: &budget)
        case "e", "E", "f", "F", "g", "G":
            let d: Double
            switch value {
            case .int(let n): d = Double(n)
            case .bool(let b): d = b ? 1 : 0
            case .double(let x): d = x
            default: throw .python("must be real number, not \(PythonSemantics.typeName(value))")
            }
            let spec = "%" + flagText + (width > 0 ? String(width) : "") + "." + String(precision ?? 6)
                + String(Character(conversion))
            return try numeric(spec, d, width: width, precision: precision ?? 6, budget: &budget)
        default:
            throw .python(
                "unsupported format character '\(Character(conversion))' (0x\(String(conversion.value, radix: 16)))")
        }
    }

    /// One C conversion, its size bounded before it is rendered: a double's `%f` has up to
    /// 309 integer digits.
    private static func numeric(_ spec: String, _ arg: any CVarArg, width: Int, precision: Int, budget: inout MacroBudget)
        throws(MacroOperationError) -> String
    {
        let size = max(width, precision + 330)
        try budget.build(stringBytes: size)
        return wide(spec, arg, size: size)
    }

    /// Checks that a result growing to `size` bytes stays within `MacroLimits.maxStringBytes`,
    /// and spends only the `piece` added (not the whole result again).
    static func grow(to size: Int?, by piece: String, budget: inout MacroBudget) throws(MacroOperationError) {
        guard let size, size <= MacroLimits.maxStringBytes else {
            throw MacroBudget.stringTooLong(size.map { "\($0) bytes" } ?? "more bytes than fit in 64 bits")
        }
        try budget.spend(piece.utf8.count)
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 48 && scalar.value <= 57 ? Int(scalar.value) - 48 : nil
    }

    /// Pads to `width` code points with spaces, on the left unless `left` (the `-` flag).
    static func pad(_ s: String, width: Int, left: Bool) -> String {
        let missing = width - s.unicodeScalars.count
        guard missing > 0 else { return s }
        let spaces = String(repeating: " ", count: missing)
        return left ? s + spaces : spaces + s
    }
}
