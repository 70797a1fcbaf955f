/// Pygments' `BaseMakefileLexer` (basemake): a `RegexLexer` for Makefiles without their
/// directives, written out rule by rule. Recipes (indented lines) and the values of assignments
/// are lexed by the Bash lexer (`using(BashLexer)`), as Pygments does.
struct BaseMakefileLexer: SyntaxLexer {
    func tokens(in input: Substring) -> [HighlightToken] {
        var run = MakefileRun(text: LexerText(input))
        run.lex()
        return run.out
    }
}

/// One run of `BaseMakefileLexer`: `RegexLexer.get_tokens_unprocessed` over its states.
private struct MakefileRun {
    enum State { case root, expansion, export, blockHeader }

    let text: LexerText
    var out: [HighlightToken] = []
    var pos = 0
    var stack: [State] = [.root]
    var variableRun = RunCache()
    var targetRun = RunCache()
    var unclosedDouble: Int?
    var unclosedSingle: Int?

    init(text: LexerText) { self.text = text }

    mutating func lex() {
        while true {
            let matched: Bool
            switch stack.last ?? .root {
            case .root: matched = root()
            case .expansion: matched = expansion()
            case .export: matched = export()
            case .blockHeader: matched = blockHeader()
            }
            if matched { continue }
            guard let c = text[pos] else { break }
            if c == "\n" {
                stack = [.root]
                token(Tok.whitespace, pos + 1)
            } else {
                token(Tok.error, pos + 1)
            }
        }
    }

    /// The text from `pos` to `end` as one token (none when empty), the position after it.
    mutating func token(_ type: TokenType, _ end: Int) {
        if end > pos { out.append(HighlightToken(type, text.slice(pos, end))) }
        pos = max(pos, end)
    }

    /// `using(BashLexer)` on the text from `pos` to `end`.
    mutating func bash(_ end: Int) {
        let code = text.slice(pos, end)
        if let lexer = SyntaxLexers.lexer(named: "bash") {
            out.append(contentsOf: lexer.tokens(in: code))
            pos = end
        } else {
            token(Tok.text, end)
        }
    }

    mutating func pop() { if stack.count > 1 { stack.removeLast() } }

    static func isVariableChar(_ c: Unicode.Scalar) -> Bool { "${}().-".unicodeScalars.contains(c) || PythonClass.isWord(c) }
    static func isExportChar(_ c: Unicode.Scalar) -> Bool { "${}\t -".unicodeScalars.contains(c) || PythonClass.isWord(c) }
    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    /// The end of `.*\n` from `i` (the newline included); `nil` when no newline follows.
    func lineEnd(_ i: Int) -> Int? { text.lineEnd(from: i) }

    /// The end of the run of `test` code points from `pos`, remembered for the positions inside
    /// the run (a rule failing all along a long run would otherwise rescan it at each one).
    static func cachedRun(_ text: LexerText, _ pos: Int, _ cache: inout RunCache, _ test: (Unicode.Scalar) -> Bool) -> Int {
        if pos >= cache.from, pos < cache.end { return cache.end }
        let end = text.run(from: pos, while: test)
        cache = RunCache(from: pos, end: end)
        return end
    }

    struct RunCache {
        var from = 0
        var end = 0
    }

    mutating func root() -> Bool {
        // ^(?:[\t ]+.*\n|\n)+
        if text.atLineStart(pos) {
            var end = pos
            while true {
                if text[end] == "\n" {
                    end += 1
                } else if text.run(from: end, while: Self.isBlank) > end, let next = lineEnd(end) {
                    end = next
                } else {
                    break
                }
            }
            if end > pos {
                bash(end)
                return true
            }
        }
        guard let c = text[pos] else { return false }
        // \$[<@$+%?|*]
        if c == "$", let next = text[pos + 1], "<@$+%?|*".unicodeScalars.contains(next) {
            token(Tok.keyword, pos + 2)
            return true
        }
        if PythonClass.isSpace(c) {  // \s+
            token(Tok.whitespace, text.run(from: pos, while: PythonClass.isSpace))
            return true
        }
        if c == "#", let end = lineEnd(pos + 1) {  // #.*?\n
            token(Tok.comment, end)
            return true
        }
        if exportLine() { return true }
        if assignment() { return true }
        if c == "\"" || c == "'", let end = quoted(c) {  // "(\\\\|\\[^\\]|[^"\\])*"  and '…'
            token(c == "\"" ? Tok.stringDouble : Tok.stringSingle, end)
            return true
        }
        // ([^\n:]+)(:+)([ \t]*)
        let name = Self.cachedRun(text, pos, &targetRun) { $0 != "\n" && $0 != ":" }
        if name > pos, text[name] == ":" {
            let colons = text.run(from: name) { $0 == ":" }
            token(Tok.nameFunction, name)
            token(Tok.operator_, colons)
            token(Tok.whitespace, text.run(from: colons, while: Self.isBlank))
            stack.append(.blockHeader)
            return true
        }
        if text.has("$(", at: pos) {  // \$\(
            token(Tok.keyword, pos + 2)
            stack.append(.expansion)
            return true
        }
        return false
    }

    /// `((?:un)?export)(\s+)(?=[\w${}\t -]+\n)` (to the `export` state), then `(?:un)?export\s+`.
    mutating func exportLine() -> Bool {
        let keyword = text.has("unexport", at: pos) ? pos + 8 : text.has("export", at: pos) ? pos + 6 : nil
        guard let keyword else { return false }
        let spaceEnd = text.run(from: keyword, while: PythonClass.isSpace)
        guard spaceEnd > keyword else { return false }
        var split = spaceEnd
        while split > keyword {
            let names = text.run(from: split, while: Self.isExportChar)
            if names > split, text[names] == "\n" {
                token(Tok.keyword, keyword)
                token(Tok.whitespace, split)
                stack.append(.export)
                return true
            }
            split -= 1
        }
        token(Tok.keyword, spaceEnd)
        return true
    }

    /// `([\w${}().-]+)(\s*)([!?:+]?=)([ \t]*)((?:.*\\\n)+|.*\n)`: the value goes to Bash.
    mutating func assignment() -> Bool {
        let name = Self.cachedRun(text, pos, &variableRun, Self.isVariableChar)
        guard name > pos else { return false }
        let space = text.run(from: name, while: PythonClass.isSpace)
        let op: Int
        if let c = text[space], "!?:+".unicodeScalars.contains(c), text[space + 1] == "=" {
            op = space + 2
        } else if text[space] == "=" {
            op = space + 1
        } else {
            return false
        }
        let blank = text.run(from: op, while: Self.isBlank)
        var value = blank
        while let end = lineEnd(value), end - 2 >= value, text[end - 2] == "\\" { value = end }
        if value == blank {
            guard let end = lineEnd(blank) else { return false }
            value = end
        }
        token(Tok.nameVariable, name)
        token(Tok.whitespace, space)
        token(Tok.operator_, op)
        token(Tok.whitespace, blank)
        bash(value)
        return true
    }

    /// The end of a quoted string starting at `pos` with `quote`, escapes taken in pairs. Once
    /// a string runs to the end unclosed, so does any later one with the same quote (every
    /// quote inside was the second half of an escape, so the pairs line up the same way).
    mutating func quoted(_ quote: Unicode.Scalar) -> Int? {
        let unclosedFrom = quote == "\"" ? unclosedDouble : unclosedSingle
        if let unclosedFrom, pos > unclosedFrom { return nil }
        var i = pos + 1
        while let c = text[i] {
            if c == quote { return i + 1 }
            if c == "\\" {
                guard text[i + 1] != nil else { break }
                i += 2
            } else {
                i += 1
            }
        }
        if quote == "\"" { unclosedDouble = pos } else { unclosedSingle = pos }
        return nil
    }

    mutating func expansion() -> Bool {
        guard let c = text[pos] else { return false }
        let isName: (Unicode.Scalar) -> Bool = { $0 == "." || $0 == "-" || PythonClass.isWord($0) }
        let other = text.run(from: pos) { !isName($0) && !"$()".unicodeScalars.contains($0) }
        if other > pos {  // [^\w$().-]+
            token(Tok.text, other)
        } else if isName(c) {  // [\w.-]+
            token(Tok.nameVariable, text.run(from: pos, while: isName))
        } else if c == "$" {
            token(Tok.keyword, pos + 1)
        } else if c == "(" {
            token(Tok.keyword, pos + 1)
            stack.append(.expansion)
        } else {  // \)
            token(Tok.keyword, pos + 1)
            pop()
        }
        return true
    }

    mutating func export() -> Bool {
        guard let c = text[pos] else { return false }
        let isName: (Unicode.Scalar) -> Bool = { "${}-".unicodeScalars.contains($0) || PythonClass.isWord($0) }
        if isName(c) {  // [\w${}-]+
            token(Tok.nameVariable, text.run(from: pos, while: isName))
        } else if c == "\n" {
            token(Tok.text, pos + 1)
            pop()
        } else if PythonClass.isSpace(c) {
            token(Tok.whitespace, text.run(from: pos, while: PythonClass.isSpace))
        } else {
            return false
        }
        return true
    }

    mutating func blockHeader() -> Bool {
        guard let c = text[pos] else { return false }
        if c == "," || c == "|" {
            token(Tok.punctuation, pos + 1)
        } else if c == "#", let end = lineEnd(pos + 1) {  // #.*?\n
            token(Tok.comment, end)
            pop()
        } else if c == "\\", text[pos + 1] == "\n" {
            token(Tok.text, pos + 2)
        } else if text.has("$(", at: pos) {
            token(Tok.keyword, pos + 2)
            stack.append(.expansion)
        } else if c.isASCII, c.properties.isAlphabetic || c == "_" {  // [a-zA-Z_]+
            token(Tok.name, text.run(from: pos) { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") })
        } else if c == "\n" {
            token(Tok.whitespace, pos + 1)
            pop()
        } else {  // .
            token(Tok.text, pos + 1)
        }
        return true
    }
}
