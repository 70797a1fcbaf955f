/// Pygments' `RubyConsoleLexer` (rbcon, irb): an irb session, line by line. A line starting with
/// a prompt (`irb(main):001:0> `, `>> `, `?> `) is a `Generic.Prompt` plus code; the code of
/// consecutive prompt lines is lexed together by the Ruby lexer, the prompts inserted back with
/// `do_insertions`; any other line is output (`Generic.Output`).
struct RubyConsoleLexer: SyntaxLexer {
    func tokens(in input: Substring) -> [HighlightToken] {
        var out: [HighlightToken] = []
        var code = ""
        var codeLength = 0
        var insertions: [TokenInsertions.Insertion] = []

        func flush() {
            let text = Substring(code)
            let tokens = SyntaxLexers.lexer(named: "ruby")?.tokens(in: text) ?? [HighlightToken(Tok.text, text)]
            out.append(contentsOf: TokenInsertions.apply(insertions, to: tokens))
            insertions = []
            code = ""
            codeLength = 0
        }

        let scalars = input.unicodeScalars
        var lineStart = scalars.startIndex
        while let newline = scalars[lineStart...].firstIndex(of: "\n") {
            let lineEnd = scalars.index(after: newline)
            let line = Substring(scalars[lineStart..<lineEnd])
            lineStart = lineEnd
            if let promptLength = Self.promptLength(line) {
                let split = line.unicodeScalars.index(line.startIndex, offsetBy: promptLength)
                insertions.append(.init(index: codeLength, tokens: [HighlightToken(Tok.genericPrompt, line[..<split])]))
                code += line[split...]
                codeLength += line.unicodeScalars.count - promptLength
            } else {
                if !code.isEmpty { flush() }
                out.append(HighlightToken(Tok.genericOutput, line))
            }
        }
        if !code.isEmpty { flush() }
        // Pygments' line pattern (`.*?\n`) never reaches text after the last newline; the
        // highlighter always ends the code with one, so this only keeps the tokens whole.
        if lineStart < scalars.endIndex {
            out.append(HighlightToken(Tok.genericOutput, Substring(scalars[lineStart...])))
        }
        return out
    }

    /// `_prompt_re.match(line)`: `irb\([a-zA-Z_]\w*\):\d{3}:\d+[>*"'] |>> |\?> `, its length in
    /// code points. (Each part of the pattern is followed by a character it cannot match, so
    /// matching greedily finds what Python's backtracking finds.)
    static func promptLength(_ line: Substring) -> Int? {
        let scalars = Array(line.unicodeScalars.prefix(3))
        if scalars.count == 3, scalars[1] == ">", scalars[2] == " ", scalars[0] == ">" || scalars[0] == "?" { return 3 }
        guard line.unicodeScalars.starts(with: "irb(".unicodeScalars) else { return nil }
        var index = 4
        let rest = Array(line.unicodeScalars.dropFirst(4))
        func take(_ test: (Unicode.Scalar) -> Bool) -> Bool {
            guard index - 4 < rest.count, test(rest[index - 4]) else { return false }
            index += 1
            return true
        }
        guard take({ $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) }) else { return nil }
        while take(PythonClass.isWord) {}
        guard take({ $0 == ")" }), take({ $0 == ":" }) else { return nil }
        for _ in 0..<3 { guard take(PythonClass.isDigit) else { return nil } }
        guard take({ $0 == ":" }), take(PythonClass.isDigit) else { return nil }
        while take(PythonClass.isDigit) {}
        guard take({ ">*\"'".unicodeScalars.contains($0) }), take({ $0 == " " }) else { return nil }
        return index
    }
}
