/// What pymdownx.highlight learns from Pygments about a fence's language, without highlighting:
/// whether a lexer of that name exists, its first alias and its display name.
///
/// Pygments looks a lexer up by alias, ignoring case; a language it does not know falls back
/// to the `text` lexer. The aliases come from `PygmentsLexers.swift`, generated from Pygments by
/// `scripts/update-pygments-lexers.py`.
public struct PygmentsLexer: Hashable, Sendable {
    /// The lexer's first alias (`python` for `py`), the name pymdownx writes for a fallback.
    public var firstAlias: String
    /// The lexer's display name (`Python`), which `auto_title` turns into a title.
    public var name: String

    /// Lowercased alias → lexer, read once from the generated table.
    static let table: [String: PygmentsLexer] = {
        var table: [String: PygmentsLexer] = [:]
        for line in pygmentsLexerTable.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, table[String(fields[0])] == nil else { continue }
            table[String(fields[0])] = PygmentsLexer(firstAlias: String(fields[1]), name: String(fields[2]))
        }
        return table
    }()

    /// The lexer Pygments' `get_lexer_by_name` finds for `alias`, if any.
    public static func named(_ alias: String) -> PygmentsLexer? {
        table[alias.lowercased()]
    }

    /// The `text` lexer, Pygments' fallback.
    public static let text = PygmentsLexer(firstAlias: "text", name: "Text only")
}
