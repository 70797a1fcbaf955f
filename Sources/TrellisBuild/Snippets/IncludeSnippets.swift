import Foundation
import TrellisCore

/// Stage: `pymdownx.snippets` — snippet notation is replaced by the files' lines, after macros
/// and before Markdown, as in MkDocs: `--8<-- "file"` lines, `--8<--` blocks listing files,
/// sections (`file:name`), line ranges (`file:3:5,8:`), `auto_append`, and the options
/// `SnippetOptions` reads. Paths resolve against `base_path` (default: the site root; MkDocs'
/// `!relative` is the page's folder, `!relative $config_dir/…` and `$docs_dir/…` as it expands them).
struct IncludeSnippets: PageStage {
    let name = "include snippets"
    var runsInRender: Bool { true }

    struct Context: Sendable {
        var includer: SnippetIncluder
        /// The docs folder's real path with a slash: a file under it used as a snippet is used
        /// (not an UnusedAsset).
        var docsPrefix: String
    }

    func prepare(_ state: BrandState, site: SiteState) -> Context? {
        guard let options = site.settings.snippets else { return nil }
        let bases = options.basePaths.map { SnippetIncluder.Base($0, root: site.root, docsDir: site.docsDir) }
        var includer = SnippetIncluder(bases: bases, project: site.project, options: options)
        includer.root = site.root
        includer.configPath = site.config.path
        includer.plainMkDocs = site.isPlainMkDocs
        if options.basePaths != ["."] {
            includer.describedBases = options.basePaths.map { $0 == "$page_dir" ? "the page's folder" : $0.hasPrefix("$") ? "'!relative \($0)'" : "'\($0)'" }
                .joined(separator: ", ")
        }
        return Context(includer: includer, docsPrefix: site.docsDir.standardizedFileURL.resolvingSymlinksInPath().path + "/")
    }

    func update(_ record: inout PageRecord, context: Context, site: SiteState) -> [Diagnostic] {
        let (text, diagnostics, files) = context.includer.include(into: record.text, file: record.source.file)
        record.text = text
        let prefix = context.docsPrefix
        record.references.files.formUnion(files.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil })
        record.references.snippets = files
        return diagnostics
    }
}
