/// Pygments' `PythonConsoleLexer` (pycon, python-console): `_PythonConsoleLexerBase` splits
/// the session into prompts (`>>> `, `... `), code (`Other.Code`), tracebacks
/// (`Other.Traceback`) and output; two `DelegatingLexer`s then lex all the code together with the
/// Python lexer and all the tracebacks together with the traceback lexer, inserting the rest
/// back where it was.
struct PythonConsoleLexer: SyntaxLexer {
    func tokens(in input: Substring) -> [HighlightToken] {
        let base = Self.baseTokens(LexerText(input))
        let withCode = Self.delegate(base, needle: Tok.otherCode, to: "python")
        return Self.delegate(withCode, needle: Tok.otherTraceback, to: "pytb")
    }

    /// `DelegatingLexer.get_tokens_unprocessed`: the needle tokens' text, joined, lexed by the
    /// root lexer, the other tokens inserted where they were.
    static func delegate(_ tokens: [HighlightToken], needle: TokenType, to rootLexer: String) -> [HighlightToken] {
        var buffered = ""
        var bufferedLength = 0
        var insertions: [TokenInsertions.Insertion] = []
        var pending: [HighlightToken] = []
        for token in tokens {
            if token.type == needle {
                if !pending.isEmpty {
                    insertions.append(.init(index: bufferedLength, tokens: pending))
                    pending = []
                }
                buffered += token.text
                bufferedLength += token.length
            } else {
                pending.append(token)
            }
        }
        if !pending.isEmpty { insertions.append(.init(index: bufferedLength, tokens: pending)) }
        let code = Substring(buffered)
        let rootTokens: [HighlightToken]
        if let lexer = SyntaxLexers.lexer(named: rootLexer) {
            rootTokens = lexer.tokens(in: code)
        } else {
            rootTokens = code.isEmpty ? [] : [HighlightToken(Tok.text, code)]
        }
        return TokenInsertions.apply(insertions, to: rootTokens)
    }

    private enum State { case root, continuations, traceback }

    /// `_PythonConsoleLexerBase`, a `RegexLexer` written out rule by rule.
    static func baseTokens(_ text: LexerText) -> [HighlightToken] {
        var out: [HighlightToken] = []
        var pos = 0
        var stack: [State] = [.root]

        func add(_ type: TokenType, _ start: Int, _ end: Int) {
            out.append(HighlightToken(type, text.slice(start, end)))
        }
        /// `.*\n` from `i`: the end of the line, newline included; `nil` without a newline.
        func lineEnd(_ i: Int) -> Int? { text.lineEnd(from: i) }

        while true {
            let state = stack.last ?? .root
            var matched = true
            switch state {
            case .root:
                if text.has(">>> ", at: pos), let end = lineEnd(pos + 4) {  // (>>> )(.*\n)
                    add(Tok.genericPrompt, pos, pos + 4)
                    add(Tok.otherCode, pos + 4, end)
                    pos = end
                    stack.append(.continuations)
                } else if text.has(">>>\n", at: pos) {  // (>>>)(\n)
                    add(Tok.genericPrompt, pos, pos + 3)
                    add(Tok.whitespace, pos + 3, pos + 4)
                    pos += 4
                } else if let end = tracebackStart(text, pos) {
                    add(Tok.otherTraceback, pos, end)
                    pos = end
                    stack.append(.traceback)
                } else if let end = lineEnd(pos) {  // .*\n
                    add(Tok.genericOutput, pos, end)
                    pos = end
                } else {
                    matched = false
                }
            case .continuations:
                if text.has("... ", at: pos), let end = lineEnd(pos + 4) {  // (\.\.\. )(.*\n)
                    add(Tok.genericPrompt, pos, pos + 4)
                    add(Tok.otherCode, pos + 4, end)
                    pos = end
                } else if text.has("...\n", at: pos) {  // (\.\.\.)(\n)
                    add(Tok.genericPrompt, pos, pos + 3)
                    add(Tok.whitespace, pos + 3, pos + 4)
                    pos += 4
                } else {  // default('#pop')
                    if stack.count > 1 { stack.removeLast() }
                }
            case .traceback:
                if text.has(">>>", at: pos), text[pos + 3] == " " || text.atLineEnd(pos + 3) {  // (?=>>>( |$))
                    add(Tok.text, pos, pos)
                    if stack.count > 1 { stack.removeLast() }
                } else if text.has("KeyboardInterrupt\n", at: pos) {  // (KeyboardInterrupt)(\n)
                    add(Tok.nameClass, pos, pos + 17)
                    add(Tok.whitespace, pos + 17, pos + 18)
                    pos += 18
                } else if let end = lineEnd(pos) {  // .*\n
                    add(Tok.otherTraceback, pos, end)
                    pos = end
                } else {
                    matched = false
                }
            }
            if matched { continue }
            guard let c = text[pos] else { break }
            if c == "\n" {
                stack = [.root]
                add(Tok.whitespace, pos, pos + 1)
            } else {
                add(Tok.error, pos, pos + 1)
            }
            pos += 1
        }
        return out
    }

    /// `(\^C)?Traceback \(most recent call last\):\n` or `  File "[^"]+", line \d+`: the end of
    /// a traceback's first line.
    private static func tracebackStart(_ text: LexerText, _ pos: Int) -> Int? {
        let header = "Traceback (most recent call last):\n"
        if text.has("^C" + header, at: pos) { return pos + 2 + header.unicodeScalars.count }
        if text.has(header, at: pos) { return pos + header.unicodeScalars.count }
        guard text.has("  File \"", at: pos) else { return nil }
        let nameEnd = text.run(from: pos + 8) { $0 != "\"" }
        guard nameEnd > pos + 8, text.has("\", line ", at: nameEnd) else { return nil }
        let digitsStart = nameEnd + 8
        let digitsEnd = text.run(from: digitsStart, while: PythonClass.isDigit)
        return digitsEnd > digitsStart ? digitsEnd : nil
    }
}
