import Foundation

extension LinkResolver {
    /// The resolver of `brand`'s pages: made once by `PrepareBrand`, when the brand's published
    /// pages are known, and read by every later stage. Pages that are only link targets
    /// (`DocsSource.memory`) are unread and taken as published.
    init(brand: BrandState, site: SiteState) {
        let linkOnly = site.files.linkOnlyPages
        let indexPages = linkOnly.isEmpty ? [] : SourcePage.indexPages(site.files.pages)
        let directoryURLs = site.config.directoryURLs
        var urls = Dictionary(site.pages.map { ($0.path, $0.url) }, uniquingKeysWith: { a, _ in a })
        for path in linkOnly {
            urls[path] = SourcePage.url(forPath: path, isIndex: indexPages.contains(path), directoryURLs: directoryURLs)
        }
        self.init(
            pagePaths: Set(site.pageIndex.keys).union(linkOnly), publishedPaths: brand.publishedPaths.union(linkOnly),
            staticFiles: site.staticFiles, urls: urls, fileOutputPaths: site.blog?.mediaPaths ?? [:],
            excluded: site.files.excluded)
    }
}
