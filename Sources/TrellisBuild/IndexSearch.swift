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
        let documents = ParallelMap.map(indexed) { i -> SearchDocument in
            let page = site.pages[state.published[i]]
            let rendered = state.rendered[i]
            return SearchDocument(
                title: rendered.title, url: page.url, sections: collector.sections(of: rendered.bodyHTML() ?? ""),
                boost: page.meta.searchBoost)
        }
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(settings))
        let files = SearchIndexFiles().files(for: index, settings: settings)
        let failures = ParallelMap.map(files) { file -> Diagnostic? in
            do {
                try output.write(file.text, to: file.path)
                return nil
            } catch {
                return Diagnostic(.io, path: nil, at: nil, message: "cannot write the search index file '\(file.path)': \(error)")
            }
        }
        site.engine.emit(contentsOf: failures.compactMap { $0 })
    }
}
