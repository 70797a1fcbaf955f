import TrellisCore

/// Stage: on an MkDocs site, takes out of the discovered files what MkDocs does not build:
/// the `exclude` plugin's matches (gone, as if not there), `exclude_docs` (with MkDocs' own
/// `.*` and `/templates/`) and `draft_docs` (kept aside, so links to them are rewritten and
/// noted as MkDocs does), and marks the `not_in_nav` pages.
struct ExcludeFiles: SiteStage {
    let name = "exclude files"
    var runsInRender: Bool { true }

    func run(_ site: inout SiteState) throws {
        guard let inclusion = site.settings.inclusion else { return }
        site.files = Self.apply(inclusion, to: site.files, directoryURLs: site.config.directoryURLs)
    }

    static func apply(_ inclusion: DocsInclusion, to files: DiscoveredFiles, directoryURLs: Bool) -> DiscoveredFiles {
        var result = DiscoveredFiles()
        result.inMemory = files.inMemory
        let pages = files.pages.filter { !inclusion.removedByPlugin($0) }
        let indexPages = SourcePage.indexPages(pages)
        for path in pages {
            switch inclusion.level(of: path) {
            case .excluded:
                result.excluded[path] = SourcePage.url(
                    forPath: path, isIndex: indexPages.contains(path), directoryURLs: directoryURLs)
            case .notInNav:
                result.notInNav.insert(path)
                result.pages.append(path)
            case .included:
                result.pages.append(path)
            }
        }
        for path in files.staticFiles where !inclusion.removedByPlugin(path) {
            if inclusion.level(of: path) == .excluded {
                result.excluded[path] = PercentEncoding.path(path)
            } else {
                result.staticFiles.append(path)
            }
        }
        return result
    }
}
