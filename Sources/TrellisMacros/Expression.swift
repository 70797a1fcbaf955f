import TrellisCore

/// A parsed expression of `{{ … }}` or `{% if … %}`.
///
/// `offset` is the body offset diagnostics point at (a variable's name, an attribute's name,
/// a filter's name); `depth` bounds evaluation recursion, since threads have small stacks.
struct Expression: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        case variable(String)
        case attribute(Expression, String)
        case item(Expression, Expression)
        case list([Expression])
        /// `(a, b)`: a list, except as the arguments of `'%s %s' % (a, b)`.
        case tuple([Expression])
        case not(Expression)
        case negate(Expression)
        case plus(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        case compare(Expression, [Comparison])
        case concat(Expression, Expression)
        case arithmetic(PythonArithmetic.Operator, Expression, Expression)
        case filter(Expression, Filter, [Expression?])
        /// A filter that binds its own arguments (`map('upper')`, `select('gt', 1)`, `format`).
        case variadicFilter(Expression, Filter, [Expression], [KeywordArgument])
        case test(Expression, Test, [Expression], negated: Bool)
        case conditional(then: Expression, condition: Expression, otherwise: Expression?)
        /// `callee(arguments)`: a `{% macro %}`, an imported one, `range`, `loop.cycle` or a
        /// map's `items()`/`keys()`/`values()`/`get()`.
        case call(Expression, [Expression], [KeywordArgument])
        /// `{'key': value, …}`.
        case map([(key: Expression, value: Expression)])
        /// The text a `{% filter %}` block rendered, which its filters apply to.
        case captured
        /// A part that was already reported at parse time (an unknown filter): fails silently.
        case invalid
    }

    var kind: Kind
    var offset: Int
    var depth: Int

    init(_ kind: Kind, at offset: Int, children: [Expression] = []) {
        self.kind = kind
        self.offset = offset
        self.depth = 1 + (children.map(\.depth).max() ?? 0)
    }

    /// The variable a chain of members and items starts from (`panel` of `panel.links[0]`).
    var rootVariable: String? {
        switch kind {
        case .variable(let name): return name
        case .attribute(let base, _), .item(let base, _): return base.rootVariable
        default: return nil
        }
    }

    /// How diagnostics name this expression: `panel`, `panel.links[0]`, or `value`.
    var path: String {
        switch kind {
        case .variable(let name): return name
        case .attribute(let base, let name): return "\(base.path).\(name)"
        case .item(let base, let index):
            if case .literal(let key) = index.kind { return "\(base.path)[\(PythonText.excerpt(key))]" }
            return "\(base.path)[…]"
        default: return "value"
        }
    }
}

/// A `name=value` argument of a call.
struct KeywordArgument: Sendable {
    var name: String
    var value: Expression
    var offset: Int
}

/// One `op operand` link of a comparison chain (`a < b <= c`).
struct Comparison: Sendable {
    enum Operator: String, Sendable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case greater = ">"
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case contains = "in"
        case notContains = "not in"
    }
    var op: Operator
    var operand: Expression
    var offset: Int
}

/// A test after `is` (`x is defined`, `x is divisibleby 3`), or named by `select('odd')`.
enum Test: String, Sendable, CaseIterable {
    case defined, undefined, none, string, number, integer, float, mapping, sequence, iterable, boolean
    case `true`, `false`, divisibleby, even, odd, eq, ne, lt, gt, le, ge, `in`, lower, upper, sameas
    case callable, filter, test, escaped

    /// The test a name refers to, Jinja's aliases (`equalto`, `==`, `greaterthan`) included.
    static func named(_ name: String) -> Test? {
        switch name {
        case "equalto", "==": return .eq
        case "!=": return .ne
        case "lessthan", "<": return .lt
        case "greaterthan", ">": return .gt
        case "<=": return .le
        case ">=": return .ge
        default: return Test(rawValue: name)
        }
    }

    static var allNames: [String] {
        allCases.map(\.rawValue) + ["equalto", "lessthan", "greaterthan"]
    }

    /// How many arguments the test takes after the tested value.
    var arity: Int {
        switch self {
        case .divisibleby, .eq, .ne, .lt, .gt, .le, .ge, .in, .sameas: return 1
        default: return 0
        }
    }
}
