import Foundation
import TrellisCore
import TrellisTemplates

/// Stage: claims every path the brand's output will hold (pages, redirect pages, `404.html`,
/// the sitemap, the search index's files,
/// the brand's logo and favicon, the docs folder's files, `custom_dir` files, theme assets) and
/// reports collisions (see `OutputPlan`), before anything is written. Lint runs it too.
struct CheckOutputPaths: BrandStage {
    let name = "check output paths"

    func run(_ state: inout BrandState, site: SiteState) throws {
        let docs = site.config.docsDir
        var claims: [OutputClaim] = []
        for page in state.pages.map(\.source) {
            claims.append(
                OutputClaim(
                    kind: .page, source: page.path, outputPath: page.outputPath, described: "the page '\(page.file.path)'",
                    reportedAt: page.file.path))
        }
        for (from, outputPath) in site.settings.redirects.pages(published: state.publishedPaths, directoryURLs: site.config.directoryURLs) {
            claims.append(
                OutputClaim(
                    kind: .redirect, source: from, outputPath: outputPath, described: "the redirect from '\(from)'",
                    reportedAt: nil))
        }
        claims.append(
            OutputClaim(kind: .notFoundPage, source: "404.html", outputPath: "404.html", described: "the 404 page", reportedAt: nil))
        for path in Sitemap.outputPaths {
            claims.append(OutputClaim(kind: .sitemap, source: path, outputPath: path, described: "the sitemap", reportedAt: nil))
        }
        for (key, path) in state.brandAssets {
            claims.append(
                OutputClaim(
                    kind: .brandAsset, source: key, outputPath: ThemeSettings.brandAssetPath(path),
                    described: "the brand's \(key.dropFirst("theme.".count)) '\(path)'", reportedAt: nil, file: path))
        }
        for path in site.files.staticFiles {
            claims.append(
                OutputClaim(
                    kind: .staticFile, source: path, outputPath: site.outputPath(ofStaticFile: path), described: "the file '\(docs)/\(path)'",
                    reportedAt: docs + "/" + path))
        }
        if let customDir = site.customDir {
            for path in customDir.staticFiles {
                claims.append(
                    OutputClaim(
                        kind: .customDir, source: path, outputPath: path,
                        described: "the theme file '\(customDir.path)/\(path)'", reportedAt: customDir.path + "/" + path))
            }
        }
        // A missing override folder is reported when the files are copied (and by MissingAsset).
        if let assets = try? ThemeRenderer.assets(overrides: state.templateFolders) {
            state.themeAssets = assets
            for path in assets.keys {
                claims.append(
                    OutputClaim(
                        kind: .themeAsset, source: path, outputPath: path, described: "the theme asset '\(path)'",
                        reportedAt: nil))
            }
        }
        if site.config.search.enabled {
            // The index's files are counted only when it is written; a file the site writes to
            // one of their names (`search/t/3.js`) is one of them.
            let reserved = claims.map(\.outputPath).filter(SearchIndexFiles.isIndexFile)
            for path in Set(reserved + [SearchIndexFiles.manifestPath]).sorted() {
                claims.append(OutputClaim(kind: .searchIndex, source: path, outputPath: path, described: "the search index", reportedAt: nil))
            }
        }
        let (plan, diagnostics) = OutputPlan.resolve(claims, configPath: site.config.path)
        state.outputPlan = plan
        state.outputCollisions = diagnostics
        site.engine.emit(contentsOf: diagnostics)
    }
}
