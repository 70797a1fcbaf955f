import TrellisCore

/// A value, or Jinja's `StrictUndefined`: a missing name or member is not an error until it is
/// used (printed, compared, filtered), so `x | default(…)` and `x is defined` still work.
enum Operand {
    case value(Value)
    case undefined(MacroProblem)
}

/// Evaluation of one expression stopped; its diagnostic, if any, is recorded already.
struct EvaluationFailure: Error {}

/// Evaluates expressions against one brand's variables with Jinja's (and Python's) semantics,
/// within one page's `MacroBudget`.
struct Evaluator {
    let context: ValueMap
    private(set) var problems: [MacroProblem] = []
    var budget = MacroBudget()
    /// The scopes, outermost (the template's top level) first.
    var frames: [Frame] = [Frame()]
    let environment: MacroEnvironment
    /// How many includes, imports and macro calls deep this render is.
    let depth: Int
    /// Diagnostics of macros run from other templates (and of calls, each reported once).
    var foreignDiagnostics: [Diagnostic] = []
    /// The first error that makes the macros plugin show its error page (`MacroProblem.pageError`).
    var pageError: String?
    /// The text of the `{% filter %}` block being filtered.
    var captured = ""
    /// Whether an undefined value is false in a condition, as Jinja's `Undefined`,
    /// `DebugUndefined` and `LaxUndefined` are (the macros plugin's `silent`, `keep` and `lax`);
    /// `StrictUndefined` fails there too.
    var undefinedIsFalse: Bool { environment.undefined != .strict }

    init(context: ValueMap, environment: MacroEnvironment = MacroEnvironment(), depth: Int = 0) {
        self.context = context
        self.environment = environment
        self.depth = depth
    }

    /// The truth of a condition: an undefined value is false (without a problem) where the
    /// policy says so.
    mutating func truth(_ e: Expression) throws(EvaluationFailure) -> Bool {
        let operand = try evaluate(e)
        if isForgiven(operand) { return false }
        return PythonSemantics.isTruthy(try consume(operand))
    }

    /// Whether an undefined value passes without a problem under the page's policy (false in a
    /// condition, printed as `keep` prints it); a variable the site's Python code would set is
    /// still reported, since the page will not show what the author meant.
    mutating func isForgiven(_ operand: Operand) -> Bool {
        guard case .undefined(let problem) = operand, undefinedIsFalse else { return false }
        if problem.rule == .pythonMacro { problems.append(problem) }
        return true
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
            if problem.lenient { return .string("") }
            problems.append(problem)
            throw EvaluationFailure()
        }
    }

    mutating func fail(_ rule: RuleID, _ message: String, at offset: Int) -> EvaluationFailure {
        problems.append(MacroProblem(rule: rule, message: message, offset: offset))
        return EvaluationFailure()
    }

    /// Records a problem that stops the page in Jinja whatever the undefined policy.
    mutating func fail(_ problem: MacroProblem) -> EvaluationFailure {
        problems.append(problem)
        if pageError == nil { pageError = problem.pageError }
        return EvaluationFailure()
    }

    /// Runs an operation on values with the page's budget; its error is reported at `offset`.
    mutating func operation<T>(at offset: Int, _ body: (inout MacroBudget) throws(MacroOperationError) -> T)
        throws(EvaluationFailure) -> T
    {
        do throws(MacroOperationError) {
            return try body(&budget)
        } catch {
            throw fail(error.rule, error.message, at: offset)
        }
    }

    /// Python's `str(value)`, spent from the budget.
    mutating func text(_ value: Value, at offset: Int) throws(EvaluationFailure) -> String {
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
            try PythonText.str(value, budget: &b)
        }
    }

    mutating func evaluate(_ e: Expression) throws(EvaluationFailure) -> Operand {
        switch e.kind {
        case .literal(let v): return .value(v)
        case .variable(let name): return variable(name, at: e.offset)
        case .attribute(let base, let name): return try member(of: base, name: name, at: e.offset)
        case .item(let base, let key): return try element(of: base, key: key, at: e.offset)
        case .list(let items), .tuple(let items): return try list(items)
        case .not(let operand): return .value(.bool(!(try truth(operand))))
        case .negate(let operand): return try negate(operand, at: e.offset)
        case .plus(let operand): return try plus(operand, at: e.offset)
        case .and(let left, let right): return try and(left, right)
        case .or(let left, let right): return try or(left, right)
        case .compare(let first, let links): return try compare(first, links)
        case .arithmetic(let op, let left, let right): return try arithmetic(op, left, right, at: e.offset)
        case .concat(let left, let right): return try concat(left, right, at: e.offset)
        case .filter(let base, let filter, let arguments):
            return try apply(filter, to: base, arguments: arguments, at: e.offset)
        case .variadicFilter(let base, let filter, let positional, let keywords):
            return try apply(filter, to: base, positional: positional, keywords: keywords, at: e.offset)
        case .test(let base, let test, let arguments, let negated):
            return try check(base, test, arguments, negated: negated, at: e.offset)
        case .conditional(let then, let condition, let otherwise):
            return try conditional(then, condition, otherwise, at: e.offset)
        case .call(let callee, let positional, let keywords):
            return try call(callee, positional, keywords, at: e.offset)
        case .map(let pairs): return try map(pairs)
        case .captured: return .value(.string(captured))
        case .invalid: throw EvaluationFailure()
        }
    }

    // Each operator has a function of its own, so that `evaluate`, which recurses as deep as
    // expressions nest, keeps a small stack frame.

    private mutating func and(_ left: Expression, _ right: Expression) throws(EvaluationFailure) -> Operand {
        let l = try evaluate(left)
        if isForgiven(l) { return l }
        let value = try consume(l)
        return PythonSemantics.isTruthy(value) ? try evaluate(right) : .value(value)
    }

    private mutating func or(_ left: Expression, _ right: Expression) throws(EvaluationFailure) -> Operand {
        let l = try evaluate(left)
        if isForgiven(l) { return try evaluate(right) }
        let value = try consume(l)
        return PythonSemantics.isTruthy(value) ? .value(value) : try evaluate(right)
    }

    private mutating func arithmetic(_ op: PythonArithmetic.Operator, _ left: Expression, _ right: Expression, at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        let l = try value(left)
        if op == .modulo, case .string(let template) = l, case .tuple(let items) = right.kind {
            // `'%s-%s' % (a, b)`: a tuple's items are the arguments.
            var arguments: [Value] = []
            for item in items { arguments.append(try value(item)) }
            return .value(
                .string(
                    try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        try PythonFormat.percent(template, arguments, mapping: nil, budget: &b)
                    }))
        }
        let r = try value(right)
        return .value(
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try PythonArithmetic.apply(op, l, r, budget: &b)
            })
    }

    private mutating func concat(_ left: Expression, _ right: Expression, at offset: Int) throws(EvaluationFailure)
        -> Operand
    {
        let l = try text(try value(left), at: offset)
        let r = try text(try value(right), at: offset)
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
            try b.build(stringBytes: MacroBudget.sum(l.utf8.count, r.utf8.count))
        }
        return .value(.string(l + r))
    }

    private mutating func conditional(_ then: Expression, _ condition: Expression, _ otherwise: Expression?, at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        if try truth(condition) { return try evaluate(then) }
        if let otherwise { return try evaluate(otherwise) }
        // Jinja gives its plain `Undefined` here whatever the policy: it prints as nothing.
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable,
                message: "the inline if-expression evaluated to false and no else section was defined",
                offset: offset, keepText: "", lenient: true))
    }

    private mutating func list(_ items: [Expression]) throws(EvaluationFailure) -> Operand {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try value(item)) }
        return .value(.list(values))
    }

    private mutating func negate(_ operand: Expression, at offset: Int) throws(EvaluationFailure) -> Operand {
        switch try value(operand) {
        case .int(let i):
            guard i != Int.min else {
                throw fail(.macroLimit, MacroOperationError.integerOverflow.message, at: offset)
            }
            return .value(.int(-i))
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
            let holds = try operation(at: link.offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                switch link.op {
                case .equal: return try PythonSemantics.isEqual(left, right, budget: &b)
                case .notEqual: return !(try PythonSemantics.isEqual(left, right, budget: &b))
                case .less: return try PythonSemantics.compare(left, .less, right, budget: &b)
                case .greater: return try PythonSemantics.compare(left, .greater, right, budget: &b)
                case .lessOrEqual: return try PythonSemantics.compare(left, .lessOrEqual, right, budget: &b)
                case .greaterOrEqual: return try PythonSemantics.compare(left, .greaterOrEqual, right, budget: &b)
                case .contains: return try PythonSemantics.contains(right, left, budget: &b)
                case .notContains: return !(try PythonSemantics.contains(right, left, budget: &b))
                }
            }
            if !holds { return .value(.bool(false)) }
            left = right
        }
        return .value(.bool(true))
    }
}
