/// The states of `YamlLexer.tokens`, each rule in Pygments' order with its pattern in a comment.
extension YamlRun {
    /// Tries the rules of `state` at `pos`; `false` when none matches.
    mutating func step(_ state: State) -> Bool {
        switch state {
        case .root: return root()
        case .ignoredLine: return ignoredLine()
        case .yamlDirective: return yamlDirective()
        case .tagDirective: return tagDirective()
        case .indentation: return indentation()
        case .blockLine: return blockLine()
        case .flowSequence:
            if flowCollection() { return true }
            if text[pos] == "]" {  // \]
                token(Tok.punctuationIndicator, pos, pos + 1)
                pop()
                return true
            }
            return false
        case .flowMapping: return flowMapping()
        case .blockScalarContent: return blockScalarContent()
        case .blockScalarHeader: return blockScalarHeader()
        case .singleQuotedScalar: return singleQuotedScalar()
        case .doubleQuotedScalar: return doubleQuotedScalar()
        case .plainScalarInBlockContextNewLine: return plainScalarInBlockContextNewLine()
        case .plainScalarInBlockContext: return plainScalarInBlockContext()
        case .plainScalarInFlowContext: return plainScalarInFlowContext()
        }
    }

    // MARK: - Pattern pieces

    static func isSpaceChar(_ c: Unicode.Scalar) -> Bool { c == " " }
    static func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\n" }

    /// `[\w#;/?:@&=+$,.!~*\'()\[\]%-]`: a tag's characters.
    static func isTagChar(_ c: Unicode.Scalar) -> Bool {
        PythonClass.isWord(c) || "#;/?:@&=+$,.!~*'()[]%-".unicodeScalars.contains(c)
    }

    /// `[\w-]`: an anchor's or alias's characters.
    static func isNameChar(_ c: Unicode.Scalar) -> Bool { c == "-" || PythonClass.isWord(c) }

    /// `(?=[ ]|$)`.
    func spaceOrLineEnd(_ i: Int) -> Bool { text[i] == " " || text.atLineEnd(i) }

    func spaces(from i: Int) -> Int { text.run(from: i, while: Self.isSpaceChar) }

    func contains(_ set: String, _ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return set.unicodeScalars.contains(c)
    }

    // MARK: - Shared rule groups

    /// `[ ]+(?=#|$)` Whitespace, then `#[^\n]*` Comment.Single (root, ignored-line).
    mutating func ignoredSpaceOrComment() -> Bool {
        let end = spaces(from: pos)
        if end > pos, text[end] == "#" || text.atLineEnd(end) {
            token(Tok.whitespace, pos, end)
            return true
        }
        if text[pos] == "#" {
            token(Tok.commentSingle, pos, text.run(from: pos + 1) { $0 != "\n" })
            return true
        }
        return false
    }

    /// `\n+` Whitespace.
    mutating func newlines(_ type: TokenType = Tok.whitespace) -> Bool {
        guard text[pos] == "\n" else { return false }
        token(type, pos, text.run(from: pos, while: Self.isNewline))
        return true
    }

    /// `descriptors`: tags, anchors and aliases.
    mutating func descriptors() -> Bool {
        guard let c = text[pos] else { return false }
        if c == "!" {
            // !<[\w#;/?:@&=+$,.!~*\'()\[\]%-]+>
            if text[pos + 1] == "<" {
                let end = text.run(from: pos + 2, while: Self.isTagChar)
                if end > pos + 2, text[end] == ">" {
                    token(Tok.keywordType, pos, end + 1)
                    return true
                }
            }
            // !(?:[\w-]+!)?[\w#;/?:@&=+$,.!~*\'()\[\]%-]*  (every part is in the last class)
            token(Tok.keywordType, pos, text.run(from: pos + 1, while: Self.isTagChar))
            return true
        }
        if c == "&" || c == "*" {
            // &[\w-]+ Name.Label, \*[\w-]+ Name.Variable
            let end = text.run(from: pos + 1, while: Self.isNameChar)
            if end > pos + 1 {
                token(c == "&" ? Tok.nameLabel : Tok.nameVariable, pos, end)
                return true
            }
        }
        return false
    }

    /// `flow-nodes`: flow collections and quoted scalars.
    mutating func flowNodes() -> Bool {
        switch text[pos] {
        case "[":
            token(Tok.punctuationIndicator, pos, pos + 1)
            push(.flowSequence)
        case "{":
            token(Tok.punctuationIndicator, pos, pos + 1)
            push(.flowMapping)
        case "'":
            token(Tok.string, pos, pos + 1)
            push(.singleQuotedScalar)
        case "\"":
            token(Tok.string, pos, pos + 1)
            push(.doubleQuotedScalar)
        default:
            return false
        }
        return true
    }

    /// `quoted-scalar-whitespaces`.
    mutating func quotedScalarWhitespaces() -> Bool {
        let end = spaces(from: pos)
        if end > pos, text.atLineStart(pos) || text.atLineEnd(end) {  // ^[ ]+  [ ]+$
            token(Tok.whitespace, pos, end)
            return true
        }
        if newlines() { return true }  // \n+
        let value = text.run(from: pos) { $0 == " " || $0 == "\u{A0}" }  // [ \xa0]+
        if value > pos {
            token(Tok.nameVariable, pos, value)
            return true
        }
        return false
    }
}
