import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Python's arithmetic operators over `Value`s, as Jinja evaluates `+ - * / // % **`.
///
/// Python integers never overflow; where a 64-bit result would, this reports an error rather
/// than print a wrong number.
enum PythonArithmetic {
    enum Operator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    }

    private enum Number {
        case int(Int)
        case double(Double)

        init?(_ value: Value) {
            switch value {
            case .bool(let b): self = .int(b ? 1 : 0)
            case .int(let i): self = .int(i)
            case .double(let d): self = .double(d)
            default: return nil
            }
        }

        var double: Double {
            switch self {
            case .int(let i): return Double(i)
            case .double(let d): return d
            }
        }
    }

    static func apply(_ op: Operator, _ a: Value, _ b: Value) throws(PythonTypeError) -> Value {
        if let x = Number(a), let y = Number(b) { return try numeric(op, x, y) }
        switch (op, a, b) {
        case (.add, .string(let x), .string(let y)): return .string(x + y)
        case (.add, .list(let x), .list(let y)): return .list(x + y)
        case (.add, .string, _), (.add, .list, _):
            let (left, right) = (PythonSemantics.typeName(a), PythonSemantics.typeName(b))
            throw PythonTypeError(message: "can only concatenate \(left) (not \"\(right)\") to \(left)")
        case (.multiply, .string, _), (.multiply, .list, _):
            if let count = repetitions(b) { return repeated(a, count) }
        case (.multiply, _, .string), (.multiply, _, .list):
            if let count = repetitions(a) { return repeated(b, count) }
        case (.modulo, .string, _):
            throw PythonTypeError(message: "string formatting with '%' is not supported")
        default: break
        }
        throw PythonTypeError(
            message: "unsupported operand type(s) for \(op == .power ? "** or pow()" : op.rawValue): "
                + "'\(PythonSemantics.typeName(a))' and '\(PythonSemantics.typeName(b))'")
    }

    private static func repetitions(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    private static func repeated(_ value: Value, _ count: Int) -> Value {
        let n = max(0, count)
        switch value {
        case .string(let s): return .string(String(repeating: s, count: n))
        case .list(let l): return .list(Array([[Value]](repeating: l, count: n).joined()))
        default: return value
        }
    }

    private static func numeric(_ op: Operator, _ x: Number, _ y: Number) throws(PythonTypeError) -> Value {
        if case .int(let i) = x, case .int(let j) = y { return try integer(op, i, j) }
        let (p, q) = (x.double, y.double)
        switch op {
        case .add: return .double(p + q)
        case .subtract: return .double(p - q)
        case .multiply: return .double(p * q)
        case .divide:
            guard q != 0 else { throw PythonTypeError(message: "float division by zero") }
            return .double(p / q)
        case .floorDivide:
            guard q != 0 else { throw PythonTypeError(message: "float floor division by zero") }
            return .double((p / q).rounded(.down))
        case .modulo:
            guard q != 0 else { throw PythonTypeError(message: "float modulo") }
            let r = p.truncatingRemainder(dividingBy: q)
            return .double(r != 0 && (r < 0) != (q < 0) ? r + q : r)
        case .power:
            if p == 0 && q < 0 { throw PythonTypeError(message: "0.0 cannot be raised to a negative power") }
            return .double(pow(p, q))
        }
    }

    private static func integer(_ op: Operator, _ i: Int, _ j: Int) throws(PythonTypeError) -> Value {
        let overflow = PythonTypeError(message: "integer result too large")
        switch op {
        case .add:
            let (r, o) = i.addingReportingOverflow(j)
            if o { throw overflow }
            return .int(r)
        case .subtract:
            let (r, o) = i.subtractingReportingOverflow(j)
            if o { throw overflow }
            return .int(r)
        case .multiply:
            let (r, o) = i.multipliedReportingOverflow(by: j)
            if o { throw overflow }
            return .int(r)
        case .divide:
            guard j != 0 else { throw PythonTypeError(message: "division by zero") }
            return .double(Double(i) / Double(j))
        case .floorDivide, .modulo:
            guard j != 0 else { throw PythonTypeError(message: "integer division or modulo by zero") }
            guard !(i == Int.min && j == -1) else { throw overflow }
            var q = i / j
            var r = i % j
            if r != 0 && (r < 0) != (j < 0) {
                q -= 1
                r += j
            }
            return .int(op == .floorDivide ? q : r)
        case .power:
            if j < 0 {
                guard i != 0 else { throw PythonTypeError(message: "0.0 cannot be raised to a negative power") }
                return .double(pow(Double(i), Double(j)))
            }
            var result = 1
            var base = i
            var exponent = j
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (b, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow }
                    base = b
                }
            }
            return .int(result)
        }
    }
}
