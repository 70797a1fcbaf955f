import Foundation
import TrellisCore
import TrellisIcons
import TrellisMarkdown

/// A page's body rendered for one brand, with what the later stages need to know about it.
struct RenderedPage: Sendable {
    var html: String
    /// The page's title (`SourcePage.title(heading:)` with its first level-1 heading after
    /// macros): the nav's, `<title>`'s and search's, and `page.title`'s on a Trellis site.
    var title: String
    var toc: [TOCEntry]
    /// Every anchor target of the page (heading ids and raw HTML ids).
    var ids: Set<String>
    var links: [PageLink]
    /// Every heading with its id, text and position, in document order.
    var headings: [PageHeading] = []
    /// Headings numbered because an earlier heading has the same slug, as the heading ids
    /// were assigned (see `HeadingIDCollision`).
    var headingIDCollisions: [PageHeadingCollision] = []
    /// Links whose text is empty (`[](x.md)`).
    var emptyLinks: [PageLink] = []
    /// Whether the page embeds a walkthrough (so it gets the player's script and stylesheet).
    var hasWalkthrough = false
    /// Whether the body has a level-1 heading (Markdown or raw HTML); if not, the theme shows
    /// the title as one, as Material does.
    var hasHeading1 = false
    /// A big page's HTML, kept out of memory (`html` is then empty).
    var spooledHTML: SpooledHTML?
    /// A view of Material's blog (index, archive, category): its theme shows no title heading.
    var isBlogView = false

    /// The page's body HTML; `nil` if its spool file cannot be read back.
    func bodyHTML() -> String? {
        guard let spooledHTML else { return html }
        return spooledHTML.read()
    }
}

/// A heading as the checks see it.
struct PageHeading: Sendable {
    var id: String
    var text: String
    var location: SourceLocation
}

/// A heading numbered because an earlier one has the same slug, at its place in the file.
struct PageHeadingCollision: Sendable {
    var heading: PageHeading
    /// The id of the earlier heading.
    var earlierID: String
}

/// Stage: parses each expanded page with cmark, runs the Markdown rewriters (icons, heading
/// ids, links) and renders the body HTML (in parallel).
struct RenderMarkdown: PageStage {
    let name = "render markdown"
    var runsInRender: Bool { true }

    struct Context: Sendable {
        var resolver: LinkResolver
        var settings: MarkdownSettings
        var icons: ShortcodeResolver
        /// Where big pages' HTML is spooled: only a build writes pages, so only a build keeps it.
        var spoolFolder: URL?
    }

    func prepare(_ state: BrandState, site: SiteState) -> Context? {
        Context(
            resolver: state.resolver, settings: state.markdownSettings(site: site), icons: state.shortcodes(site: site),
            spoolFolder: state.output?.staging)
    }

    func update(_ record: inout PageRecord, context: Context, site: SiteState) -> [Diagnostic] {
        let text = record.text
        let spool = text.text.utf8.count >= SpooledHTML.minimumTextBytes ? context.spoolFolder.flatMap(SpooledHTML.init(in:)) : nil
        let (rendered, diagnostics) = Self.render(
            record.source, text: text, icons: context.icons, resolver: context.resolver, settings: context.settings, spool: spool)
        record.rendered = rendered
        return diagnostics
    }

    /// Renders one page; with `spool`, its HTML goes there instead of into `html`. Links are
    /// written relative to `linkBase` when given (an excerpt shown on another page), else to
    /// the page's own URL.
    static func render(
        _ page: SourcePage, text: PageText, icons: ShortcodeResolver, resolver: LinkResolver?,
        settings: MarkdownSettings = MarkdownSettings(), spool: SpooledHTML? = nil, linkBase: String? = nil
    ) -> (RenderedPage, [Diagnostic]) {
        let pagePath = page.path, pageURL = linkBase ?? page.url
        var rewrite: LinkRewriter.Resolve?
        if let resolver {
            rewrite = { @Sendable (target: TrellisMarkdown.LinkTarget) -> String? in
                resolver.rewrite(target.destination, fromPage: pagePath, pageURL: pageURL)
            }
        }
        let pipeline = settings.pipeline(icons: icons, resolveLink: rewrite)
        var processed =
            if let spool {
                MarkdownPage.process(text: text.text, pipeline: pipeline, renderer: settings.renderer, writingHTML: spool.append)
            } else {
                MarkdownPage.process(text: text.text, pipeline: pipeline, renderer: settings.renderer)
            }
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
        diagnostics += processed.blockProblems.map { problem in
            Diagnostic(.blockSyntax, path: page.file.path, at: location(problem.position), message: problem.message)
        }
        let title = page.title(heading: processed.title)
        var rendered = RenderedPage(
            html: processed.html, title: title, toc: processed.toc, ids: processed.pageIDs, links: [])
        rendered.hasWalkthrough = processed.renderedDirectives.contains(WalkthroughDirective.name)
        rendered.headingIDCollisions = processed.headingIDCollisions.map { collision in
            PageHeadingCollision(
                heading: PageHeading(id: collision.id, text: collision.text, location: location(collision.position)),
                earlierID: collision.earlierID)
        }
        // Material looks for "<h1" in the page's HTML; a spooled big page is looked at by its tree.
        rendered.hasHeading1 = processed.html.contains("<h1")
        // A failed spool write leaves the HTML in `processed.html`.
        if processed.html.isEmpty { rendered.spooledHTML = spool }
        var document = processed.document
        // A walk, not `preorder()`: a big page's array of every node is not needed.
        for event in document.events() where event.entering {
            let node = event.node
            let start = document.span(of: node)?.start ?? TextPosition(line: 1, byteColumn: 1)
            switch document.kind(of: node) {
            case .heading(let level, let id?):
                if level == 1 { rendered.hasHeading1 = true }
                rendered.headings.append(
                    PageHeading(id: id, text: document.plainText(of: node), location: location(start)))
            // `[](){#ref-x}`, an empty link to nowhere, is an anchor (autorefs), not a link.
            case .link(let destination, _) where !destination.isEmpty && !hasVisibleContent(node, in: document):
                // Name the link as written, not as rewritten.
                let written = processed.links.first { $0.kind == .link && $0.linkStart == start }?.destination
                rendered.emptyLinks.append(
                    PageLink(destination: written ?? destination, location: location(start), isImage: false))
            default:
                break
            }
        }
        // The tree is let go of before the links are copied out: a big page never holds both.
        document = MarkdownDocument()
        processed.document = document
        rendered.links = processed.links.map { link in
            // A cross-reference's destination is in a definition after the page: its place is the link.
            let isAutoref = link.destination.hasPrefix(Autorefs.scheme)
            return PageLink(
                destination: link.destination, location: location(isAutoref ? link.linkStart : link.position),
                isImage: link.kind == .image,
                hasAltText: link.hasAltText ?? true)
        }
        return (rendered, diagnostics)
    }
}

/// Whether a link shows anything: text, code, an image or inserted markup (an icon).
private func hasVisibleContent(_ node: NodeID, in document: MarkdownDocument) -> Bool {
    for inner in document.preorder(from: node) where inner != node {
        switch document.kind(of: inner) {
        case .text(let text) where !text.allSatisfy(\.isWhitespace): return true
        case .code, .image, .rawHTML, .inlineHTML, .inlineMarkup: return true
        default: continue
        }
    }
    return false
}
