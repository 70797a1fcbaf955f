/// Pygments' `OutputLexer` (output): the whole text as one `Generic.Output` token.
struct OutputLexer: SyntaxLexer {
    func tokens(in text: Substring) -> [HighlightToken] {
        [HighlightToken(Tok.genericOutput, text)]
    }
}
