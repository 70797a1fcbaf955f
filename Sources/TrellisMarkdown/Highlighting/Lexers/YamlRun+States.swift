/// The block, flow and directive states of `YamlLexer.tokens`.
extension YamlRun {
    /// `root`.
    mutating func root() -> Bool {
        if ignoredSpaceOrComment() { return true }
        if newlines() { return true }
        if text.atLineStart(pos) {
            if text.has("%YAML", at: pos), spaceOrLineEnd(pos + 5) {
                resetIndent(Tok.nameTag, pos, pos + 5)
                push(.yamlDirective)
                return true
            }
            if text.has("%TAG", at: pos), spaceOrLineEnd(pos + 4) {
                resetIndent(Tok.nameTag, pos, pos + 4)
                push(.tagDirective)
                return true
            }
            if text.has("---", at: pos) || text.has("...", at: pos), spaceOrLineEnd(pos + 3) {
                resetIndent(Tok.nameNamespace, pos, pos + 3)
                push(.blockLine)
                return true
            }
        }
        // [ ]*(?!\s|$)
        let end = spaces(from: pos)
        if let c = text[end], !PythonClass.isSpace(c) {
            saveIndent(Tok.whitespace, start: true, pos, end)
            push(.blockLine, .indentation)
            return true
        }
        return false
    }

    /// `ignored-line`.
    mutating func ignoredLine() -> Bool {
        if ignoredSpaceOrComment() { return true }
        if text[pos] == "\n" {
            token(Tok.whitespace, pos, pos + 1)
            pop(2)
            return true
        }
        return false
    }

    /// `yaml-directive`: `([ ]+)([0-9]+\.[0-9]+)`.
    mutating func yamlDirective() -> Bool {
        let isDigit: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        let space = spaces(from: pos)
        guard space > pos else { return false }
        let major = text.run(from: space, while: isDigit)
        guard major > space, text[major] == "." else { return false }
        let minor = text.run(from: major + 1, while: isDigit)
        guard minor > major + 1 else { return false }
        emit(Tok.whitespace, pos, space)
        token(Tok.number, space, minor)
        push(.ignoredLine)
        return true
    }

    /// `tag-directive`: `([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*\'()\[\]%-]+)`.
    mutating func tagDirective() -> Bool {
        let space = spaces(from: pos)
        guard space > pos, text[space] == "!" else { return false }
        var handleEnds = [space + 1]
        let word = text.run(from: space + 1, while: Self.isNameChar)
        if text[word] == "!" { handleEnds.append(word + 1) }
        for handleEnd in handleEnds {
            let gap = spaces(from: handleEnd)
            guard gap > handleEnd, let c = text[gap] else { continue }
            let prefixEnd: Int
            if c == "!" {
                prefixEnd = gap + 1
            } else {
                prefixEnd = text.run(from: gap) { $0 != "#" && Self.isTagChar($0) }
                guard prefixEnd > gap else { continue }
            }
            emit(Tok.whitespace, pos, space)
            emit(Tok.keywordType, space, handleEnd)
            emit(Tok.whitespace, handleEnd, gap)
            token(Tok.keywordType, gap, prefixEnd)
            push(.ignoredLine)
            return true
        }
        return false
    }

    /// `indentation`: block scalar indicators and indentation spaces.
    mutating func indentation() -> Bool {
        let end = spaces(from: pos)
        if text.atLineEnd(end) {  // [ ]*$
            something(Tok.whitespace, pos, end)
            pop(2)
            return true
        }
        if end > pos, contains("?:-", text[end]), spaceOrLineEnd(end + 1) {  // [ ]+(?=[?:-](?:[ ]|$))
            saveIndent(Tok.whitespace, start: false, pos, end)
            return true
        }
        if contains("?:-", text[pos]), spaceOrLineEnd(pos + 1) {  // [?:-](?=[ ]|$)
            setIndent(Tok.punctuationIndicator, implicit: false, pos, pos + 1)
            return true
        }
        saveIndent(Tok.whitespace, start: false, pos, end)  // [ ]*
        pop()
        return true
    }

    /// `block-line`: an indented line in the block context.
    mutating func blockLine() -> Bool {
        let end = spaces(from: pos)
        if text[end] == "#" || text.atLineEnd(end) {  // [ ]*(?=#|$)
            something(Tok.whitespace, pos, end)
            pop()
            return true
        }
        if end > pos {  // [ ]+
            token(Tok.whitespace, pos, end)
            return true
        }
        // ([^#,?\[\]{}"'\n]+)(:)(?=[ ]|$): the group backtracks to the last such colon.
        if let colon = keyColon() {
            emit(Tok.nameTag, pos, colon)
            setIndent(Tok.punctuation, implicit: true, colon, colon + 1)
            return true
        }
        if descriptors() { return true }
        if text[pos] == ":", spaceOrLineEnd(pos + 1) {  // :(?=[ ]|$)
            setIndent(Tok.punctuationIndicator, implicit: true, pos, pos + 1)
            return true
        }
        if text[pos] == "|" || text[pos] == ">" {  // [|>]
            token(Tok.punctuationIndicator, pos, pos + 1)
            push(.blockScalarContent, .blockScalarHeader)
            return true
        }
        if flowNodes() { return true }
        // (?=[^\s?:,\[\]{}#&*!|>\'"%@`-]|[?:-]\S)
        guard let c = text[pos] else { return false }
        let startsPlain = !PythonClass.isSpace(c) && !contains("?:,[]{}#&*!|>'\"%@`-", c)
        let indicatorThenText = contains("?:-", c) && text[pos + 1].map { !PythonClass.isSpace($0) } == true
        guard startsPlain || indicatorThenText else { return false }
        push(.plainScalarInBlockContext)
        return true
    }

    /// The colon ending a block key at `pos`: the last `:` followed by a space or the line end
    /// within the run of key characters, after at least one of them.
    private mutating func keyColon() -> Int? {
        if !(pos >= keyRun.from && pos < keyRun.end) {
            let isKeyChar: (Unicode.Scalar) -> Bool = { !"#,?[]{}\"'\n".unicodeScalars.contains($0) }
            let end = text.run(from: pos, while: isKeyChar)
            guard end > pos else { return nil }
            var last = -1
            var j = end - 1
            while j > pos {
                if text[j] == ":", spaceOrLineEnd(j + 1) {
                    last = j
                    break
                }
                j -= 1
            }
            keyRun = KeyRunCache(from: pos, end: end, lastColon: last)
        }
        return keyRun.lastColon > pos ? keyRun.lastColon : nil
    }

    /// `flow-collection`: the content of a flow collection.
    mutating func flowCollection() -> Bool {
        let end = spaces(from: pos)
        if end > pos {  // [ ]+
            token(Tok.whitespace, pos, end)
            return true
        }
        if newlines() { return true }
        if text[pos] == "#" {  // #[^\n]*
            token(Tok.commentSingle, pos, text.run(from: pos + 1) { $0 != "\n" })
            return true
        }
        if contains("?:,", text[pos]) {  // [?:,]
            token(Tok.punctuationIndicator, pos, pos + 1)
            return true
        }
        if descriptors() || flowNodes() { return true }
        // (?=[^\s?:,\[\]{}#&*!|>\'"%@`])
        guard let c = text[pos], !PythonClass.isSpace(c), !contains("?:,[]{}#&*!|>'\"%@`", c) else { return false }
        push(.plainScalarInFlowContext)
        return true
    }

    /// `flow-mapping`: `([^,:?\[\]{}"'\n]+)(:)(?=[ ]|$)` keys, the collection, `\}`.
    mutating func flowMapping() -> Bool {
        if !(pos >= flowKeyRun.from && pos < flowKeyRun.end) {
            let end = text.run(from: pos) { !",:?[]{}\"'\n".unicodeScalars.contains($0) }
            flowKeyRun = KeyRunCache(from: pos, end: end, lastColon: -1)
        }
        let end = flowKeyRun.end
        if end > pos, text[end] == ":", spaceOrLineEnd(end + 1) {
            emit(Tok.nameTag, pos, end)
            token(Tok.punctuation, end, end + 1)
            return true
        }
        if flowCollection() { return true }
        if text[pos] == "}" {
            token(Tok.punctuationIndicator, pos, pos + 1)
            pop()
            return true
        }
        return false
    }
}
