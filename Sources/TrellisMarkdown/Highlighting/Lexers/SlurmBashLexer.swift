/// Pygments' `SlurmBashLexer` (slurm, sbatch): the Bash lexer's tokens, with `srun` (a `Text`
/// token) as `Name.Builtin` and comments mentioning `SBATCH` as `Keyword.Pseudo`.
struct SlurmBashLexer: SyntaxLexer {
    func tokens(in text: Substring) -> [HighlightToken] {
        guard let bash = SyntaxLexers.lexer(named: "bash") else { return [HighlightToken(Tok.text, text)] }
        return bash.tokens(in: text).map { token in
            if token.type == Tok.text, token.text == "srun" {
                return HighlightToken(Tok.nameBuiltin, token.text)
            }
            if token.type == Tok.commentSingle, token.text.contains("SBATCH") {
                return HighlightToken(Tok.keywordPseudo, token.text)
            }
            return token
        }
    }
}
