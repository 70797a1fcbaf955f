/// Pygments' `JsonLexer` (json, json-object; `JsonLdLexer` with `keywords`): a one-pass state
/// machine over the code points, not a rule table. A quoted string is held back until the next
/// significant character shows whether it is an object key (`Name.Tag`, before a `:`) or a value
/// (`String.Double`). No validation: `--1--` is a number, `trustful` a constant.
struct JsonLexer: SyntaxLexer {
    /// JSON-LD's keywords (`"@context"` …), quotes included: keys that are one become
    /// `Name.Decorator`. Empty for plain JSON.
    var keywords: Set<Substring> = []

    static let jsonLdKeywords: Set<Substring> = Set(
        [
            "base", "container", "context", "direction", "graph", "id", "import", "included", "index", "json",
            "language", "list", "nest", "none", "prefix", "propagate", "protected", "reverse", "set", "type",
            "value", "version", "vocab",
        ].map { Substring("\"@\($0)\"") })

    private static func isInteger(_ c: Unicode.Scalar) -> Bool { c == "-" || (c >= "0" && c <= "9") }
    private static func isFloat(_ c: Unicode.Scalar) -> Bool { c == "." || c == "e" || c == "E" || c == "+" }
    private static func isConstant(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "t", "r", "u", "e", "f", "a", "l", "s", "n": return true
        default: return false
        }
    }
    private static func isHex(_ c: Unicode.Scalar) -> Bool { c.properties.isASCIIHexDigit }
    private static func isPunctuation(_ c: Unicode.Scalar) -> Bool { c == "{" || c == "}" || c == "[" || c == "]" || c == "," }
    private static func isWhitespace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\r" || c == "\t" }

    func tokens(in input: Substring) -> [HighlightToken] {
        let text = LexerText(input)
        var out: [HighlightToken] = []
        var queue: [HighlightToken] = []
        var inString = false, inEscape = false, inUnicodeEscape = 0, inWhitespace = false
        var inConstant = false, inNumber = false, inFloat = false, inPunctuation = false
        var inCommentSingle = false, inCommentMultiline = false
        var expectingSecondCommentOpener = false, expectingSecondCommentCloser = false
        var start = 0

        func emit(_ type: TokenType, _ from: Int, _ to: Int) {
            out.append(HighlightToken(type, text.slice(from, to)))
        }
        func queueOrEmit(_ type: TokenType, _ from: Int, _ to: Int) {
            if queue.isEmpty { emit(type, from, to) } else { queue.append(HighlightToken(type, text.slice(from, to))) }
        }
        func flushQueue() {
            out.append(contentsOf: queue)
            queue.removeAll()
        }

        for (stop, character) in text.scalars.enumerated() {
            if inString {
                if inUnicodeEscape > 0 {
                    if Self.isHex(character) {
                        inUnicodeEscape -= 1
                        if inUnicodeEscape == 0 { inEscape = false }
                    } else {
                        inUnicodeEscape = 0
                        inEscape = false
                    }
                } else if inEscape {
                    if character == "u" { inUnicodeEscape = 4 } else { inEscape = false }
                } else if character == "\\" {
                    inEscape = true
                } else if character == "\"" {
                    queue.append(HighlightToken(Tok.stringDouble, text.slice(start, stop + 1)))
                    inString = false
                    inEscape = false
                    inUnicodeEscape = 0
                }
                continue
            } else if inWhitespace {
                if Self.isWhitespace(character) { continue }
                queueOrEmit(Tok.whitespace, start, stop)
                inWhitespace = false
            } else if inConstant {
                if Self.isConstant(character) { continue }
                emit(Tok.keywordConstant, start, stop)
                inConstant = false
            } else if inNumber {
                if Self.isInteger(character) { continue }
                if Self.isFloat(character) {
                    inFloat = true
                    continue
                }
                emit(inFloat ? Tok.numberFloat : Tok.numberInteger, start, stop)
                inNumber = false
                inFloat = false
            } else if inPunctuation {
                if Self.isPunctuation(character) { continue }
                emit(Tok.punctuation, start, stop)
                inPunctuation = false
            } else if inCommentSingle {
                if character != "\n" { continue }
                queueOrEmit(Tok.commentSingle, start, stop)
                inCommentSingle = false
            } else if inCommentMultiline {
                if character == "*" {
                    expectingSecondCommentCloser = true
                } else if expectingSecondCommentCloser {
                    expectingSecondCommentCloser = false
                    if character == "/" {
                        queueOrEmit(Tok.commentMultiline, start, stop + 1)
                        inCommentMultiline = false
                    }
                }
                continue
            } else if expectingSecondCommentOpener {
                expectingSecondCommentOpener = false
                if character == "/" {
                    inCommentSingle = true
                    continue
                } else if character == "*" {
                    inCommentMultiline = true
                    continue
                }
                flushQueue()
                emit(Tok.error, start, stop)
            }

            start = stop
            if character == "\"" {
                inString = true
            } else if Self.isWhitespace(character) {
                inWhitespace = true
            } else if character == "f" || character == "n" || character == "t" {
                flushQueue()
                inConstant = true
            } else if Self.isInteger(character) {
                flushQueue()
                inNumber = true
            } else if character == ":" {
                for token in queue {
                    if token.type == Tok.stringDouble {
                        let isKeyword = !keywords.isEmpty && keywords.contains(token.text)
                        out.append(HighlightToken(isKeyword ? Tok.nameDecorator : Tok.nameTag, token.text))
                    } else {
                        out.append(token)
                    }
                }
                queue.removeAll()
                inPunctuation = true
            } else if Self.isPunctuation(character) {
                flushQueue()
                inPunctuation = true
            } else if character == "/" {
                expectingSecondCommentOpener = true
            } else {
                flushQueue()
                emit(Tok.error, stop, stop + 1)
            }
        }

        flushQueue()
        let end = text.count
        if inString {
            emit(Tok.error, start, end)
        } else if inFloat {
            emit(Tok.numberFloat, start, end)
        } else if inNumber {
            emit(Tok.numberInteger, start, end)
        } else if inConstant {
            emit(Tok.keywordConstant, start, end)
        } else if inWhitespace {
            emit(Tok.whitespace, start, end)
        } else if inPunctuation {
            emit(Tok.punctuation, start, end)
        } else if inCommentSingle {
            emit(Tok.commentSingle, start, end)
        } else if inCommentMultiline || expectingSecondCommentOpener {
            emit(Tok.error, start, end)
        }
        return out
    }
}
