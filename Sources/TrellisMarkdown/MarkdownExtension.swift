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
}
