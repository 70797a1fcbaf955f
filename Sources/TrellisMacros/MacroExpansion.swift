import TrellisCore

/// A page body with its macros expanded for one brand.
public struct MacroExpansion: Sendable {
    /// The expanded Markdown, ready for cmark.
    public var text: String
    /// Maps UTF-8 offsets of `text` back to UTF-8 offsets of the page's file.
    public var sourceMap: SourceMap
    /// Problems found while rendering (undefined variables, type errors), at file positions.
    public var diagnostics: [Diagnostic]
    /// The error that makes the MkDocs macros plugin show its error page instead of the page
    /// (`UndefinedError: 'f' is undefined` for a call of a function Trellis cannot run), if any.
    public var pageError: String?

    public init(text: String, sourceMap: SourceMap, diagnostics: [Diagnostic] = []) {
        self.text = text
        self.sourceMap = sourceMap
        self.diagnostics = diagnostics
    }
}
