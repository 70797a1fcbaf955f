import Foundation
import TrellisCore
import TrellisIcons
import TrellisMarkdown

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
            spoolFolder: state.output?.spoolFolder)
    }

    func update(_ record: inout PageRecord, context: Context, site: SiteState) -> [Diagnostic] {
        let text = record.text
        let spool = text.text.utf8.count >= SpooledHTML.minimumTextBytes ? context.spoolFolder.flatMap(SpooledHTML.init(in:)) : nil
        let (rendered, diagnostics) = PageRenderer.render(
            record.source, text: text, icons: context.icons, resolver: context.resolver, settings: context.settings, spool: spool)
        record.rendered = rendered
        return diagnostics
    }
}
