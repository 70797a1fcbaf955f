import TrellisCore

/// Splits a page body into text and tags the way Jinja's lexer does (`{{`, `{%`, `{#`, the
/// `{% raw %}` escape, `-` whitespace control) and compiles it into `Instruction`s.
struct TemplateParser {
    struct OpenIf {
        var pending: Int?
        var exits: [Int] = []
        var sawElse = false
    }

    /// A block whose end tag has not come yet.
    enum BlockKind {
        case ifChain(OpenIf)
        /// `begin` is the loop's `forBegin`; `next` its `forNext` once an `else` came.
        case loop(begin: Int, next: Int?)
        case setBlock([String], tag: Int)
        case filterBlock(Expression, tag: Int)
        case macro(define: Int)
        /// `{% with %}`: a scope of its own.
        case with
    }

    struct OpenBlock {
        var kind: BlockKind
        /// The statement's name (`if`, `for`…) and where it is, for diagnostics.
        var keyword: String
        var nameOffset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the body ends once Jinja's dropped trailing newline is removed.
    let limit: Int
    var program: [Instruction] = []
    var errors: [MacroProblem] = []
    var blocks: [OpenBlock] = []
    /// Statements reported as unknown, so their `end…` tags are not reported again.
    var unknownStatements: Set<String> = []
    /// The site's Python code, whose filters are reported as such rather than as unknown.
    var python: PythonMacros?

    init(bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        self.bytes = bytes
        self.limit = limit
    }

    mutating func run() {
        var pos = 0
        var textStart = 0
        while let tag = nextTagStart(from: pos) {
            let marker = bytes[tag + 1]
            var bodyStart = tag + 2
            let sign = bodyStart < limit ? bytes[bodyStart] : 0
            if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bodyStart += 1 }
            let textEnd =
                sign == UInt8(ascii: "-") ? ScalarScan.trimTrailingSpaces(bytes, start: textStart, end: tag) : tag
            emitText(textStart, textEnd)
            let next: Int?
            switch marker {
            case UInt8(ascii: "{"): next = variableTag(at: tag, bodyStart: bodyStart)
            case UInt8(ascii: "#"): next = comment(at: tag, bodyStart: bodyStart)
            default: next = rawBlock(at: tag, bodyStart: bodyStart) ?? blockTag(at: tag, bodyStart: bodyStart)
            }
            guard let next, next >= 0 else {
                // Unterminated: the diagnostic is out; the rest stays literal text.
                textStart = tag
                break
            }
            pos = next
            textStart = next
        }
        emitText(textStart, limit)
        while let block = blocks.last {
            errors.append(
                MacroProblem(
                    message: "unterminated '{% \(block.keyword) %}' (expected '{% end\(block.keyword) %}')",
                    offset: block.nameOffset))
            closeBlock()
        }
    }

    /// The next `{{`, `{%` or `{#` at or after `from`.
    private func nextTagStart(from start: Int) -> Int? {
        var i = start
        let open = UInt8(ascii: "{")
        while i + 1 < limit {
            if bytes[i] == open {
                let next = bytes[i + 1]
                if next == open || next == UInt8(ascii: "%") || next == UInt8(ascii: "#") { return i }
            }
            i += 1
        }
        return nil
    }

    mutating func emitText(_ start: Int, _ end: Int) {
        if end > start { program.append(.text(start: start, end: end)) }
    }

    var invalid: Expression { Expression(.invalid, at: 0) }

    // MARK: Tags

    /// `-1` after an unterminated tag (reported already); otherwise the offset after the tag.
    private mutating func variableTag(at tag: Int, bodyStart: Int) -> Int {
        switch TagLexer(bytes: bytes, limit: limit).lex(from: bodyStart, closer: .variable) {
        case .tokens(let tokens, let after):
            var parser = ExpressionParser(tokens: tokens)
            parser.python = python
            program.append(.output(expression(&parser, closer: "}}"), tag: tag))
            return after
        case .failure(let message, let at):
            return recover(message, at: at, closer: "}}", tag: tag, opener: "{{")
        case .unterminated:
            errors.append(MacroProblem(message: "unterminated '{{' (expected '}}')", offset: tag))
            return -1
        }
    }

    /// Parses the expression that fills the rest of the tag; on any error, records it and
    /// yields an expression that fails silently (so the problem is reported once).
    mutating func expression(_ parser: inout ExpressionParser, closer: String) -> Expression {
        do throws(MacroProblem) {
            let expr = try parser.parseExpression(allowConditional: closer == "}}")
            try parser.expectEnd(closer)
            errors += parser.problems
            return parser.problems.isEmpty ? expr : invalid
        } catch {
            errors += parser.problems
            errors.append(error)
            return invalid
        }
    }

    private mutating func recover(_ message: String, at offset: Int, closer: String, tag: Int, opener: String) -> Int {
        if let found = find(closer, from: offset) {
            errors.append(MacroProblem(message: message, offset: offset))
            return found + 2
        }
        errors.append(MacroProblem(message: "unterminated '\(opener)' (expected '\(closer)')", offset: tag))
        return -1
    }

    private func find(_ s: String, from start: Int) -> Int? {
        let pattern = Array(s.utf8)
        var i = start
        while i + pattern.count <= limit {
            if bytes[i] == pattern[0], bytes[i + 1] == pattern[1] { return i }
            i += 1
        }
        return nil
    }

    private mutating func comment(at tag: Int, bodyStart: Int) -> Int {
        // Jinja's lexer stops without complaint when the text ends right after the opener.
        if bodyStart >= limit { return limit }
        guard let close = find("#}", from: bodyStart) else {
            errors.append(MacroProblem(message: "unterminated comment", offset: tag))
            return -1
        }
        if close > bodyStart, bytes[close - 1] == UInt8(ascii: "-") {
            return ScalarScan.skipSpaces(bytes, from: close + 2, limit: limit)
        }
        return close + 2
    }

    /// `{% raw %}…{% endraw %}` (nil if the tag at `tag` is not a raw opener).
    private mutating func rawBlock(at tag: Int, bodyStart: Int) -> Int? {
        guard let afterOpen = rawTagEnd(keyword: "raw", bodyStart: bodyStart) else { return nil }
        if afterOpen >= limit { return limit }  // as for comments, Jinja accepts an opener at the very end
        var search = afterOpen
        while let close = find("{%", from: search) {
            var body = close + 2
            let sign = body < limit ? bytes[body] : 0
            if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { body += 1 }
            if let after = rawTagEnd(keyword: "endraw", bodyStart: body) {
                let end =
                    sign == UInt8(ascii: "-")
                    ? ScalarScan.trimTrailingSpaces(bytes, start: afterOpen, end: close) : close
                emitText(afterOpen, end)
                return after
            }
            search = close + 2
        }
        errors.append(MacroProblem(message: "unterminated '{% raw %}'", offset: tag))
        return -1
    }

    /// For `\s*keyword\s*(-%}\s*|+%}|%})` at `bodyStart`, the offset after it.
    private func rawTagEnd(keyword: String, bodyStart: Int) -> Int? {
        var p = ScalarScan.skipSpaces(bytes, from: bodyStart, limit: limit)
        for byte in keyword.utf8 {
            guard p < limit, bytes[p] == byte else { return nil }
            p += 1
        }
        p = ScalarScan.skipSpaces(bytes, from: p, limit: limit)
        func at(_ s: String) -> Bool {
            s.utf8.enumerated().allSatisfy { p + $0.offset < limit && bytes[p + $0.offset] == $0.element }
        }
        if at("%}") { return p + 2 }
        if at("+%}") { return p + 3 }
        if at("-%}") { return ScalarScan.skipSpaces(bytes, from: p + 3, limit: limit) }
        return nil
    }

    private mutating func blockTag(at tag: Int, bodyStart: Int) -> Int {
        switch TagLexer(bytes: bytes, limit: limit).lex(from: bodyStart, closer: .block) {
        case .tokens(let tokens, let after):
            var parser = ExpressionParser(tokens: tokens)
            parser.python = python
            statement(&parser, tag: tag)
            return after
        case .failure(let message, let at):
            return recover(message, at: at, closer: "%}", tag: tag, opener: "{%")
        case .unterminated:
            errors.append(MacroProblem(message: "unterminated '{%' (expected '%}')", offset: tag))
            return -1
        }
    }
}
