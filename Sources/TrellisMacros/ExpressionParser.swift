import TrellisCore

/// Parses a tag's tokens with Jinja's grammar and precedence, loosest first:
/// `a if c else b`, `or`, `and`, `not`, comparisons (`==`, `<`, `in`, chained), `+ -`, `~`,
/// `* / // %`, `**`, unary `- +`, then postfix (`.x`, `[i]`) with filters and tests
/// (`|f`, `is defined`).
///
/// Nesting is bounded (brackets, `not` and unary signs recurse; chains raise `depth`) so that
/// neither parsing nor evaluation can exhaust a small thread stack.
struct ExpressionParser {
    static let maxNesting = 16
    static let maxDepth = 48

    private let tokens: [Token]
    var index = 0
    private var nesting = 0
    /// Problems that do not stop parsing (an unknown filter): the expression is still read to
    /// its end so that one tag yields one diagnostic per problem.
    var problems: [MacroProblem] = []
    /// The site's Python code (a filter it defines is a `PythonMacro`, not an unknown filter).
    var python: PythonMacros?

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    var current: Token { tokens[index] }
    var tokensCount: Int { tokens.count }
    func token(at i: Int) -> Token { tokens[i] }
    var isAtEnd: Bool { current.kind == .end }

    /// The name token at the cursor, consumed, if there is one.
    mutating func takeName() -> (String, Int)? {
        guard case .name(let name) = current.kind else { return nil }
        defer { index += 1 }
        return (name, current.offset)
    }

    /// Requires the closer next; `closer` is its text for the message.
    func expectEnd(_ closer: String) throws(MacroProblem) {
        guard isAtEnd else {
            throw MacroProblem(message: "expected '\(closer)', found \(describe(current))", offset: current.offset)
        }
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .name(let n): return "'\(n)'"
        case .op(let o): return "'\(o)'"
        case .literal(let v): return PythonText.excerpt(v)
        case .end: return "the end of the tag"
        }
    }

    func isOp(_ op: String) -> Bool { current.kind == .op(op) }
    func isName(_ name: String) -> Bool { current.kind == .name(name) }

    func make(_ kind: Expression.Kind, at offset: Int, _ children: [Expression]) throws(MacroProblem) -> Expression {
        let node = Expression(kind, at: offset, children: children)
        guard node.depth <= Self.maxDepth else {
            throw MacroProblem(message: "expression is too deeply nested", offset: offset)
        }
        return node
    }

    mutating func nested<T>(at offset: Int, _ body: (inout ExpressionParser) throws(MacroProblem) -> T)
        throws(MacroProblem) -> T
    {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else {
            throw MacroProblem(message: "expression is too deeply nested", offset: offset)
        }
        return try body(&self)
    }

    /// A full expression. `allowConditional` is false directly in `{% if %}` and `{% elif %}`,
    /// where Jinja does not accept an inline `a if cond else b` without parentheses.
    mutating func parseExpression(allowConditional: Bool = true) throws(MacroProblem) -> Expression {
        let start = current.offset
        var value = try parseOr()
        while allowConditional, isName("if") {
            index += 1
            let condition = try parseOr()
            var otherwise: Expression? = nil
            if isName("else") {
                let at = current.offset
                index += 1
                otherwise = try nested(at: at) { (p: inout ExpressionParser) throws(MacroProblem) in
                    try p.parseExpression()
                }
            }
            let children = [value, condition] + (otherwise.map { [$0] } ?? [])
            value = try make(.conditional(then: value, condition: condition, otherwise: otherwise), at: start, children)
        }
        return value
    }

    private mutating func parseOr() throws(MacroProblem) -> Expression {
        var left = try parseAnd()
        while isName("or") {
            let at = current.offset
            index += 1
            let right = try parseAnd()
            left = try make(.or(left, right), at: at, [left, right])
        }
        return left
    }

    private mutating func parseAnd() throws(MacroProblem) -> Expression {
        var left = try parseNot()
        while isName("and") {
            let at = current.offset
            index += 1
            let right = try parseNot()
            left = try make(.and(left, right), at: at, [left, right])
        }
        return left
    }

    private mutating func parseNot() throws(MacroProblem) -> Expression {
        guard isName("not") else { return try parseCompare() }
        let at = current.offset
        index += 1
        let operand = try nested(at: at) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseNot() }
        return try make(.not(operand), at: at, [operand])
    }

    private mutating func parseCompare() throws(MacroProblem) -> Expression {
        let left = try parseSum()
        var links: [Comparison] = []
        while true {
            let at = current.offset
            let op: Comparison.Operator
            if case .op(let text) = current.kind, let o = Comparison.Operator(rawValue: text), o != .contains {
                op = o
                index += 1
            } else if isName("in") {
                op = .contains
                index += 1
            } else if isName("not"), index + 1 < tokens.count, tokens[index + 1].kind == .name("in") {
                op = .notContains
                index += 2
            } else {
                break
            }
            links.append(Comparison(op: op, operand: try parseSum(), offset: at))
        }
        if links.isEmpty { return left }
        return try make(.compare(left, links), at: left.offset, [left] + links.map(\.operand))
    }

    /// Jinja's binary precedence, loosest first: `+ -`, then `~`, then `* / // %`, then `**`.
    private mutating func parseSum() throws(MacroProblem) -> Expression {
        try parseBinary(["+", "-"]) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseConcat() }
    }

    private mutating func parseConcat() throws(MacroProblem) -> Expression {
        try parseBinary(["~"]) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseProduct() }
    }

    private mutating func parseProduct() throws(MacroProblem) -> Expression {
        try parseBinary(["*", "/", "//", "%"]) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parsePower()
        }
    }

    private mutating func parsePower() throws(MacroProblem) -> Expression {
        try parseBinary(["**"]) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseUnary() }
    }

    /// A left-associative chain of the operators `ops` over operands that `operand` parses.
    private mutating func parseBinary(
        _ ops: Set<String>, _ operand: (inout ExpressionParser) throws(MacroProblem) -> Expression
    ) throws(MacroProblem) -> Expression {
        var left = try operand(&self)
        while case .op(let text) = current.kind, ops.contains(text) {
            let at = current.offset
            index += 1
            let right = try operand(&self)
            let kind: Expression.Kind
            if let op = PythonArithmetic.Operator(rawValue: text) {
                kind = .arithmetic(op, left, right)
            } else {
                kind = .concat(left, right)
            }
            left = try make(kind, at: at, [left, right])
        }
        return left
    }

    /// `-x` and `+x` bind looser than postfix and tighter than filters: `-x|abs` is `(-x)|abs`.
    private mutating func parseUnary() throws(MacroProblem) -> Expression {
        try parseFilters(try parseUnaryOperand())
    }

    private mutating func parseUnaryOperand() throws(MacroProblem) -> Expression {
        guard isOp("-") || isOp("+") else { return try parsePostfix(try parsePrimary()) }
        let at = current.offset
        let plus = isOp("+")
        index += 1
        let operand = try nested(at: at) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseUnaryOperand()
        }
        return try make(plus ? .plus(operand) : .negate(operand), at: at, [operand])
    }

    mutating func parsePostfixedPrimary() throws(MacroProblem) -> Expression {
        try parsePostfix(try parsePrimary())
    }

    private mutating func parsePrimary() throws(MacroProblem) -> Expression {
        let token = current
        switch token.kind {
        case .name(let name):
            index += 1
            switch name {
            case "true", "True": return Expression(.literal(.bool(true)), at: token.offset)
            case "false", "False": return Expression(.literal(.bool(false)), at: token.offset)
            case "none", "None": return Expression(.literal(.null), at: token.offset)
            case "and", "or", "not", "in", "is", "if", "else":
                throw MacroProblem(message: "expected an expression, found '\(name)'", offset: token.offset)
            default: return Expression(.variable(name), at: token.offset)
            }
        case .literal(let value):
            index += 1
            // Adjacent string literals concatenate, as in Python (appended in place: linear).
            guard case .string(var text) = value else { return Expression(.literal(value), at: token.offset) }
            while case .literal(.string(let next)) = current.kind {
                text += next
                index += 1
            }
            return Expression(.literal(.string(text)), at: token.offset)
        case .op("("):
            index += 1
            if isOp(")") {
                index += 1
                return try make(.tuple([]), at: token.offset, [])
            }
            let inner = try nested(at: token.offset) { (p: inout ExpressionParser) throws(MacroProblem) in
                try p.parseExpression()
            }
            if isOp(",") {
                // A tuple `(a, b)` or `(a,)`: a list in Trellis, which has no tuple values.
                var items = [inner]
                while isOp(",") {
                    index += 1
                    if isOp(")") { break }
                    items.append(
                        try nested(at: token.offset) { (p: inout ExpressionParser) throws(MacroProblem) in
                            try p.parseExpression()
                        })
                }
                guard isOp(")") else {
                    throw MacroProblem(message: "expected ',' or ')', found \(describe(current))", offset: current.offset)
                }
                index += 1
                return try make(.tuple(items), at: token.offset, items)
            }
            guard isOp(")") else {
                throw MacroProblem(message: "expected ')', found \(describe(current))", offset: current.offset)
            }
            index += 1
            return inner
        case .op("["):
            index += 1
            var items: [Expression] = []
            while !isOp("]") {
                if !items.isEmpty {
                    guard isOp(",") else {
                        throw MacroProblem(
                            message: "expected ',' or ']', found \(describe(current))", offset: current.offset)
                    }
                    index += 1
                    if isOp("]") { break }
                }
                items.append(
                    try nested(at: token.offset) { (p: inout ExpressionParser) throws(MacroProblem) in
                        try p.parseExpression()
                    })
            }
            index += 1
            return try make(.list(items), at: token.offset, items)
        case .op("{"):
            return try parseMap()
        default:
            throw MacroProblem(message: "expected an expression", offset: token.offset)
        }
    }

    private mutating func parsePostfix(_ base: Expression) throws(MacroProblem) -> Expression {
        var node = base
        while true {
            if isOp(".") {
                index += 1
                let token = current
                switch token.kind {
                case .name(let name):
                    index += 1
                    node = try make(.attribute(node, name), at: token.offset, [node])
                case .literal(.int):
                    index += 1
                    node = try make(
                        .item(node, Expression(literalKind(token), at: token.offset)), at: token.offset, [node])
                default:
                    throw MacroProblem(message: "expected a name or number after '.'", offset: token.offset)
                }
            } else if isOp("[") {
                let at = current.offset
                index += 1
                let key = try nested(at: at) { (p: inout ExpressionParser) throws(MacroProblem) in
                    try p.parseExpression()
                }
                guard isOp("]") else {
                    throw MacroProblem(
                        message: isOp(":") ? "slices are not supported" : "expected ']', found \(describe(current))",
                        offset: current.offset)
                }
                index += 1
                node = try make(.item(node, key), at: key.offset, [node, key])
            } else if isOp("(") {
                let at = current.offset
                let arguments = try nested(at: at) { (p: inout ExpressionParser) throws(MacroProblem) in
                    try p.parseArguments()
                }
                let keywords = arguments.keywords.map { KeywordArgument(name: $0.name, value: $0.value, offset: $0.offset) }
                node = try make(
                    .call(node, arguments.positional, keywords), at: node.offset,
                    [node] + arguments.positional + keywords.map(\.value))
            } else {
                return node
            }
        }
    }

    private func literalKind(_ token: Token) -> Expression.Kind {
        if case .literal(let v) = token.kind { return .literal(v) }
        return .invalid
    }
}
