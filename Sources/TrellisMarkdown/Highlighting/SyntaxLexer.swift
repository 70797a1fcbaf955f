/// One token of highlighted code: its Pygments type and its text.
public struct HighlightToken: Equatable, Sendable {
    public var type: TokenType
    public var text: Substring

    public init(_ type: TokenType, _ text: Substring) {
        self.type = type
        self.text = text
    }
}

/// A lexer: Pygments' `get_tokens_unprocessed` for one language. The tokens cover `text`
/// exactly, in order (their texts joined give `text` back). Pygments' preprocessing (newline
/// stripping, a final newline) happens once, before any lexer runs, in the highlighter.
public protocol SyntaxLexer: Sendable {
    func tokens(in text: Substring) -> [HighlightToken]
}
