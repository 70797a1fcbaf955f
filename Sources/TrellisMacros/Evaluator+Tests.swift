import TrellisCore

/// Jinja's tests (`x is divisibleby 3`, `select('odd')`), as Jinja 3.1 defines them.
extension Evaluator {
    mutating func check(_ base: Expression, _ test: Test, _ arguments: [Expression], negated: Bool, at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        let operand = try evaluate(base)
        var values: [Value] = []
        for argument in arguments { values.append(try value(argument)) }
        return .value(.bool(try passes(test, operand, values, at: offset) != negated))
    }

    /// Whether a value passes a test; an undefined one passes only `undefined`, fails the
    /// type tests, and is reported where Jinja would use it.
    mutating func passes(_ test: Test, _ operand: Operand, _ arguments: [Value], at offset: Int)
        throws(EvaluationFailure) -> Bool
    {
        switch test {
        case .defined: if case .value = operand { return true } else { return false }
        case .undefined: if case .undefined = operand { return true } else { return false }
        case .none, .string, .number, .integer, .float, .mapping, .sequence, .boolean, .true, .false, .callable,
            .escaped, .filter, .test:
            guard case .value(let v) = operand else { return false }
            return Self.hasType(test, v)
        default: break
        }
        guard arguments.count >= test.arity else {
            throw fail(.macroType, "test '\(test.rawValue)' needs \(test.arity) argument", at: offset)
        }
        let v = try consume(operand)
        let other = arguments.first ?? .null
        return try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
            switch test {
            case .iterable:
                switch v {
                case .string, .list, .map: return true
                default: return false
                }
            case .divisibleby: return try Self.isZero(PythonArithmetic.apply(.modulo, v, other, budget: &b), &b)
            case .even: return try Self.isZero(PythonArithmetic.apply(.modulo, v, .int(2), budget: &b), &b)
            case .odd: return try PythonSemantics.isEqual(PythonArithmetic.apply(.modulo, v, .int(2), budget: &b), .int(1), budget: &b)
            case .eq: return try PythonSemantics.isEqual(v, other, budget: &b)
            case .ne: return !(try PythonSemantics.isEqual(v, other, budget: &b))
            case .lt: return try PythonSemantics.compare(v, .less, other, budget: &b)
            case .gt: return try PythonSemantics.compare(v, .greater, other, budget: &b)
            case .le: return try PythonSemantics.compare(v, .lessOrEqual, other, budget: &b)
            case .ge: return try PythonSemantics.compare(v, .greaterOrEqual, other, budget: &b)
            case .in: return try PythonSemantics.contains(other, v, budget: &b)
            case .lower, .upper: return Self.isCased(try PythonText.str(v, budget: &b), upper: test == .upper)
            case .sameas: return Self.isSame(v, other)
            default: return false
            }
        }
    }

    private static func isZero(_ v: Value, _ b: inout MacroBudget) throws(MacroOperationError) -> Bool {
        try PythonSemantics.isEqual(v, .int(0), budget: &b)
    }

    private static func hasType(_ test: Test, _ v: Value) -> Bool {
        switch (test, v) {
        case (.none, .null), (.string, .string), (.number, .int), (.number, .double), (.number, .bool),
            (.integer, .int), (.float, .double), (.mapping, .map), (.sequence, .string), (.sequence, .list),
            (.sequence, .map), (.boolean, .bool):
            return true
        case (.true, .bool(let b)): return b
        case (.false, .bool(let b)): return !b
        case (.filter, .string(let name)): return Filter.named(name) != nil
        case (.test, .string(let name)): return Test.named(name) != nil
        default: return false
        }
    }

    /// Python's `str.islower()` / `str.isupper()`: some cased character, none of the other case.
    private static func isCased(_ s: String, upper: Bool) -> Bool {
        var cased = false
        for scalar in s.unicodeScalars {
            let p = scalar.properties
            let isUpper = p.isUppercase || p.generalCategory == .titlecaseLetter
            if upper ? p.isLowercase || p.generalCategory == .titlecaseLetter : isUpper { return false }
            if upper ? p.isUppercase : p.isLowercase { cased = true }
        }
        return cased
    }

    /// Python's `a is b` for the values Jinja templates hold: `None`, `True`, `False` and
    /// CPython's cached small integers are single objects; other values are distinct.
    private static func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && (-5...256).contains(x)
        default: return false
        }
    }
}
