import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Jinja's number filters (`int`, `float`, `abs`, `round`, `filesizeformat`), with Python's
/// conversions and rounding.
extension Evaluator {
    mutating func applyNumber(_ filter: Filter, to v: Value, _ arguments: FilterArguments, at offset: Int)
        throws(EvaluationFailure) -> Value
    {
        switch filter {
        case .int:
            let fallback = arguments[0] ?? .int(0)
            let base = try arguments[1].map { b throws(EvaluationFailure) in try integer(b, at: arguments.offset(1)) } ?? 10
            return try operation(at: offset) { (_: inout MacroBudget) throws(MacroOperationError) in
                try Self.int(v, base: base) ?? fallback
            }
        case .float:
            return Self.float(v).map(Value.double) ?? arguments[0] ?? .double(0)
        case .abs:
            switch v {
            case .int(let i):
                guard i != .min else { throw fail(.macroLimit, MacroOperationError.integerOverflow.message, at: offset) }
                return .int(Swift.abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .double(let d): return .double(Swift.abs(d))
            default: throw fail(.macroType, "bad operand type for abs(): '\(PythonSemantics.typeName(v))'", at: offset)
            }
        case .round:
            let precision = try arguments[0].map { p throws(EvaluationFailure) in try integer(p, at: arguments.offset(0)) } ?? 0
            let method = arguments[1] ?? .string("common")
            guard case .string(let name) = method, ["common", "ceil", "floor"].contains(name) else {
                throw fail(.macroType, "method must be common, ceil or floor", at: arguments.offset(1))
            }
            return try operation(at: offset) { (_: inout MacroBudget) throws(MacroOperationError) in
                try Self.round(v, precision: precision, method: name)
            }
        case .filesizeformat:
            let binary = arguments[0].map(PythonSemantics.isTruthy) ?? false
            guard let bytes = Self.float(v) else {
                throw fail(.macroType, "could not convert \(PythonSemantics.typeName(v)) to float", at: offset)
            }
            return .string(try operation(at: offset) { (_: inout MacroBudget) throws(MacroOperationError) in
                try Self.fileSize(bytes, binary: binary)
            })
        default:
            return v
        }
    }

    /// Jinja's `int`: `int(value)` (a string in `base`), else `int(float(value))`, else nil.
    private static func int(_ v: Value, base: Int) throws(MacroOperationError) -> Value? {
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .double(let d): return try truncated(d)
        case .string(let s):
            var text = PythonText.strip(s, chars: nil)
            var negative = false
            if let sign = text.first, sign == "-" || sign == "+" {
                negative = sign == "-"
                text.removeFirst()
            }
            let prefixes = [16: "0x", 8: "0o", 2: "0b"]
            if let prefix = prefixes[base], text.lowercased().hasPrefix(prefix) { text.removeFirst(2) }
            let digits = String(text.filter { $0 != "_" })
            if (2...36).contains(base), !digits.isEmpty, !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__"),
                digits.unicodeScalars.allSatisfy(\.isASCII), let n = Int(digits, radix: base)
            {
                return .int(negative ? -n : n)
            }
            guard let d = float(v) else { return nil }
            if d.isNaN { return nil }
            return try truncated(d)
        default: return nil
        }
    }

    private static func truncated(_ d: Double) throws(MacroOperationError) -> Value {
        guard d.isFinite else { throw .python("cannot convert float infinity to integer") }
        guard let i = Int(exactly: d.rounded(.towardZero)) else { throw .integerOverflow }
        return .int(i)
    }

    /// Python's `float(value)`, or nil where it raises.
    static func float(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .double(let d): return d
        case .string(let s):
            let text = PythonText.strip(s, chars: nil).lowercased()
            switch text {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            guard !text.isEmpty, text.unicodeScalars.allSatisfy({ "0123456789+-.e_".unicodeScalars.contains($0) }) else {
                return nil
            }
            return Double(String(text.filter { $0 != "_" }))
        default: return nil
        }
    }

    /// Jinja's `round`: Python's `round(value, precision)` (half to even on the exact binary
    /// value), or `math.ceil`/`math.floor` of `value * 10**precision` over `10**precision`.
    private static func round(_ v: Value, precision: Int, method: String) throws(MacroOperationError) -> Value {
        let x: Double
        switch v {
        case .int(let i) where method == "common":
            return .int(try roundInteger(i, precision))
        case .bool(let b) where method == "common": return .int(try roundInteger(b ? 1 : 0, precision))
        case .int(let i): x = Double(i)
        case .bool(let b): x = b ? 1 : 0
        case .double(let d): x = d
        default: throw .python("type \(PythonSemantics.typeName(v)) doesn't define __round__ method")
        }
        if method == "common" { return .double(roundHalfEven(x, precision)) }
        let scale = pow(10.0, Double(precision))
        let scaled = (x * scale)
        guard scaled.isFinite else {
            throw .python(scaled.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
        }
        return .double((method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down)) / scale)
    }

    private static func roundInteger(_ i: Int, _ precision: Int) throws(MacroOperationError) -> Int {
        guard precision < 0 else { return i }
        guard precision > -19 else { return 0 }
        var unit = 1
        for _ in 0 ..< -precision { unit *= 10 }
        let (q, r) = (i.magnitude / UInt(unit), i.magnitude % UInt(unit))
        var rounded = q
        if 2 * r > UInt(unit) || (2 * r == UInt(unit) && q % 2 == 1) { rounded += 1 }
        let (result, overflow) = rounded.multipliedReportingOverflow(by: UInt(unit))
        guard !overflow, let magnitude = Int(exactly: result) else { throw .integerOverflow }
        return i < 0 ? -magnitude : magnitude
    }

    /// Python's `round(x, n)` for a float: correctly rounded, ties to even.
    static func roundHalfEven(_ x: Double, _ n: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        if n > 323 { return x }
        if n < -308 { return 0 * x }
        if n >= 0 { return Double(PythonFormat.c("%.\(n)f", x, size: 330 + n)) ?? x }
        // Keep the significant digits left of 10^-n: `%.Ne` rounds exactly too.
        let exponent = Int(floor(log10(Swift.abs(x))))
        let significant = exponent + n + 1
        if significant >= 1 { return Double(PythonFormat.c("%.\(significant - 1)e", x)) ?? x }
        if significant < 0 { return 0 * x }
        let unit = pow(10.0, Double(-n))
        return Swift.abs(x) > unit / 2 ? (x < 0 ? -unit : unit) : 0 * x
    }

    /// Jinja's `filesizeformat`.
    private static func fileSize(_ bytes: Double, binary: Bool) throws(MacroOperationError) -> String {
        let base: Double = binary ? 1024 : 1000
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return "1 Byte" }
        if bytes < base {
            guard bytes.isFinite else { throw .python("cannot convert float infinity to integer") }
            return "\(Int(bytes.rounded(.towardZero))) Bytes"
        }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit { return PythonFormat.c("%.1f", base * bytes / unit) + " " + prefix }
        }
        return PythonFormat.c("%.1f", base * bytes / unit) + " " + (prefixes.last ?? "")
    }
}
