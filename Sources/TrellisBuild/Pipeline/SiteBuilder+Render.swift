import Foundation
import TrellisCore

/// What `trellis render` gives: one page's body as the build writes it, and what went wrong.
public struct RenderReport: Sendable {
    /// The page's body, the HTML the build puts inside the theme's article; empty when the
    /// build writes no page for it.
    public var html = ""
    public var outcome: BuildOutcome = .success
    public var diagnostics: [Diagnostic] = []
    /// Source files by diagnostic path, so printers can show the offending line.
    public var sources: [String: SourceFile] = [:]
}

extension SiteBuilder {
    /// `trellis render`: `page` as the one page of the site at `options.root`, run through the
    /// build's own stages (those that make a page's body, see `BuildMode.render`) with the site's
    /// config (MkDocs or Trellis; a page outside any site gets Trellis's defaults) and the first
    /// brand `options` selects. Nothing is written. Diagnostics name the page `displayPath`
    /// (the file as the user named it) instead of its place in the docs folder.
    public static func render(_ page: PageSource, displayPath: String, options: BuildOptions) -> RenderReport {
        var options = options
        options.mode = .render
        options.docs = .memory([page])
        var html = ""
        let (build, site) = run(options) { state, site in
            if let body = state.pages.first?.rendered.bodyHTML() {
                html = body
                return
            }
            let path = page.docsPath(in: site.docsDir)
            let reason =
                site.pages.isEmpty
                ? "the site's 'exclude_docs' or 'draft_docs' leave it out"
                : "its front matter's 'brands' leaves out brand '\(state.brand.id)'"
            site.engine.emit(
                Diagnostic(
                    site.pages.isEmpty ? .renderExcludedPage : .renderOtherBrandPage, path: displayPath, range: nil,
                    message: "the build writes no page for '\(path)': \(reason)"))
        }
        var report = RenderReport(html: html, outcome: build.outcome, sources: build.sources)
        // The stages name the page by its place in the docs folder, as a build does.
        let builtPath = site.pages.first?.file.path
        report.diagnostics = build.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if let builtPath, diagnostic.path == builtPath { diagnostic.path = displayPath }
            return diagnostic
        }.sorted(by: Diagnostic.sortKey)
        if let builtPath, let file = report.sources.removeValue(forKey: builtPath) {
            report.sources[displayPath] = SourceFile(path: displayPath, text: file.text)
        }
        return report
    }
}
