/// Pygments' `YamlLexer` (yaml, yml): an `ExtendedRegexLexer` whose rules call back into an
/// indentation context (the indentation stack, the next indentation, a block scalar's
/// indentation). Each rule of `YamlLexer.tokens` is written out as a matcher over code points
/// with Python's `re` semantics (`^`/`$` per line, Python's `\s` and `\w`, the backtracking the
/// patterns allow), in the rules' order; the callbacks are ported line for line
/// (`YamlRun+Rules.swift` has the states).
struct YamlLexer: SyntaxLexer {
    func tokens(in input: Substring) -> [HighlightToken] {
        var run = YamlRun(text: LexerText(input))
        run.lex()
        return run.out
    }
}

/// One lexing run: the text, the position, the state stack and Pygments' `YamlLexerContext`.
struct YamlRun {
    enum State {
        case root, ignoredLine, yamlDirective, tagDirective, indentation, blockLine
        case flowSequence, flowMapping, blockScalarContent, blockScalarHeader
        case singleQuotedScalar, doubleQuotedScalar
        case plainScalarInBlockContextNewLine, plainScalarInBlockContext, plainScalarInFlowContext
    }

    let text: LexerText
    var out: [HighlightToken] = []
    var pos = 0
    var stack: [State] = [.root]
    var indentStack: [Int] = []
    var indent = -1
    var nextIndent = 0
    var blockScalarIndent: Int?
    /// Where the last class run of a key pattern ended (the runs are long, the matches many).
    var keyRun = KeyRunCache()
    var flowKeyRun = KeyRunCache()

    struct KeyRunCache {
        var from = -1
        var end = -1
        var lastColon = -1
    }

    init(text: LexerText) {
        self.text = text
        out.reserveCapacity(text.count / 3)
    }

    /// `ExtendedRegexLexer.get_tokens_unprocessed`: the first rule of the current state that
    /// matches acts; with none, a `\n` resets the stack to `root` (as `Text`), any other code
    /// point is an `Error`. Where Pygments would loop forever on empty matches, the run moves on.
    mutating func lex() {
        var stalled = 0
        while true {
            let before = pos
            if !step(stack.last ?? .root) {
                guard let c = text[pos] else { break }
                if c == "\n" {
                    stack = [.root]
                    emit(Tok.text, pos, pos + 1)
                } else {
                    emit(Tok.error, pos, pos + 1)
                }
                pos += 1
                stalled = 0
                continue
            }
            if pos > before {
                stalled = 0
                continue
            }
            stalled += 1
            if stalled > 64 {
                guard text[pos] != nil else { break }
                emit(Tok.error, pos, pos + 1)
                pos += 1
                stalled = 0
            }
        }
    }

    // MARK: - Output and state transitions

    mutating func emit(_ type: TokenType, _ start: Int, _ end: Int) {
        out.append(HighlightToken(type, text.slice(start, end)))
    }

    /// A plain token rule: the match as one token, the position after it.
    mutating func token(_ type: TokenType, _ start: Int, _ end: Int) {
        emit(type, start, end)
        pos = end
    }

    mutating func push(_ states: State...) { stack.append(contentsOf: states) }

    /// `'#pop'` / `'#pop:n'`: pops `n`, always keeping the bottom state.
    mutating func pop(_ count: Int = 1) {
        if count >= stack.count {
            stack.removeSubrange(1...)
        } else {
            stack.removeLast(count)
        }
    }

    /// A callback's `context.stack.pop()` (which could empty the stack; Pygments would fail
    /// there, the run goes on in `root`).
    mutating func rawPop() {
        _ = stack.popLast()
        if stack.isEmpty { stack = [.root] }
    }

    // MARK: - Callbacks (YamlLexer's callback factories)

    /// `something(token_class)`: no token for an empty match.
    mutating func something(_ type: TokenType, _ start: Int, _ end: Int) {
        guard end > start else { return }
        token(type, start, end)
    }

    /// `reset_indent(token_class)`.
    mutating func resetIndent(_ type: TokenType, _ start: Int, _ end: Int) {
        indentStack = []
        indent = -1
        nextIndent = 0
        blockScalarIndent = nil
        token(type, start, end)
    }

    /// `save_indent(token_class, start)`: a possible indentation level. A line indented less
    /// than the current level but more than the enclosing one gets its extra spaces as
    /// `Whitespace.Error` (split as Python slices, negative levels counting from the end).
    mutating func saveIndent(_ type: TokenType, start isLineStart: Bool, _ start: Int, _ end: Int) {
        let length = end - start
        var split = length
        if isLineStart {
            nextIndent = length
            if nextIndent < indent {
                while nextIndent < indent {
                    indent = indentStack.popLast() ?? -1
                }
                if nextIndent > indent {
                    split = indent < 0 ? max(0, length + indent) : min(indent, length)
                }
            }
        } else {
            nextIndent += length
        }
        if split > 0 { emit(type, start, start + split) }
        if split < length { emit(Tok.whitespaceError, start + split, end) }
        pos = end
    }

    /// `set_indent(token_class, implicit)`.
    mutating func setIndent(_ type: TokenType, implicit: Bool, _ start: Int, _ end: Int) {
        if indent < nextIndent {
            indentStack.append(indent)
            indent = nextIndent
        }
        if !implicit { nextIndent += end - start }
        token(type, start, end)
    }

    /// `set_block_scalar_indent(token_class)`: a block scalar header's indentation indicator.
    mutating func setBlockScalarIndent(_ start: Int, _ end: Int, increment: Int?) {
        blockScalarIndent = nil
        guard end > start else { return }
        if let increment, increment > 0 {
            blockScalarIndent = max(indent, 0) + increment
        }
        token(Tok.punctuationIndicator, start, end)
    }

    /// `parse_block_scalar_empty_line(Whitespace, Name.Constant)`.
    mutating func parseBlockScalarEmptyLine(_ start: Int, _ end: Int) {
        let length = end - start
        if let scalarIndent = blockScalarIndent, length > scalarIndent {
            emit(Tok.whitespace, start, start + scalarIndent)
            emit(Tok.nameConstant, start + scalarIndent, end)
        } else if length > 0 {
            emit(Tok.whitespace, start, end)
        }
        pos = end
    }

    /// `parse_block_scalar_indent(Whitespace)`: a line indented less than the block scalar ends it.
    mutating func parseBlockScalarIndent(_ start: Int, _ end: Int) {
        let length = end - start
        if let scalarIndent = blockScalarIndent {
            if length < scalarIndent {
                rawPop()
                rawPop()
                return
            }
        } else {
            if length <= max(indent, 0) {
                rawPop()
                rawPop()
                return
            }
            blockScalarIndent = length
        }
        if length > 0 { token(Tok.whitespace, start, end) }
    }

    /// `parse_plain_scalar_indent(Whitespace)`: a line indented no more than the current level
    /// ends the plain scalar.
    mutating func parsePlainScalarIndent(_ start: Int, _ end: Int) {
        let length = end - start
        if length <= indent {
            rawPop()
            rawPop()
            return
        }
        if length > 0 { token(Tok.whitespace, start, end) }
    }
}
