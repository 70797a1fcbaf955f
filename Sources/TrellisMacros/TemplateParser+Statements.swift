import TrellisCore

/// The `{% … %}` statements, as Jinja 3.1's parser reads them, compiled into `Instruction`s.
extension TemplateParser {
    mutating func statement(_ parser: inout ExpressionParser, tag: Int) {
        guard let (name, at) = parser.takeName() else {
            errors.append(MacroProblem(message: "expected a statement name", offset: parser.current.offset))
            return
        }
        switch name {
        case "if":
            let condition = expression(&parser, closer: "%}")
            program.append(.jumpUnless(condition, target: -1))
            blocks.append(OpenBlock(kind: .ifChain(OpenIf(pending: program.count - 1)), keyword: name, nameOffset: at))
        case "elif":
            guard case .ifChain(var frame)? = blocks.last?.kind, !frame.sawElse else { return unexpected(name, at) }
            program.append(.jump(target: -1))
            frame.exits.append(program.count - 1)
            patch(frame.pending)
            let condition = expression(&parser, closer: "%}")
            program.append(.jumpUnless(condition, target: -1))
            frame.pending = program.count - 1
            blocks[blocks.count - 1].kind = .ifChain(frame)
        case "else":
            elseTag(parser, at: at)
        case "for":
            forTag(&parser, tag: tag, at: at)
        case "set":
            setTag(&parser, tag: tag, at: at)
        case "filter":
            do throws(MacroProblem) {
                let filters = try parser.parseFilterBlock(at: tag)
                try parser.expectEnd("%}")
                errors += parser.problems
                program.append(.beginCapture)
                blocks.append(
                    OpenBlock(
                        kind: .filterBlock(parser.problems.isEmpty ? filters : invalid, tag: tag), keyword: name,
                        nameOffset: at))
            } catch {
                errors += parser.problems + [error]
                program.append(.beginCapture)
                blocks.append(OpenBlock(kind: .filterBlock(invalid, tag: tag), keyword: name, nameOffset: at))
            }
        case "macro":
            macroTag(&parser, tag: tag, at: at)
        case "with":
            withTag(&parser, tag: tag, at: at)
        case "import", "from":
            importTag(&parser, from: name == "from", tag: tag)
        case "include":
            include(&parser, tag: tag)
        case "endif", "endfor", "endset", "endfilter", "endmacro", "endwith":
            guard let block = blocks.last, "end" + block.keyword == name else { return unexpected(name, at) }
            closeBlock()
            expectEnd(parser)
        case "endraw":
            unexpected(name, at)
        default:
            if name.hasPrefix("end"), unknownStatements.contains(String(name.dropFirst(3))) { return }
            unknownStatements.insert(name)
            errors.append(MacroProblem(message: "unknown statement '\(name)'", offset: at, length: name.utf8.count))
        }
    }

    /// `else` of an `if` chain or of a `for` loop (run when the loop had no item).
    private mutating func elseTag(_ parser: ExpressionParser, at: Int) {
        switch blocks.last?.kind {
        case .ifChain(var frame)? where !frame.sawElse:
            program.append(.jump(target: -1))
            frame.exits.append(program.count - 1)
            patch(frame.pending)
            frame.pending = nil
            frame.sawElse = true
            blocks[blocks.count - 1].kind = .ifChain(frame)
        case .loop(let begin, nil)?:
            program.append(.forNext(begin: begin, exit: -1))
            blocks[blocks.count - 1].kind = .loop(begin: begin, next: program.count - 1)
            patch(begin)
            program.append(.pushScope)
        default:
            return unexpected("else", at)
        }
        expectEnd(parser)
    }

    /// `{% for a, b in sequence if condition %}`.
    private mutating func forTag(_ parser: inout ExpressionParser, tag: Int, at: Int) {
        var loop = ForLoop(targets: [], iterable: invalid, condition: nil, tag: tag)
        do throws(MacroProblem) {
            loop.targets = try targets(&parser)
            guard parser.isName("in") else {
                throw MacroProblem(message: "expected 'in', found \(parser.describe(parser.current))", offset: parser.current.offset)
            }
            _ = parser.takeName()
            loop.iterable = try parser.parseExpression(allowConditional: false)
            if parser.isName("if") {
                _ = parser.takeName()
                loop.condition = try parser.parseExpression()
            }
            if parser.isName("recursive") {
                throw MacroProblem(message: "recursive loops are not supported", offset: parser.current.offset)
            }
            try parser.expectEnd("%}")
            errors += parser.problems
            if !parser.problems.isEmpty { loop.iterable = invalid }
        } catch {
            errors += parser.problems + [error]
            loop.iterable = invalid
        }
        program.append(.forBegin(loop, empty: -1))
        blocks.append(OpenBlock(kind: .loop(begin: program.count - 1, next: nil), keyword: "for", nameOffset: at))
    }

    /// `{% with a = 1, b = x %}`: the block runs in a scope of its own with those variables.
    /// (Jinja evaluates all the values before binding any; here each sees the ones before it.)
    private mutating func withTag(_ parser: inout ExpressionParser, tag: Int, at: Int) {
        program.append(.pushScope)
        blocks.append(OpenBlock(kind: .with, keyword: "with", nameOffset: at))
        do throws(MacroProblem) {
            var sets: [Instruction] = []
            while !parser.isAtEnd {
                if !sets.isEmpty {
                    guard parser.isOp(",") else {
                        throw MacroProblem(
                            message: "expected ',' or '%}', found \(parser.describe(parser.current))", offset: parser.current.offset)
                    }
                    parser.index += 1
                }
                let names = try targets(&parser)
                guard parser.isOp("=") else {
                    throw MacroProblem(message: "expected '=', found \(parser.describe(parser.current))", offset: parser.current.offset)
                }
                parser.index += 1
                sets.append(.set(names, try parser.parseExpression(), tag: tag))
            }
            try parser.expectEnd("%}")
            errors += parser.problems
            if parser.problems.isEmpty { program += sets }
        } catch {
            errors += parser.problems + [error]
        }
    }

    /// `{% set a = value %}`, `{% set a, b = pair %}`, or the block `{% set a %}…{% endset %}`.
    private mutating func setTag(_ parser: inout ExpressionParser, tag: Int, at: Int) {
        do throws(MacroProblem) {
            let names = try targets(&parser)
            if parser.isAtEnd {
                program.append(.beginCapture)
                blocks.append(OpenBlock(kind: .setBlock(names, tag: tag), keyword: "set", nameOffset: at))
                return
            }
            guard parser.isOp("=") else {
                throw MacroProblem(
                    message: parser.isOp(".")
                        ? "assigning to an attribute (namespace) is not supported"
                        : "expected '=', found \(parser.describe(parser.current))",
                    offset: parser.current.offset)
            }
            parser.index += 1
            let value = try parser.parseExpression()
            try parser.expectEnd("%}")
            errors += parser.problems
            if parser.problems.isEmpty { program.append(.set(names, value, tag: tag)) }
        } catch {
            errors += parser.problems + [error]
        }
    }

    /// `{% macro name(a, b=default) %}`: the body is compiled in place and skipped over.
    private mutating func macroTag(_ parser: inout ExpressionParser, tag: Int, at: Int) {
        var definition = MacroDefinition(name: "", parameters: [], tag: tag)
        do throws(MacroProblem) {
            guard let (name, _) = parser.takeName() else {
                throw MacroProblem(message: "expected a macro name", offset: parser.current.offset)
            }
            definition.name = name
            guard parser.isOp("(") else {
                throw MacroProblem(message: "expected '(' after the macro name", offset: parser.current.offset)
            }
            parser.index += 1
            while !parser.isOp(")") {
                if !definition.parameters.isEmpty {
                    guard parser.isOp(",") else {
                        throw MacroProblem(
                            message: "expected ',' or ')', found \(parser.describe(parser.current))",
                            offset: parser.current.offset)
                    }
                    parser.index += 1
                    if parser.isOp(")") { break }
                }
                guard let (parameter, _) = parser.takeName() else {
                    throw MacroProblem(message: "expected a parameter name", offset: parser.current.offset)
                }
                var defaultValue: Expression?
                if parser.isOp("=") {
                    parser.index += 1
                    defaultValue = try parser.parseExpression()
                } else if definition.parameters.contains(where: { $0.defaultValue != nil }) {
                    throw MacroProblem(
                        message: "non-default argument follows default argument", offset: parser.current.offset)
                }
                definition.parameters.append(MacroDefinition.Parameter(name: parameter, defaultValue: defaultValue))
            }
            parser.index += 1
            try parser.expectEnd("%}")
            errors += parser.problems
        } catch {
            errors += parser.problems + [error]
        }
        program.append(.defineMacro(definition, skip: -1))
        blocks.append(OpenBlock(kind: .macro(define: program.count - 1), keyword: "macro", nameOffset: at))
    }

    /// Assignment targets: `a`, `a, b` or `(a, b)`.
    private func targets(_ parser: inout ExpressionParser) throws(MacroProblem) -> [String] {
        let parenthesised = parser.isOp("(")
        if parenthesised { parser.index += 1 }
        var names: [String] = []
        repeat {
            if !names.isEmpty { parser.index += 1 }
            guard let (name, at) = parser.takeName() else {
                throw MacroProblem(message: "expected a variable name", offset: parser.current.offset)
            }
            if ["true", "false", "none", "True", "False", "None"].contains(name) {
                throw MacroProblem(message: "cannot assign to '\(name)'", offset: at)
            }
            names.append(name)
        } while parser.isOp(",")
        if parenthesised {
            guard parser.isOp(")") else { throw MacroProblem(message: "expected ')'", offset: parser.current.offset) }
            parser.index += 1
        }
        return names
    }

    private mutating func unexpected(_ name: String, _ at: Int) {
        var message = "unexpected '{% \(name) %}'"
        if name.hasPrefix("end"), let open = blocks.last { message += " (the open '{% \(open.keyword) %}' needs '{% end\(open.keyword) %}' first)" }
        errors.append(MacroProblem(message: message, offset: at, length: name.utf8.count))
    }

    private mutating func expectEnd(_ parser: ExpressionParser) {
        do throws(MacroProblem) { try parser.expectEnd("%}") } catch { errors.append(error) }
    }

    /// Ends the innermost block: its jumps now lead past it.
    mutating func closeBlock() {
        guard let block = blocks.popLast() else { return }
        switch block.kind {
        case .ifChain(let frame):
            patch(frame.pending)
            for exit in frame.exits { patch(exit) }
        case .loop(let begin, nil):
            program.append(.forNext(begin: begin, exit: program.count + 1))
            patch(begin)
        case .loop(_, let next?):
            program.append(.popScope)
            patch(next)
        case .setBlock(let names, let tag):
            program.append(.endSet(names, tag: tag))
        case .filterBlock(let filters, let tag):
            program.append(.endFilter(filters, tag: tag))
        case .macro(let define):
            program.append(.endMacro)
            patch(define)
        case .with:
            program.append(.popScope)
        }
    }

    /// Points the jump at `index` to the next instruction to be emitted.
    private mutating func patch(_ index: Int?) {
        guard let index else { return }
        let target = program.count
        switch program[index] {
        case .jumpUnless(let condition, _): program[index] = .jumpUnless(condition, target: target)
        case .jump: program[index] = .jump(target: target)
        case .forBegin(let loop, _): program[index] = .forBegin(loop, empty: target)
        case .forNext(let begin, _): program[index] = .forNext(begin: begin, exit: target)
        case .defineMacro(let definition, _): program[index] = .defineMacro(definition, skip: target)
        default: break
        }
    }
}
