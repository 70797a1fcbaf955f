/// A Markdown extension beyond CommonMark that a site turns on, named after the MkDocs extension
/// whose syntax and HTML it reproduces.
///
/// All are off by default, so plain CommonMark pages render exactly as cmark renders them.
public enum MarkdownExtension: String, Hashable, Sendable, CaseIterable {
    /// Python-Markdown `admonition`: `!!! type "Title"` with a 4-space-indented body.
    case admonition
    /// `pymdownx.details`: `??? type "Title"` (collapsed) and `???+` (open).
    case details
    /// `pymdownx.tabbed` with `alternate_style: true`: consecutive `=== "Title"` blocks.
    case tabbed
    /// Python-Markdown `tables`: pipe tables (header row, delimiter row, body rows).
    case tables
    /// Python-Markdown `footnotes`: `[^label]` references and `[^label]: text` definitions.
    case footnotes

    /// The extension an `mkdocs.yml` `markdown_extensions` entry names (`admonition`,
    /// `pymdownx.details`, `pymdownx.tabbed`, `tables`, `footnotes`, also as
    /// `markdown.extensions.admonition`, `markdown.extensions.tables` and `markdown.extensions.footnotes`); `nil` for any other entry.
    public init?(mkdocsName: String) {
        switch mkdocsName {
        case "admonition", "markdown.extensions.admonition": self = .admonition
        case "pymdownx.details": self = .details
        case "pymdownx.tabbed": self = .tabbed
        case "tables", "markdown.extensions.tables": self = .tables
        case "footnotes", "markdown.extensions.footnotes": self = .footnotes
        default: return nil
        }
    }
}
