/// The options of the inline extensions (`pymdownx.mark`, `caret`, `tilde`, `keys`,
/// `magiclink`, `smartsymbols`, `abbr`), as a site's `mkdocs.yml` sets them; the defaults are
/// the extensions' own. Whether each runs at all is the pipeline's `extensions`.
public struct InlineExtensionSettings: Sendable {
    /// `pymdownx.mark`'s delimiter (`smart_mark`).
    public var mark: InlineDelimiter = .mark()
    /// `pymdownx.caret`'s delimiter; `nil` when `insert` and `superscript` are both off.
    public var caret: InlineDelimiter? = .caret()
    /// `pymdownx.tilde`'s delimiter; `nil` when `delete` and `subscript` are both off.
    public var tilde: InlineDelimiter? = .tilde()
    /// `pymdownx.keys`' options.
    public var keys = KeysOptions()
    /// `pymdownx.magiclink`'s options.
    public var magicLink = MagicLinkOptions()
    /// `pymdownx.smartsymbols`' options.
    public var smartSymbols = SmartSymbolsOptions()
    /// `abbr`'s `glossary`: abbreviations and titles every page has.
    public var glossary: [(String, String)] = []
    /// `pymdownx.betterem`'s `smart_enable` makes `*` smart (`all`, `asterisk`).
    public var smartAsterisk = false

    public init() {}

    /// The delimiters of the extensions on, in pymdownx's order.
    func delimiters(for extensions: Set<MarkdownExtension>) -> [InlineDelimiter] {
        var delimiters: [InlineDelimiter] = []
        if extensions.contains(.mark) { delimiters.append(mark) }
        if extensions.contains(.caret), let caret { delimiters.append(caret) }
        if extensions.contains(.tilde), let tilde { delimiters.append(tilde) }
        return delimiters
    }
}
