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
    /// Every heading with its id, text and position, in document order.
    var headings: [PageHeading] = []
    /// Links whose text is empty (`[](x.md)`).
    var emptyLinks: [PageLink] = []
    /// Whether the page embeds a walkthrough (so it gets the player's script and stylesheet).
    var hasWalkthrough = false
}

/// A heading as the checks see it.
struct PageHeading: Sendable {
    var id: String
    var text: String
    var location: SourceLocation
}

/// Stage: parses each expanded page with cmark, runs the Markdown rewriters (icons, heading
/// ids, links) and renders the body HTML (in parallel).
struct RenderMarkdown: BrandStage {
    let name = "render markdown"

    func run(_ state: BrandState, site: SiteState) throws {
        let resolver = state.resolver(site: site)
        let icons = IconAdapter(library: state.icons)
        var brandSettings = site.markdownSettings
        brandSettings.directives = [WalkthroughDirective.directive(for: state)]
        let settings = brandSettings
        let results = ParallelMap.map(Array(state.published.indices)) { i -> (RenderedPage, [Diagnostic]) in
            let page = site.pages[state.published[i]]
            return Self.render(page, text: state.expanded[i], icons: icons, resolver: resolver, settings: settings)
        }
        state.rendered = results.map(\.0)
        site.engine.emit(contentsOf: results.flatMap(\.1))
    }

    static func render(
        _ page: SourcePage, text: PageText, icons: IconAdapter, resolver: LinkResolver?,
        settings: MarkdownSettings = MarkdownSettings()
    ) -> (RenderedPage, [Diagnostic]) {
        let pagePath = page.path, pageURL = page.url
        var rewrite: LinkRewriter.Resolve?
        if let resolver {
            rewrite = { @Sendable (target: TrellisMarkdown.LinkTarget) -> String? in
                resolver.rewrite(target.destination, fromPage: pagePath, pageURL: pageURL)
            }
        }
        let processed = MarkdownPage.process(
            text: text.text, pipeline: settings.pipeline(icons: icons, resolveLink: rewrite), renderer: settings.renderer)
        let parsed = processed.source
        func location(_ position: TextPosition) -> SourceLocation {
            let offset = text.sourceMap.sourceOffset(forOutputOffset: parsed.inputOffset(of: position))
            return page.file.location(ofUTF8Offset: offset)
        }
        var diagnostics = processed.iconProblems.map { problem in
            var message = "unknown icon '\(problem.name)'"
            // Only the closest: the next ones are rarely what the author meant.
            if let best = problem.suggestions.first { message += "; did you mean '\(best)'?" }
            return Diagnostic(.unknownIcon, path: page.file.path, at: location(problem.position), message: message)
        }
        diagnostics += processed.directiveProblems.map { problem in
            Diagnostic(.directiveError, path: page.file.path, at: location(problem.position), message: problem.message)
        }
        diagnostics += processed.nestingProblems.map { problem in
            Diagnostic(.nestingLimit, path: page.file.path, at: location(problem.position), message: problem.message)
        }
        let links = processed.links.map { link in
            PageLink(
                destination: link.destination, location: location(link.position), isImage: link.kind == .image,
                hasAltText: link.hasAltText ?? true)
        }
        let title = page.meta.title ?? processed.title ?? SourcePage.titleFromName(page.path)
        var rendered = RenderedPage(
            html: processed.html, title: title, toc: processed.toc, ids: processed.pageIDs, links: links)
        rendered.hasWalkthrough = processed.renderedDirectives.contains(WalkthroughDirective.name)
        let document = processed.document
        for node in document.preorder() {
            let start = document.span(of: node)?.start ?? TextPosition(line: 1, byteColumn: 1)
            switch document.kind(of: node) {
            case .heading(_, let id?):
                rendered.headings.append(
                    PageHeading(id: id, text: document.plainText(of: node), location: location(start)))
            case .link(let destination, _) where !hasVisibleContent(node, in: document):
                // Name the link as written, not as rewritten.
                let written = processed.links.first { $0.kind == .link && $0.linkStart == start }?.destination
                rendered.emptyLinks.append(
                    PageLink(destination: written ?? destination, location: location(start), isImage: false))
            default:
                break
            }
        }
        return (rendered, diagnostics)
    }
}

/// Whether a link shows anything: text, code, an image or inserted markup (an icon).
private func hasVisibleContent(_ node: NodeID, in document: MarkdownDocument) -> Bool {
    for inner in document.preorder(from: node) where inner != node {
        switch document.kind(of: inner) {
        case .text(let text) where !text.allSatisfy(\.isWhitespace): return true
        case .code, .image, .rawHTML, .inlineHTML: return true
        default: continue
        }
    }
    return false
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
