import TrellisCore

extension ExpressionParser {
    /// Filters and tests after a value: `|lower`, `|replace(' ', '')`, `is not defined`.
    mutating func parseFilters(_ base: Expression) throws(MacroProblem) -> Expression {
        var node = base
        while true {
            if isOp("|") {
                index += 1
                node = try parseFilter(on: node)
            } else if isName("is") {
                index += 1
                var negated = false
                if isName("not") {
                    negated = true
                    index += 1
                }
                guard let (name, at) = takeName() else {
                    throw MacroProblem(message: "expected a test name after 'is'", offset: current.offset)
                }
                var arguments = try parseArguments()
                if arguments.positional.isEmpty, takesBareTestArgument {
                    // Jinja reads `x is sameas y`: a bare primary here is the test's argument.
                    arguments.positional.append(try parsePostfixedPrimary())
                }
                guard let test = Test.named(name) else {
                    var message = "unknown test '\(name)'"
                    if let hint = Suggestions.didYouMean(name, in: Test.allNames) {
                        message += "; \(hint)"
                    }
                    problems.append(MacroProblem(rule: .unknownFilter, message: message, offset: at))
                    node = Expression(.invalid, at: at)
                    continue
                }
                if !arguments.keywords.isEmpty || arguments.positional.count > test.arity {
                    let limit = test.arity == 0 ? "no arguments" : "1 argument"
                    problems.append(
                        MacroProblem(rule: .macroType, message: "test '\(name)' takes \(limit)", offset: at))
                    node = Expression(.invalid, at: at)
                    continue
                }
                if arguments.positional.count < test.arity {
                    problems.append(
                        MacroProblem(rule: .macroType, message: "test '\(name)' needs 1 argument", offset: at))
                    node = Expression(.invalid, at: at)
                    continue
                }
                node = try make(
                    .test(node, test, arguments.positional, negated: negated), at: at, [node] + arguments.positional)
            } else {
                return node
            }
        }
    }

    /// The `{% filter name(args) | more %}` chain, applied to the block's rendered text.
    mutating func parseFilterBlock(at offset: Int) throws(MacroProblem) -> Expression {
        try parseFilters(try parseFilter(on: Expression(.captured, at: offset)))
    }

    /// One filter (its name at the cursor, after any `|`) applied to `node`; an unknown one or
    /// arguments that do not fit are recorded and yield an expression that fails silently.
    private mutating func parseFilter(on node: Expression) throws(MacroProblem) -> Expression {
        guard let (name, at) = takeName() else {
            throw MacroProblem(message: "expected a filter name after '|'", offset: current.offset)
        }
        let arguments = try parseArguments()
        guard let filter = Filter.named(name) else {
            if let python, let source = python.filterSource(name) {
                problems.append(
                    MacroProblem(
                        rule: .pythonMacro, message: "\(source) defines filters Trellis cannot run: '\(name)' is one",
                        offset: at, length: name.utf8.count))
                return Expression(.invalid, at: at)
            }
            var message = "unknown filter '\(name)'"
            if let hint = Suggestions.didYouMean(name, in: Filter.allNames) { message += "; \(hint)" }
            problems.append(MacroProblem(rule: .unknownFilter, message: message, offset: at, length: name.utf8.count))
            return Expression(.invalid, at: at)
        }
        if filter.isVariadic {
            let keywords = arguments.keywords.map { KeywordArgument(name: $0.name, value: $0.value, offset: $0.offset) }
            return try make(
                .variadicFilter(node, filter, arguments.positional, keywords), at: at,
                [node] + arguments.positional + keywords.map(\.value))
        }
        guard let bound = bind(arguments, to: filter, name: name, at: at) else { return Expression(.invalid, at: at) }
        return try make(.filter(node, filter, bound), at: at, [node] + bound.compactMap { $0 })
    }

    /// Whether the token after a test name starts an argument without parentheses.
    private var takesBareTestArgument: Bool {
        switch current.kind {
        case .name(let n): return !["else", "or", "and"].contains(n)
        case .literal: return true
        case .op(let o): return o == "(" || o == "[" || o == "{"
        case .end: return false
        }
    }

    struct Arguments {
        var positional: [Expression] = []
        var keywords: [(name: String, value: Expression, offset: Int)] = []
    }

    /// `(a, b, name=c)` if the cursor is at `(`; no arguments otherwise.
    mutating func parseArguments() throws(MacroProblem) -> Arguments {
        var arguments = Arguments()
        guard isOp("(") else { return arguments }
        let open = current.offset
        index += 1
        while !isOp(")") {
            if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
                guard isOp(",") else {
                    throw MacroProblem(
                        message: "expected ',' or ')', found \(describe(current))", offset: current.offset)
                }
                index += 1
                if isOp(")") { break }
            }
            if case .name(let name) = current.kind, index + 1 < tokensCount, token(at: index + 1).kind == .op("=") {
                let at = current.offset
                index += 2
                let value = try nested(at: at) { (p: inout ExpressionParser) throws(MacroProblem) in
                    try p.parseExpression()
                }
                arguments.keywords.append((name, value, at))
            } else {
                guard arguments.keywords.isEmpty else {
                    throw MacroProblem(message: "positional argument follows keyword argument", offset: current.offset)
                }
                arguments.positional.append(
                    try nested(at: open) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseExpression() }
                )
            }
        }
        index += 1
        return arguments
    }

    /// Arguments in parameter order (nil where the default applies), or nil after recording
    /// why they do not fit the filter (Python would raise a `TypeError`).
    private mutating func bind(_ arguments: Arguments, to filter: Filter, name: String, at: Int) -> [Expression?]? {
        let parameters = filter.parameters
        var bound = [Expression?](repeating: nil, count: parameters.count)
        guard arguments.positional.count <= parameters.count else {
            let count = parameters.count
            let limit = count == 0 ? "no arguments" : "at most \(count) argument\(count == 1 ? "" : "s")"
            problems.append(MacroProblem(rule: .macroType, message: "filter '\(name)' takes \(limit)", offset: at))
            return nil
        }
        for (i, value) in arguments.positional.enumerated() { bound[i] = value }
        for keyword in arguments.keywords {
            guard let i = parameters.firstIndex(of: keyword.name) else {
                problems.append(
                    MacroProblem(
                        rule: .macroType, message: "filter '\(name)' has no parameter '\(keyword.name)'",
                        offset: keyword.offset))
                return nil
            }
            guard bound[i] == nil else {
                problems.append(
                    MacroProblem(
                        rule: .macroType, message: "filter '\(name)' got '\(keyword.name)' twice",
                        offset: keyword.offset))
                return nil
            }
            bound[i] = keyword.value
        }
        if bound.prefix(filter.requiredCount).contains(where: { $0 == nil }) {
            problems.append(
                MacroProblem(
                    rule: .macroType, message: "filter '\(name)' needs \(filter.requiredCount) arguments", offset: at))
            return nil
        }
        return bound
    }
}
