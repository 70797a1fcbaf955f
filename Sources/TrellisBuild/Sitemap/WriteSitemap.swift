import Foundation
import TrellisCore

/// Stage: the brand's `sitemap.xml` and `sitemap.xml.gz`, as MkDocs writes them for every site
/// (see `Sitemap`), under the brand's `site_url` (else the site's). The result is kept on the
/// brand's state (`BrandState.sitemap`); lint writes nothing.
struct WriteSitemap: BrandStage {
    let name = "write sitemap"
    var runsInLint: Bool { false }

    func run(_ state: inout BrandState, site: SiteState) throws {
        let pages = Self.orderedPages(site: site, state: state)
        let sitemap = Sitemap(
            pageURLs: pages.map { site.pages[$0].url }, siteURL: state.brand.siteURL ?? site.config.siteURL,
            lastModified: Sitemap.isoDay(site.buildDate))
        state.sitemap = sitemap
        guard let output = state.output else { return }
        let xml = Data(sitemap.xml.utf8)
        if state.outputPlan.keeps(.sitemap, "sitemap.xml") {
            try output.write(xml, to: "sitemap.xml")
        }
        if state.outputPlan.keeps(.sitemap, "sitemap.xml.gz") {
            let time = Sitemap.gzipTime(buildDate: site.buildDate, hasPages: !pages.isEmpty)
            guard let gz = Gzip.compress(xml, fileName: "sitemap.xml.gz", modificationTime: time) else {
                site.engine.emit(Diagnostic(.io, path: nil, at: nil, message: "cannot compress 'sitemap.xml.gz' (zlib failed)"))
                return
            }
            try output.write(gz, to: "sitemap.xml.gz")
        }
    }

    /// The brand's published pages in the order of MkDocs' files: the docs folder as `os.walk`
    /// lists it (each folder's files, `index`/`README` first, before its subfolders; blog
    /// posts at their source's place), then the pages Material's blog generates, in the order
    /// it adds them: archive views, category views as the posts (newest first) name them, then
    /// each view's further pages.
    static func orderedPages(site: SiteState, state: BrandState) -> [Int] {
        var walked: [Int] = []
        var generated: [String: Int] = [:]
        for index in state.pages.map(\.index) {
            let path = site.pages[index].path
            if site.blog?.isGeneratedView(path) == true {
                generated[path] = index
            } else {
                walked.append(index)
            }
        }
        let keys = Dictionary(walked.map { ($0, LiterateNavGlobber.walkKey(site.pages[$0].path)) }, uniquingKeysWith: { a, _ in a })
        walked.sort { a, b in
            guard let x = keys[a], let y = keys[b] else { return a < b }
            return x < y
        }
        guard let blog = site.blog, !generated.isEmpty else { return walked }
        var order: [String] = blog.views.filter { $0.kind == .archive }.compactMap(\.pages.first)
        let categories = Dictionary(
            blog.views.filter { $0.kind == .category }.compactMap { view in view.pages.first.map { (view.name, $0) } }, uniquingKeysWith: { a, _ in a })
        for post in blog.posts {
            order += post.categories.compactMap { categories[$0] }
        }
        for view in blog.views { order += view.pages.dropFirst() }
        var seen: Set<String> = []
        var result = walked
        for path in order where seen.insert(path).inserted {
            if let index = generated[path] { result.append(index) }
        }
        result += generated.keys.filter { !seen.contains($0) }.sorted().compactMap { generated[$0] }
        return result
    }
}
