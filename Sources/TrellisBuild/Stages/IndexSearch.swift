import Foundation
import TrellisCore

/// Stage: writes the brand's search index (see `SearchIndexFiles`) from its rendered pages:
/// every published page but those with front matter `search: exclude: true` and the blog's
/// generated views, cut into sections at their headings (in parallel).
struct IndexSearch: BrandStage {
    let name = "index search"
    var runsInLint: Bool { false }

    func run(_ state: inout BrandState, site: SiteState) throws {
        let settings = site.config.search
        guard settings.enabled, let output = state.output else { return }
        let plan = state.outputPlan
        let records = state.pages
        let indexed = records.indices.filter { i in
            plan.keeps(.page, records[i].path) && !records[i].source.meta.excludedFromSearch && !records[i].rendered.isBlogView
        }
        let collector = SearchSectionCollector(includeCode: settings.includeCode)
        let tokenizer = SearchTokenizer(settings)
        let writer = SearchIndexFiles()
        // Per run of consecutive pages, in parallel: each page's sections, its fragment file
        // written, its terms counted; then the runs' terms merged and scored.
        let parts = ParallelMap.map(SearchIndex.chunks(of: indexed.count)) { range -> (SearchIndex.Builder, [Diagnostic]) in
            var builder = SearchIndex.Builder(firstPage: range.lowerBound)
            var failures: [Diagnostic] = []
            for n in range {
                let page = records[indexed[n]].source
                let rendered = records[indexed[n]].rendered
                let document = SearchDocument(
                    title: rendered.title, url: page.url, sections: collector.sections(of: rendered.bodyHTML() ?? ""),
                    boost: page.meta.searchBoost)
                if let failure = Self.write(writer.fragment(document, number: n), to: output) { failures.append(failure) }
                builder.add(document, tokenizer: tokenizer)
            }
            return (builder, failures)
        }
        var failures = parts.flatMap(\.1)
        let index = SearchIndex(merging: parts.map(\.0))
        failures += ParallelMap.map(writer.files(for: index, settings: settings)) { Self.write($0, to: output) }.compactMap { $0 }
        site.engine.emit(contentsOf: failures)
    }

    private static func write(_ file: (path: String, text: String), to output: any OutputWriter) -> Diagnostic? {
        do {
            try output.write(file.text, to: file.path)
            return nil
        } catch {
            return Diagnostic(.io, path: nil, at: nil, message: "cannot write the search index file '\(file.path)': \(error)")
        }
    }
}
