/// The scalar states of `YamlLexer.tokens`: block scalars, quoted scalars, plain scalars.
extension YamlRun {
    /// `block-scalar-content`.
    mutating func blockScalarContent() -> Bool {
        if text[pos] == "\n" {  // \n
            token(Tok.whitespace, pos, pos + 1)
            return true
        }
        if text.atLineStart(pos) {
            let end = spaces(from: pos)
            if end > pos, text.atLineEnd(end) {  // ^[ ]+$
                parseBlockScalarEmptyLine(pos, end)
                return true
            }
            parseBlockScalarIndent(pos, end)  // ^[ ]*
            return true
        }
        // [\S\t ]+
        let end = text.run(from: pos) { $0 == "\t" || $0 == " " || !PythonClass.isSpace($0) }
        if end > pos {
            token(Tok.nameConstant, pos, end)
            return true
        }
        return false
    }

    /// `block-scalar-header`: `([1-9])?[+-]?(?=[ ]|$)`, then `[+-]?([1-9])?(?=[ ]|$)`.
    mutating func blockScalarHeader() -> Bool {
        func digit(_ i: Int) -> Int? {
            guard let c = text[i], c >= "1", c <= "9" else { return nil }
            return Int(c.value) - 0x30
        }
        func sign(_ i: Int) -> Bool { text[i] == "+" || text[i] == "-" }

        var end = pos
        var increment = digit(end)
        if increment != nil { end += 1 }
        if sign(end) { end += 1 }
        if !spaceOrLineEnd(end) {
            end = pos
            if sign(end) { end += 1 }
            increment = digit(end)
            if increment != nil { end += 1 }
            guard spaceOrLineEnd(end) else { return false }
        }
        setBlockScalarIndent(pos, end, increment: increment)
        push(.ignoredLine)
        return true
    }

    /// `single-quoted-scalar`.
    mutating func singleQuotedScalar() -> Bool {
        if quotedScalarWhitespaces() { return true }
        if text[pos] == "'" {
            if text[pos + 1] == "'" {  // \'\'
                token(Tok.stringEscape, pos, pos + 2)
            } else {  // \'
                token(Tok.string, pos, pos + 1)
                pop()
            }
            return true
        }
        let end = text.run(from: pos) { $0 != "'" && !PythonClass.isSpace($0) }  // [^\s\']+
        if end > pos {
            token(Tok.string, pos, end)
            return true
        }
        return false
    }

    /// `double-quoted-scalar`.
    mutating func doubleQuotedScalar() -> Bool {
        if quotedScalarWhitespaces() { return true }
        if text[pos] == "\\", let next = text[pos + 1] {
            // \\[0abt\tn\nvfre "\\N_LP]
            if "0abt\tn\nvfre \"\\N_LP".unicodeScalars.contains(next) {
                token(Tok.string, pos, pos + 2)
                return true
            }
            // \\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})
            let digits = next == "x" ? 2 : next == "u" ? 4 : next == "U" ? 8 : 0
            if digits > 0, text.run(from: pos + 2, while: { $0.properties.isASCIIHexDigit }) >= pos + 2 + digits {
                token(Tok.stringEscape, pos, pos + 2 + digits)
                return true
            }
        }
        let end = text.run(from: pos) { $0 != "\"" && $0 != "\\" && !PythonClass.isSpace($0) }  // [^\s"\\]+
        if end > pos {
            token(Tok.string, pos, end)
            return true
        }
        if text[pos] == "\"" {
            token(Tok.string, pos, pos + 1)
            pop()
            return true
        }
        return false
    }

    /// `plain-scalar-in-block-context-new-line`.
    mutating func plainScalarInBlockContextNewLine() -> Bool {
        let end = spaces(from: pos)
        if text.atLineStart(pos), end > pos, text.atLineEnd(end) {  // ^[ ]+$
            token(Tok.whitespace, pos, end)
            return true
        }
        if newlines() { return true }  // \n+
        guard text.atLineStart(pos) else { return false }
        if text.has("---", at: pos) || text.has("...", at: pos) {  // ^(?=---|\.\.\.)
            pop(3)
            return true
        }
        parsePlainScalarIndent(pos, end)  // ^[ ]*
        pop()
        return true
    }

    /// `plain-scalar-in-block-context`.
    mutating func plainScalarInBlockContext() -> Bool {
        let end = spaces(from: pos)
        if text[end] == ":", text[end + 1] == " " || text.atLineEnd(end + 1) {  // [ ]*(?=:[ ]|:$)
            something(Tok.whitespace, pos, end)
            pop()
            return true
        }
        if end > pos, text[end] == "#" {  // [ ]+(?=#)
            token(Tok.whitespace, pos, end)
            pop()
            return true
        }
        if end > pos, text.atLineEnd(end) {  // [ ]+$
            token(Tok.whitespace, pos, end)
            return true
        }
        if text[pos] == "\n" {  // \n+
            token(Tok.whitespace, pos, text.run(from: pos, while: Self.isNewline))
            push(.plainScalarInBlockContextNewLine)
            return true
        }
        let blank = text.run(from: pos) { $0 == " " || $0 == "\u{A0}" }  // [ \xa0]+
        if blank > pos {
            token(Tok.literalScalarPlain, pos, blank)
            return true
        }
        // (?::(?!\s)|[^\s:])+
        var value = pos
        while let c = text[value] {
            if c == ":" {
                if let next = text[value + 1], PythonClass.isSpace(next) { break }
            } else if PythonClass.isSpace(c) {
                break
            }
            value += 1
        }
        if value > pos {
            token(Tok.literalScalarPlain, pos, value)
            return true
        }
        return false
    }

    /// `plain-scalar-in-flow-context`.
    mutating func plainScalarInFlowContext() -> Bool {
        let end = spaces(from: pos)
        if contains(",:?[]{}", text[end]) {  // [ ]*(?=[,:?\[\]{}])
            something(Tok.whitespace, pos, end)
            pop()
            return true
        }
        if end > pos, text[end] == "#" {  // [ ]+(?=#)
            token(Tok.whitespace, pos, end)
            pop()
            return true
        }
        if end > pos, text.atLineStart(pos) || text.atLineEnd(end) {  // ^[ ]+  [ ]+$
            token(Tok.whitespace, pos, end)
            return true
        }
        if newlines() { return true }  // \n+
        let blank = text.run(from: pos) { $0 == " " || $0 == "\u{A0}" }  // [ \xa0]+
        if blank > pos {
            token(Tok.nameVariable, pos, blank)
            return true
        }
        let value = text.run(from: pos) { !PythonClass.isSpace($0) && !",:?[]{}".unicodeScalars.contains($0) }
        if value > pos {
            token(Tok.nameVariable, pos, value)
            return true
        }
        return false
    }
}
