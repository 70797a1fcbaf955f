import TrellisCore

/// One entry of a brand's navigation.
public struct NavItem: Sendable, Equatable {
    public var title: String
    /// The page URL relative to the site root, an external URL, or nil for a section without an index page.
    public var url: String?
    /// The page's path under the docs folder, for pages.
    public var pagePath: String?
    public var isExternal = false
    /// Whether the nav gives the page its title (`- Title: page.md`, `[Title](page.md)`), which
    /// keeps section-index from taking it as its section's page.
    public var titleFromNav = false
    public var children: [NavItem] = []

    public init(title: String, url: String?, pagePath: String?, children: [NavItem] = []) {
        self.title = title
        self.url = url
        self.pagePath = pagePath
        self.children = children
    }
}

/// Stage: a brand's navigation, from the configured `nav` or, when there is none, from the
/// folder tree (index page titles, ordered by front matter `weight`, then name). On MkDocs
/// sites, the nav plugins: literate-nav's nav files stand for the `nav`, awesome-pages' `.pages`
/// files order the tree, and section-index turns sections into their first page; pages
/// `not_in_nav` stay out of a nav derived from the tree.
struct BuildNavigation: BrandStage {
    let name = "build navigation"

    func run(_ state: inout BrandState, site: SiteState) throws {
        var found: [Diagnostic] = []
        defer {
            state.navDiagnostics = found
            site.engine.emit(contentsOf: found)
        }
        let pages = state.pages.map(\.source)
        var titles: [String: String] = [:]
        for record in state.pages { titles[record.path] = record.rendered.title }
        let notInNav = site.files.notInNav
        let treePages = pages.filter { !notInNav.contains($0.path) }
        var entries = site.config.nav
        var origins: [String: ConfigPosition] = [:]
        state.quietlyOutOfNav = notInNav
        let settings = site.settings.navigation
        if let options = settings.literateNav {
            let result = LiterateNav.resolve(options, configNav: entries, site: site)
            found += result.diagnostics
            entries = result.entries
            origins = result.origins
            state.quietlyOutOfNav.formUnion(result.navFiles)
        }
        state.navIsListed = entries != nil
        var items: [NavItem]
        if entries == nil, let options = settings.awesomePages {
            let docs = site.docsDir
            let awesome = AwesomePages.navigation(
                pages: treePages.map { .init(path: $0.path, title: titles[$0.path] ?? $0.title, url: $0.url) },
                docsDir: site.config.docsDir,
                options: options
            ) { try? String(contentsOf: docs.appending(path: $0), encoding: .utf8) }
            found += awesome.diagnostics
            items = awesome.items
        } else {
            let built = Self.navigation(
                entries: entries, configPath: site.config.path, pages: pages, treePages: treePages, titles: titles,
                allPaths: Set(site.pages.map(\.path)), excluded: site.files.excluded, origins: origins)
            found += built.diagnostics
            items = built.items
        }
        items = Self.arrangeBlog(items, site: site, pages: pages, titles: titles)
        let indexes = entries != nil && settings.materialIndexes
        // A title the nav gives a page is its title (in <title> and its heading), before its
        // front matter's and its first heading's, as MkDocs titles pages. Not the blog's pages:
        // MkDocs keeps the title of a page a plugin made (Material's views and posts).
        var navTitles = NavEntry.titles(in: entries ?? [])
        if settings.sectionIndex {
            let sectioned = SectionIndex.apply(items)
            items = sectioned.items
            navTitles.merge(sectioned.titles) { own, _ in own }
        }
        if indexes { items = MaterialIndexes.apply(items) }
        state.nav = items
        guard !navTitles.isEmpty else { return }
        for i in state.pages.indices where site.blog?.owns(state.pages[i].path) != true {
            if let title = navTitles[state.pages[i].path] { state.pages[i].rendered.title = title }
        }
    }

    /// The navigation with Material's blog in its place (see `Blog.navigation`); the blog's
    /// pages keep their own titles there too.
    static func arrangeBlog(_ items: [NavItem], site: SiteState, pages: [SourcePage], titles: [String: String]) -> [NavItem] {
        guard let blog = site.blog else { return items }
        let byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        func ownTitles(_ items: [NavItem]) -> [NavItem] {
            items.map { item in
                var item = item
                if let path = item.pagePath, site.blog?.owns(path) == true, let page = byPath[path] {
                    item.title = titles[path] ?? page.title
                }
                item.children = ownTitles(item.children)
                return item
            }
        }
        return blog.navigation(ownTitles(items)) { path in byPath[path].map { (titles[path] ?? $0.title, $0.url) } }
    }


    /// The navigation and the problems found in the configured one.
    static func navigation(
        entries: [NavEntry]?, configPath: String, pages published: [SourcePage], treePages: [SourcePage],
        titles: [String: String], allPaths: Set<String>, excluded: [String: String],
        origins: [String: ConfigPosition] = [:]
    ) -> (items: [NavItem], diagnostics: [Diagnostic]) {
        let byPath = Dictionary(published.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        let items: [NavItem]
        if let entries {
            items = fromConfig(
                entries, byPath: byPath, titles: titles, allPaths: allPaths, excluded: excluded, configPath: configPath,
                origins: origins, diagnostics: &diagnostics)
        } else {
            items = fromTree(treePages, titles: titles)
        }
        return (items, diagnostics)
    }

    private static func fromConfig(
        _ entries: [NavEntry], byPath: [String: SourcePage], titles: [String: String], allPaths: Set<String>,
        excluded: [String: String], configPath: String, origins: [String: ConfigPosition],
        diagnostics: inout [Diagnostic]
    ) -> [NavItem] {
        var items: [NavItem] = []
        for entry in entries {
            switch entry {
            case .page(let title, let path, let location):
                if let page = byPath[path] {
                    var item = NavItem(title: title ?? titles[path] ?? page.title, url: page.url, pagePath: path)
                    item.titleFromNav = title != nil
                    items.append(item)
                } else if let url = excluded[path] {
                    // MkDocs keeps the entry, leading where the page would be, and says so.
                    var item = NavItem(title: title ?? SourcePage.titleFromName(path), url: url, pagePath: nil)
                    item.titleFromNav = title != nil
                    items.append(item)
                    let origin = origins[path]
                    diagnostics.append(
                        Diagnostic(
                            .excludedFileLink, path: origin?.path ?? configPath, at: origin?.location ?? location,
                            message: "the nav names '\(path)', which is excluded from the built site"))
                } else if !allPaths.contains(path) {
                    var message = "the nav names '\(path)', which does not exist"
                    if let hint = Suggestions.didYouMean(path, in: allPaths) { message += "; \(hint)" }
                    diagnostics.append(Diagnostic(.navMissingPage, path: configPath, at: location, message: message))
                }
            // A page left out of this brand is left out of its nav too.
            case .section(let title, let children):
                let inner = fromConfig(
                    children, byPath: byPath, titles: titles, allPaths: allPaths, excluded: excluded, configPath: configPath,
                    origins: origins,
                    diagnostics: &diagnostics)
                if !inner.isEmpty { items.append(NavItem(title: title, url: nil, pagePath: nil, children: inner)) }
            case .link(let title, let url):
                var item = NavItem(title: title, url: url, pagePath: nil)
                item.isExternal = true
                items.append(item)
            }
        }
        return items
    }

    /// A folder becomes a section titled by its index page; entries sort by weight, then name.
    private static func fromTree(_ pages: [SourcePage], titles: [String: String]) -> [NavItem] {
        func title(_ page: SourcePage) -> String { titles[page.path] ?? page.title }
        final class Folder {
            var index: SourcePage?
            var pages: [SourcePage] = []
            var folders: [String: Folder] = [:]
        }
        let root = Folder()
        for page in pages {
            var parts = page.path.split(separator: "/").map(String.init)
            parts.removeLast()
            var folder = root
            for part in parts {
                if let next = folder.folders[part] {
                    folder = next
                } else {
                    let next = Folder()
                    folder.folders[part] = next
                    folder = next
                }
            }
            if page.isIndex {
                folder.index = page
            } else {
                folder.pages.append(page)
            }
        }
        func items(of folder: Folder, isRoot: Bool) -> [NavItem] {
            typealias Keyed = (weight: Double, name: String, item: NavItem)
            var keyed: [Keyed] = folder.pages.map { page in
                (page.meta.weight ?? .infinity, page.path, NavItem(title: title(page), url: page.url, pagePath: page.path))
            }
            for (name, sub) in folder.folders {
                let children = items(of: sub, isRoot: false)
                let sectionTitle = sub.index.map(title) ?? SourcePage.titleFromName(name + "/index.md")
                let item = NavItem(title: sectionTitle, url: sub.index?.url, pagePath: sub.index?.path, children: children)
                if item.url == nil && children.isEmpty { continue }
                keyed.append((sub.index?.meta.weight ?? .infinity, name, item))
            }
            keyed.sort { $0.weight != $1.weight ? $0.weight < $1.weight : $0.name < $1.name }
            var result = keyed.map(\.item)
            if isRoot, let index = folder.index {
                result.insert(NavItem(title: title(index), url: index.url, pagePath: index.path), at: 0)
            }
            return result
        }
        return items(of: root, isRoot: true)
    }
}
