import TrellisCore

/// A value, or Jinja's `StrictUndefined`: a missing name or member is not an error until it is
/// used (printed, compared, filtered), so `x | default(…)` and `x is defined` still work.
enum Operand {
    case value(Value)
    case undefined(MacroProblem)
}

/// Evaluation of one expression stopped; its diagnostic, if any, is recorded already.
struct EvaluationFailure: Error {}

/// Evaluates expressions against one brand's variables with Jinja's (and Python's) semantics.
struct Evaluator {
    let context: ValueMap
    private(set) var problems: [MacroProblem] = []

    init(context: ValueMap) {
        self.context = context
    }

    /// Forgets the problems recorded since `count` (an undefined value the page's policy allows).
    mutating func dropProblems(after count: Int) {
        problems.removeSubrange(count...)
    }

    /// The expression's value; an undefined result is reported and fails.
    mutating func value(_ e: Expression) throws(EvaluationFailure) -> Value {
        try consume(try evaluate(e))
    }

    mutating func consume(_ operand: Operand) throws(EvaluationFailure) -> Value {
        switch operand {
        case .value(let v): return v
        case .undefined(let problem):
            problems.append(problem)
            throw EvaluationFailure()
        }
    }

    mutating func fail(_ rule: RuleID, _ message: String, at offset: Int) -> EvaluationFailure {
        problems.append(MacroProblem(rule: rule, message: message, offset: offset))
        return EvaluationFailure()
    }

    mutating func evaluate(_ e: Expression) throws(EvaluationFailure) -> Operand {
        switch e.kind {
        case .literal(let v): return .value(v)
        case .variable(let name): return variable(name, at: e.offset)
        case .attribute(let base, let name): return try member(of: base, name: name, at: e.offset)
        case .item(let base, let key): return try element(of: base, key: key, at: e.offset)
        case .list(let items): return try list(items)
        case .not(let operand): return .value(.bool(!PythonSemantics.isTruthy(try value(operand))))
        case .negate(let operand): return try negate(operand, at: e.offset)
        case .plus(let operand): return try plus(operand, at: e.offset)
        case .and(let left, let right):
            let l = try value(left)
            return PythonSemantics.isTruthy(l) ? try evaluate(right) : .value(l)
        case .or(let left, let right):
            let l = try value(left)
            return PythonSemantics.isTruthy(l) ? .value(l) : try evaluate(right)
        case .compare(let first, let links): return try compare(first, links)
        case .arithmetic(let op, let left, let right):
            let (l, r) = (try value(left), try value(right))
            do throws(PythonTypeError) {
                return .value(try PythonArithmetic.apply(op, l, r))
            } catch {
                throw fail(.macroType, error.message, at: e.offset)
            }
        case .concat(let left, let right):
            let l = PythonText.str(try value(left))
            return .value(.string(l + PythonText.str(try value(right))))
        case .filter(let base, let filter, let arguments):
            return try apply(filter, to: base, arguments: arguments, at: e.offset)
        case .test(let base, let test, let negated): return try check(base, test, negated: negated)
        case .conditional(let then, let condition, let otherwise):
            if PythonSemantics.isTruthy(try value(condition)) { return try evaluate(then) }
            if let otherwise { return try evaluate(otherwise) }
            return .undefined(
                MacroProblem(
                    rule: .undefinedVariable,
                    message: "the inline if-expression evaluated to false and no else section was defined",
                    offset: e.offset))
        case .invalid: throw EvaluationFailure()
        }
    }

    private func variable(_ name: String, at offset: Int) -> Operand {
        if let v = context[name] { return .value(v) }
        var message = "undefined variable '\(name)'"
        if let hint = Suggestions.didYouMean(name, in: context.keys) { message += "; \(hint)" }
        return .undefined(
            MacroProblem(rule: .undefinedVariable, message: message, offset: offset, length: name.utf8.count))
    }

    /// `base.name`: a map's member (Jinja tries the attribute, then the item).
    private mutating func member(of base: Expression, name: String, at offset: Int) throws(EvaluationFailure) -> Operand
    {
        let container = try value(base)
        if case .map(let map) = container {
            if let v = map[name] { return .value(v) }
            return missingKey(name, in: map, of: base, at: offset, length: name.utf8.count)
        }
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable, message: "'\(base.path)' has no attribute '\(name)'", offset: offset,
                length: name.utf8.count)
        )
    }

    private func missingKey(_ name: String, in map: ValueMap, of base: Expression, at offset: Int, length: Int = 0)
        -> Operand
    {
        var message = "'\(base.path)' has no attribute '\(name)'"
        if let hint = Suggestions.didYouMean(name, in: map.keys) { message += "; \(hint)" }
        return .undefined(MacroProblem(rule: .undefinedVariable, message: message, offset: offset, length: length))
    }

    /// `base[key]` and `base.0`: list and string elements (negative from the end), map members.
    private mutating func element(of base: Expression, key: Expression, at offset: Int) throws(EvaluationFailure)
        -> Operand
    {
        let container = try value(base)
        let index = try value(key)
        switch (container, index) {
        case (.map(let map), .string(let name)):
            if let v = map[name] { return .value(v) }
            return missingKey(name, in: map, of: base, at: offset)
        case (.list(let items), .int), (.list(let items), .bool):
            if let i = position(index, count: items.count) { return .value(items[i]) }
        case (.string(let s), .int), (.string(let s), .bool):
            let scalars = Array(s.unicodeScalars)
            if let i = position(index, count: scalars.count) { return .value(.string(String(scalars[i]))) }
        default: break
        }
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable, message: "'\(base.path)' has no element \(PythonText.repr(index))",
                offset: offset))
    }

    private func position(_ index: Value, count: Int) -> Int? {
        let raw: Int
        switch index {
        case .int(let i): raw = i
        case .bool(let b): raw = b ? 1 : 0
        default: return nil
        }
        let i = raw < 0 ? raw + count : raw
        return i >= 0 && i < count ? i : nil
    }

    private mutating func list(_ items: [Expression]) throws(EvaluationFailure) -> Operand {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try value(item)) }
        return .value(.list(values))
    }

    private mutating func negate(_ operand: Expression, at offset: Int) throws(EvaluationFailure) -> Operand {
        switch try value(operand) {
        case .int(let i) where i != Int.min: return .value(.int(-i))
        case .bool(let b): return .value(.int(b ? -1 : 0))
        case .double(let d): return .value(.double(-d))
        case let v:
            throw fail(.macroType, "bad operand type for unary -: '\(PythonSemantics.typeName(v))'", at: offset)
        }
    }

    private mutating func plus(_ operand: Expression, at offset: Int) throws(EvaluationFailure) -> Operand {
        switch try value(operand) {
        case .bool(let b): return .value(.int(b ? 1 : 0))
        case let v:
            if case .int = v { return .value(v) }
            if case .double = v { return .value(v) }
            throw fail(.macroType, "bad operand type for unary +: '\(PythonSemantics.typeName(v))'", at: offset)
        }
    }

    /// A comparison chain: `a < b < c` is `a < b and b < c`, each operand evaluated once.
    private mutating func compare(_ first: Expression, _ links: [Comparison]) throws(EvaluationFailure) -> Operand {
        var left = try value(first)
        for link in links {
            let right = try value(link.operand)
            let holds: Bool
            do throws(PythonTypeError) {
                switch link.op {
                case .equal: holds = PythonSemantics.isEqual(left, right)
                case .notEqual: holds = !PythonSemantics.isEqual(left, right)
                case .less: holds = try PythonSemantics.compare(left, .less, right)
                case .greater: holds = try PythonSemantics.compare(left, .greater, right)
                case .lessOrEqual: holds = try PythonSemantics.compare(left, .lessOrEqual, right)
                case .greaterOrEqual: holds = try PythonSemantics.compare(left, .greaterOrEqual, right)
                case .contains: holds = try PythonSemantics.contains(right, left)
                case .notContains: holds = !(try PythonSemantics.contains(right, left))
                }
            } catch {
                throw fail(.macroType, error.message, at: link.offset)
            }
            if !holds { return .value(.bool(false)) }
            left = right
        }
        return .value(.bool(true))
    }

    private mutating func check(_ base: Expression, _ test: Test, negated: Bool) throws(EvaluationFailure) -> Operand {
        let operand = try evaluate(base)
        let result: Bool
        switch (test, operand) {
        case (.defined, .value), (.undefined, .undefined): result = true
        case (.none, .value(.null)): result = true
        default: result = false
        }
        return .value(.bool(result != negated))
    }
}
