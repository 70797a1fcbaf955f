/// Pygments' `TextLexer` (text) and `OutputLexer` (output): the whole text as one token,
/// `Text` or `Generic.Output`.
struct TextLexer: SyntaxLexer {
    var type = Tok.text

    func tokens(in text: Substring) -> [HighlightToken] {
        [HighlightToken(type, text)]
    }
}
