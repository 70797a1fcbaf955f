import TrellisCore
import TrellisMacros

/// Stage: parses each page's macros once (in parallel); every brand then only renders them.
struct ParseMacros: SiteStage {
    let name = "parse macros"

    func run(_ site: SiteState) throws {
        let results = ParallelMap.map(site.pages) { page -> (MacroTemplate?, [Diagnostic]) in
            guard page.meta.renderMacros else { return (nil, []) }
            let (template, diagnostics) = MacroTemplate.parse(
                String(page.body), file: page.file, sourceOffset: page.bodyOffset)
            return (template.isPlainText ? nil : template, diagnostics)
        }
        site.macroTemplates = results.map(\.0)
        site.engine.emit(contentsOf: results.flatMap(\.1))
    }
}
