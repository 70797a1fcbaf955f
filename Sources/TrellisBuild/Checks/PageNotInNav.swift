import TrellisCore

/// A page the configured nav leaves out: readers can reach it only through links. Pages
/// Material's blog places itself (posts, views) are reached from the blog.
struct PageNotInNav: BrandCheck {
    func check(_ brand: BrandState, site: SiteState) -> [Diagnostic] {
        guard brand.navIsListed else { return [] }
        let inNav = brand.navPagePaths.union(brand.quietlyOutOfNav)
        return brand.pages.map(\.source).filter { !inNav.contains($0.path) && site.blog?.isGenerated($0.path) != true }.map { page in
            Diagnostic(
                .pageNotInNav, path: page.file.path, at: SourceLocation(line: 1, column: 1),
                message: site.config.nav == nil && site.settings.navigation.literateNav != nil
                    ? "the page is not in the literate-nav nav" : "the page is not in the nav of '\(site.config.path)'")
        }
    }
}

extension BrandState {
    /// The page paths the brand's nav lists.
    var navPagePaths: Set<String> {
        var paths: Set<String> = []
        var stack = nav
        while let item = stack.popLast() {
            if let path = item.pagePath { paths.insert(path) }
            stack.append(contentsOf: item.children)
        }
        return paths
    }
}
