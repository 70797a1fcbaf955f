import TrellisCore

/// One published page of one brand, as the brand stages fill it in: its source, its Markdown
/// after macros and snippets, its rendered body (with its title, ids and links) and what was
/// reported about it.
struct PageRecord: Sendable {
    /// Its place in `SiteState.pages` (a preview that adds or drops pages moves it).
    var index: Int
    let source: SourcePage
    /// The text `RenderMarkdown` parses (set by `ExpandMacros`, then `IncludeSnippets`; empty
    /// before).
    var text = PageText(text: "", sourceMap: SourceMap())
    /// The body (set by `RenderMarkdown`, then amended by the stages after it).
    var rendered: RenderedPage
    /// What the page references (set by `IncludeSnippets` and `RunChecks`).
    var references = PageReferences()
    /// What each brand stage reported about this page, by the stage's name (a rebuild of the
    /// page replaces what the stages it reruns said).
    var diagnosticsByStage: [String: [Diagnostic]] = [:]
    /// The brand names the theme and settings put around this page (`RenderTemplates`).
    var themeLeaks: [String] = []

    init(index: Int, source: SourcePage) {
        self.index = index
        self.source = source
        rendered = RenderedPage(html: "", title: source.title, toc: [], ids: [], links: [])
    }

    var path: String { source.path }

    /// Everything the brand's stages reported about this page, sorted.
    var diagnostics: [Diagnostic] { diagnosticsByStage.values.flatMap { $0 }.sorted(by: Diagnostic.sortKey) }
}

/// What one page references.
struct PageReferences: Sendable {
    /// Files of the docs folder (docs-relative): linked, shown, or included as snippets.
    var files: Set<String> = []
    /// Every file its snippets read, wherever it is (real paths).
    var snippets: Set<String> = []
    /// The other pages it links to.
    var pages: Set<String> = []
    /// Its external http(s) links (collected for `--external` only).
    var external: Set<ExternalLinkReference> = []
}
