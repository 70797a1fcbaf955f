import Foundation
import TrellisCore
import TrellisIcons
import TrellisMarkdown

/// Renders one page's Markdown for one brand: cmark, the Markdown rewriters (icons, heading ids,
/// links, blocks) and the body HTML, with what the later stages need to know about the page
/// and the problems found, placed in the page's file. `RenderMarkdown` runs it for every page;
/// the blog's excerpts and the fuzzers run it too.
enum PageRenderer {
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
        rendered.ownTitle = title
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
