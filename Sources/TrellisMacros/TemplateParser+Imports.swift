import TrellisCore

/// `{% include %}`, `{% import %}` and `{% from … import %}`, as Jinja 3.1's parser reads them.
extension TemplateParser {
    /// `{% import name as m [with context] %}` and `{% from name import a, b as c [with context] %}`.
    mutating func importTag(_ parser: inout ExpressionParser, from: Bool, tag: Int) {
        do throws(MacroProblem) {
            let name = try parser.parseExpression()
            let targets: ImportTargets
            if from {
                guard parser.isName("import") else {
                    throw MacroProblem(message: "expected 'import'", offset: parser.current.offset)
                }
                _ = parser.takeName()
                var names: [(name: String, alias: String, offset: Int)] = []
                while !parser.isAtEnd, !parser.isName("with"), !parser.isName("without") {
                    if !names.isEmpty {
                        guard parser.isOp(",") else {
                            throw MacroProblem(message: "expected ','", offset: parser.current.offset)
                        }
                        parser.index += 1
                    }
                    guard let (imported, offset) = parser.takeName() else {
                        throw MacroProblem(message: "expected a name to import", offset: parser.current.offset)
                    }
                    var alias = imported
                    if parser.isName("as") {
                        _ = parser.takeName()
                        guard let (a, _) = parser.takeName() else {
                            throw MacroProblem(message: "expected a name after 'as'", offset: parser.current.offset)
                        }
                        alias = a
                    }
                    names.append((imported, alias, offset))
                }
                guard !names.isEmpty else { throw MacroProblem(message: "expected a name to import", offset: parser.current.offset) }
                targets = .names(names)
            } else {
                guard parser.isName("as") else { throw MacroProblem(message: "expected 'as'", offset: parser.current.offset) }
                _ = parser.takeName()
                guard let (alias, _) = parser.takeName() else {
                    throw MacroProblem(message: "expected a name after 'as'", offset: parser.current.offset)
                }
                targets = .module(alias: alias)
            }
            let withContext = try contextClause(&parser) ?? false
            try parser.expectEnd("%}")
            errors += parser.problems
            if parser.problems.isEmpty {
                program.append(.importTemplate(name, targets, withContext: withContext, tag: tag))
            }
        } catch {
            errors += parser.problems + [error]
        }
    }

    /// `with context` (true), `without context` (false), or nothing (nil).
    private func contextClause(_ parser: inout ExpressionParser) throws(MacroProblem) -> Bool? {
        guard parser.isName("with") || parser.isName("without") else { return nil }
        let with = parser.isName("with")
        _ = parser.takeName()
        guard parser.isName("context") else { throw MacroProblem(message: "expected 'context'", offset: parser.current.offset) }
        _ = parser.takeName()
        return with
    }

    /// `{% include name [ignore missing] [with context | without context] %}`, as Jinja reads it.
    mutating func include(_ parser: inout ExpressionParser, tag: Int) {
        do throws(MacroProblem) {
            let name = try parser.parseExpression(allowConditional: true)
            var ignoreMissing = false
            if parser.isName("ignore") {
                _ = parser.takeName()
                guard parser.isName("missing") else {
                    throw MacroProblem(message: "expected 'missing' after 'ignore'", offset: parser.current.offset)
                }
                _ = parser.takeName()
                ignoreMissing = true
            }
            let withContext = try contextClause(&parser) ?? true
            try parser.expectEnd("%}")
            errors += parser.problems
            if parser.problems.isEmpty {
                program.append(.include(name, tag: tag, ignoreMissing: ignoreMissing, withContext: withContext))
            }
        } catch {
            errors += parser.problems + [error]
        }
    }
}
