import TrellisCore

extension ExpressionParser {
    /// `{'key': value, …}` (a trailing comma allowed, as in Jinja).
    mutating func parseMap() throws(MacroProblem) -> Expression {
        let open = current.offset
        index += 1
        var pairs: [(key: Expression, value: Expression)] = []
        while !isOp("}") {
            if !pairs.isEmpty {
                guard isOp(",") else {
                    throw MacroProblem(message: "expected ',' or '}', found \(describe(current))", offset: current.offset)
                }
                index += 1
                if isOp("}") { break }
            }
            let key = try nested(at: open) { (p: inout ExpressionParser) throws(MacroProblem) in try p.parseExpression() }
            guard isOp(":") else {
                throw MacroProblem(message: "expected ':', found \(describe(current))", offset: current.offset)
            }
            index += 1
            let value = try nested(at: open) { (p: inout ExpressionParser) throws(MacroProblem) in
                try p.parseExpression()
            }
            pairs.append((key, value))
        }
        index += 1
        return try make(.map(pairs), at: open, pairs.flatMap { [$0.key, $0.value] })
    }
}
