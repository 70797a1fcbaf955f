/// Every lexer Trellis knows, by Pygments alias (case-insensitive): the hand-written lexers of
/// `customLexers` (Pygments lexers that are not regular-expression tables) and the rule-table
/// lexers generated from Pygments.
public enum SyntaxLexers {
    /// The lexer Pygments' `get_lexer_by_name(alias)` would use, if Trellis has it.
    public static func lexer(named alias: String) -> (any SyntaxLexer)? {
        customLexers[alias.lowercased()]
    }
}
