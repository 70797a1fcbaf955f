import TrellisCore

/// A page nothing leads to: no other page of the brand links to it and the nav does not list it.
struct OrphanPage: BrandCheck {
    func check(_ brand: BrandState, site: SiteState) -> [Diagnostic] {
        let inNav = brand.navPagePaths.union(brand.quietlyOutOfNav)
        return brand.pages.map(\.source).filter { page in
            !page.isHomepage && !inNav.contains(page.path) && site.blog?.isGenerated(page.path) != true && (brand.linkedFrom[page.path] ?? []).isEmpty
        }.map { page in
            Diagnostic(
                .orphanPage, path: page.file.path, at: SourceLocation(line: 1, column: 1),
                message: "no page links to this page and the nav does not list it (brand '\(brand.brand.id)')")
        }
    }
}
