import Foundation
import TrellisCore

/// Stage: writes the brand's search index (see `SearchIndexFiles`) from its rendered pages:
/// every published page but those with front matter `search: exclude: true` and the blog's
/// generated views, cut into sections at their headings (in parallel).
struct IndexSearch: BrandStage {
    let name = "index search"
    var runsInLint: Bool { false }

    func run(_ state: BrandState, site: SiteState) throws {
        let settings = site.config.search
        guard settings.enabled, let output = state.output else { return }
        let plan = state.outputPlan
        let indexed = state.published.indices.filter { i in
            let page = site.pages[state.published[i]]
            return plan.keeps(.page, page.path) && !page.meta.excludedFromSearch && !state.rendered[i].isBlogView
        }
        let collector = SearchSectionCollector(includeCode: settings.includeCode)
        let tokenizer = SearchTokenizer(settings)
        let writer = SearchIndexFiles()
        // Per page, in parallel: its sections, its fragment file written, its terms counted.
        var pages = ParallelMap.map(Array(indexed.enumerated())) { n, i -> (SearchIndex.PageTerms, Diagnostic?) in
            let page = site.pages[state.published[i]]
            let rendered = state.rendered[i]
            let document = SearchDocument(
                title: rendered.title, url: page.url, sections: collector.sections(of: rendered.bodyHTML() ?? ""),
                boost: page.meta.searchBoost)
            let fragment = writer.fragment(document, number: n)
            return (SearchIndex.pageTerms(document, tokenizer: tokenizer), Self.write(fragment, to: output))
        }
        var failures = pages.compactMap(\.1)
        let terms = pages.map(\.0)
        pages = []
        let index = SearchIndex(pages: consume terms)
        failures += ParallelMap.map(writer.files(for: index, settings: settings)) { Self.write($0, to: output) }.compactMap { $0 }
        site.engine.emit(contentsOf: failures)
    }

    private static func write(_ file: (path: String, text: String), to output: OutputFolder) -> Diagnostic? {
        do {
            try output.write(file.text, to: file.path)
            return nil
        } catch {
            return Diagnostic(.io, path: nil, at: nil, message: "cannot write the search index file '\(file.path)': \(error)")
        }
    }
}
