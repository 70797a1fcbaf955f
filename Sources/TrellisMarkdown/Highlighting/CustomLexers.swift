extension SyntaxLexers {
    /// The hand-written lexers (Pygments lexers written as code rather than rule tables), by
    /// every Pygments alias.
    static let customLexers: [String: any SyntaxLexer] = [:]
}
