import Foundation
import TrellisCore

/// Stage: `pymdownx.snippets` — snippet notation is replaced by the files' lines, after macros
/// and before Markdown, as in MkDocs: `--8<-- "file"` lines, `--8<--` blocks listing files,
/// sections (`file:name`), line ranges (`file:3:5,8:`), `auto_append`, and the options
/// `SnippetOptions` reads. Paths resolve against `base_path` (default: the site root; MkDocs'
/// `!relative` is the page's folder, `!relative $config_dir/…` and `$docs_dir/…` as it expands them).
struct IncludeSnippets: BrandStage {
    let name = "include snippets"
    var runsInRender: Bool { true }

    func run(_ state: BrandState, site: SiteState) throws {
        guard let options = site.settings.snippets else { return }
        let bases = options.basePaths.map { SnippetIncluder.Base($0, root: site.root, docsDir: site.docsDir) }
        var includer = SnippetIncluder(bases: bases, project: site.project, options: options)
        includer.root = site.root
        includer.configPath = site.config.path
        includer.plainMkDocs = site.isPlainMkDocs
        if options.basePaths != ["."] {
            includer.describedBases = options.basePaths.map { $0 == "$page_dir" ? "the page's folder" : $0.hasPrefix("$") ? "'!relative \($0)'" : "'\($0)'" }
                .joined(separator: ", ")
        }
        let prepared = includer
        let results = ParallelMap.map(Array(state.published.indices)) { i -> (PageText, [Diagnostic], Set<String>) in
            prepared.include(into: state.expanded[i], file: site.pages[state.published[i]].file)
        }
        state.expanded = results.map(\.0)
        site.engine.emit(contentsOf: results.flatMap(\.1))
        // A file of the docs folder used as a snippet is used (not an UnusedAsset).
        let docs = site.docsDir.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let used = Set(results.flatMap(\.2).compactMap { $0.hasPrefix(docs) ? String($0.dropFirst(docs.count)) : nil })
        if !used.isEmpty { site.recordUsage(files: used, linkedFrom: [:], external: []) }
    }
}
