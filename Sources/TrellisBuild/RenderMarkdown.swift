import TrellisCore
import TrellisIcons
import TrellisMarkdown

/// A page's body rendered for one brand, with what the later stages need to know about it.
struct RenderedPage: Sendable {
    var html: String
    /// Front matter title, else the first `# ` heading, else the file name.
    var title: String
    var toc: [TOCEntry]
    /// Every anchor target of the page (heading ids and raw HTML ids).
    var ids: Set<String>
    var links: [PageLink]
}

/// Stage: parses each expanded page with cmark, runs the Markdown rewriters (icons, heading
/// ids, links) and renders the body HTML (in parallel).
struct RenderMarkdown: BrandStage {
    let name = "render markdown"

    func run(_ state: BrandState, site: SiteState) throws {
        let resolver = state.resolver(site: site)
        let icons = IconAdapter(library: state.icons)
        let results = ParallelMap.map(Array(state.published.indices)) { i -> (RenderedPage, [Diagnostic]) in
            let page = site.pages[state.published[i]]
            return Self.render(page, text: state.expanded[i], icons: icons, resolver: resolver)
        }
        state.rendered = results.map(\.0)
        site.engine.emit(contentsOf: results.flatMap(\.1))
    }

    static func render(_ page: SourcePage, text: PageText, icons: IconAdapter, resolver: LinkResolver?) -> (
        RenderedPage, [Diagnostic]
    ) {
        let pagePath = page.path, pageURL = page.url
        var rewrite: LinkRewriter.Resolve?
        if let resolver {
            rewrite = { @Sendable (target: TrellisMarkdown.LinkTarget) -> String? in
                resolver.rewrite(target.destination, fromPage: pagePath, pageURL: pageURL)
            }
        }
        let pipeline = MarkdownPipeline.standard(icons: icons, resolveLink: rewrite)
        let processed = MarkdownPage.process(text: text.text, pipeline: pipeline)
        let parsed = ParsedText(text.text)
        func location(_ position: TextPosition) -> SourceLocation {
            let offset = text.sourceMap.sourceOffset(forOutputOffset: parsed.utf8Offset(of: position))
            return page.file.location(ofUTF8Offset: offset)
        }
        let diagnostics = processed.iconProblems.map { problem in
            var message = "unknown icon '\(problem.name)'"
            if !problem.suggestions.isEmpty {
                let quoted = problem.suggestions.prefix(3).map { "'\($0)'" }
                let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
                message += "; did you mean \(list)?"
            }
            return Diagnostic(.unknownIcon, path: page.file.path, at: location(problem.position), message: message)
        }
        let links = processed.links.map { link in
            PageLink(destination: link.destination, location: location(link.position), isImage: link.kind == .image)
        }
        let title = page.meta.title ?? processed.title ?? SourcePage.titleFromName(page.path)
        let rendered = RenderedPage(
            html: processed.html, title: title, toc: processed.toc, ids: processed.pageIDs, links: links)
        return (rendered, diagnostics)
    }
}

/// Lets the Markdown rewriters ask a brand's icon library about shortcodes.
struct IconAdapter: IconResolving {
    let library: IconLibrary

    func resolveIcon(_ name: String) -> IconResolution {
        switch library.lookup(name) {
        case .html(let html): return .html(html)
        case .notAnIcon: return .notAnIcon
        case .unknown(let suggestions): return .unknown(suggestions: suggestions)
        }
    }
}
