import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Python's arithmetic operators over `Value`s, as Jinja evaluates `+ - * / // % **`.
///
/// Python integers never overflow; where a 64-bit result would, this reports a `MacroLimit`
/// error rather than print a wrong number. Strings and lists that `+` and `*` build are checked
/// against `MacroLimits` before they are allocated.
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

    static func apply(_ op: Operator, _ a: Value, _ b: Value, budget: inout MacroBudget)
        throws(MacroOperationError) -> Value
    {
        if let x = Number(a), let y = Number(b) { return try numeric(op, x, y) }
        switch (op, a, b) {
        case (.add, .string(let x), .string(let y)):
            try budget.build(stringBytes: MacroBudget.sum(x.utf8.count, y.utf8.count))
            return .string(x + y)
        case (.add, .list(let x), .list(let y)):
            try budget.build(listCount: MacroBudget.sum(x.count, y.count))
            return .list(x + y)
        case (.add, .string, _), (.add, .list, _):
            let (left, right) = (PythonSemantics.typeName(a), PythonSemantics.typeName(b))
            throw .python("can only concatenate \(left) (not \"\(right)\") to \(left)")
        case (.multiply, .string, _), (.multiply, .list, _):
            if let count = repetitions(b) { return try repeated(a, count, budget: &budget) }
        case (.multiply, _, .string), (.multiply, _, .list):
            if let count = repetitions(a) { return try repeated(b, count, budget: &budget) }
        case (.modulo, .string(let template), _):
            if case .map(let mapping) = b { return .string(try PythonFormat.percent(template, [b], mapping: mapping, budget: &budget)) }
            return .string(try PythonFormat.percent(template, [b], mapping: nil, budget: &budget))
        default: break
        }
        throw .python(
            "unsupported operand type(s) for \(op == .power ? "** or pow()" : op.rawValue): "
                + "'\(PythonSemantics.typeName(a))' and '\(PythonSemantics.typeName(b))'")
    }

    private static func repetitions(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// `value * count`, its size checked before anything is allocated.
    private static func repeated(_ value: Value, _ count: Int, budget: inout MacroBudget)
        throws(MacroOperationError) -> Value
    {
        let n = max(0, count)
        switch value {
        case .string(let s):
            try budget.build(stringBytes: MacroBudget.product(n, s.utf8.count))
            // An empty result takes no time, however many times nothing is repeated.
            return .string(s.isEmpty ? "" : String(repeating: s, count: n))
        case .list(let l):
            try budget.build(listCount: MacroBudget.product(n, l.count))
            if l.isEmpty { return .list([]) }
            var items: [Value] = []
            items.reserveCapacity(n * l.count)
            for _ in 0..<n { items.append(contentsOf: l) }
            return .list(items)
        default: return value
        }
    }

    private static func numeric(_ op: Operator, _ x: Number, _ y: Number) throws(MacroOperationError) -> Value {
        if case .int(let i) = x, case .int(let j) = y { return try integer(op, i, j) }
        let (p, q) = (x.double, y.double)
        switch op {
        case .add: return .double(p + q)
        case .subtract: return .double(p - q)
        case .multiply: return .double(p * q)
        case .divide:
            guard q != 0 else { throw .python("float division by zero") }
            return .double(p / q)
        case .floorDivide:
            guard q != 0 else { throw .python("float floor division by zero") }
            return .double((p / q).rounded(.down))
        case .modulo:
            guard q != 0 else { throw .python("float modulo") }
            let r = p.truncatingRemainder(dividingBy: q)
            return .double(r != 0 && (r < 0) != (q < 0) ? r + q : r)
        case .power:
            if p == 0 && q < 0 { throw .python("0.0 cannot be raised to a negative power") }
            if p < 0, p.isFinite, q.isFinite, q.rounded() != q {
                throw .python("the result is a complex number, which Trellis does not support")
            }
            let r = pow(p, q)
            if r.isInfinite, p.isFinite, q.isFinite { throw .python("(34, 'Numerical result out of range')") }
            return .double(r)
        }
    }

    private static func integer(_ op: Operator, _ i: Int, _ j: Int) throws(MacroOperationError) -> Value {
        let overflow = MacroOperationError.integerOverflow
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
            guard j != 0 else { throw .python("division by zero") }
            return .double(Double(i) / Double(j))
        case .floorDivide, .modulo:
            guard j != 0 else {
                throw .python(op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero")
            }
            if j == -1 {  // the one quotient that can overflow; any number modulo -1 is 0
                if op == .modulo { return .int(0) }
                guard i != Int.min else { throw overflow }
            }
            var q = i / j
            var r = i % j
            if r != 0 && (r < 0) != (j < 0) {
                q -= 1
                r += j
            }
            return .int(op == .floorDivide ? q : r)
        case .power:
            if j < 0 {
                guard i != 0 else { throw .python("0.0 cannot be raised to a negative power") }
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
