import Foundation

extension LiterateNav {
    /// The plugin's nav for a site's docs folder. The plugin sees excluded files too: an
    /// excluded nav file is still read, and a wildcard still lists excluded pages (which the
    /// nav then notes, as MkDocs does); files the `exclude` plugin removed are gone.
    static func resolve(_ options: Options, configNav: [NavEntry]?, site: SiteState) -> Result {
        let docs = site.docsDir
        let excluded = site.files.excluded.keys.filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }
        let files = Set(site.pages.map(\.path)).union(site.files.staticFiles).union(site.files.excluded.keys)
        var literate = LiterateNav(
            options: options, docsDir: site.config.docsDir,
            pages: site.pages.map(\.path) + excluded, fileExists: { files.contains($0) },
            readFile: { try? String(contentsOf: docs.appending(path: $0), encoding: .utf8) })
        return literate.resolve(configNav: configNav)
    }
}
