import TrellisCore

/// One entry of a brand's navigation.
public struct NavItem: Sendable, Equatable {
    public var title: String
    /// The page URL relative to the site root, an external URL, or nil for a section without an index page.
    public var url: String?
    /// The page's path under the docs folder, for pages.
    public var pagePath: String?
    public var isExternal = false
    public var children: [NavItem] = []

    public init(title: String, url: String?, pagePath: String?, children: [NavItem] = []) {
        self.title = title
        self.url = url
        self.pagePath = pagePath
        self.children = children
    }
}

/// Stage: a brand's navigation, from the configured `nav` or, when there is none, from the
/// folder tree (index page titles, ordered by front matter `weight`, then name).
struct BuildNavigation: BrandStage {
    let name = "build navigation"

    func run(_ state: BrandState, site: SiteState) throws {
        let pages = state.published.map { site.pages[$0] }
        var titles: [String: String] = [:]
        for (i, page) in pages.enumerated() { titles[page.path] = state.rendered[i].title }
        if site.config.nav == nil, let settings = site.mkdocs, settings.usesAwesomePages {
            let docs = site.docsDir
            let (items, diagnostics) = AwesomePages.navigation(
                pages: pages.map { .init(path: $0.path, title: titles[$0.path] ?? $0.title, url: $0.url) },
                docsDir: site.config.docsDir,
                options: .init(plugin: settings.plugin("awesome-pages")?.options ?? ValueMap(), features: settings.features)
            ) { try? String(contentsOf: docs.appending(path: $0), encoding: .utf8) }
            site.engine.emit(contentsOf: diagnostics)
            state.nav = Self.arrangeBlog(items, site: site, pages: pages, titles: titles)
            return
        }
        let (items, diagnostics) = Self.navigation(
            config: site.config, pages: pages, titles: titles, allPaths: Set(site.pages.map(\.path)))
        site.engine.emit(contentsOf: diagnostics)
        state.nav = Self.arrangeBlog(items, site: site, pages: pages, titles: titles)
        // A title the nav gives a page is its title (in <title> and its heading), before its
        // front matter's and its first heading's, as MkDocs titles pages. Not the blog's pages:
        // MkDocs keeps the title of a page a plugin made (Material's views and posts).
        let navTitles = Self.titles(in: site.config.nav ?? [])
        guard !navTitles.isEmpty else { return }
        for (i, page) in pages.enumerated() where !Self.isBlogPage(page.path, site: site) {
            if let title = navTitles[page.path] { state.rendered[i].title = title }
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
                if let path = item.pagePath, isBlogPage(path, site: site), let page = byPath[path] {
                    item.title = titles[path] ?? page.title
                }
                item.children = ownTitles(item.children)
                return item
            }
        }
        return blog.navigation(ownTitles(items)) { path in byPath[path].map { (titles[path] ?? $0.title, $0.url) } }
    }

    /// Whether Material's blog made or owns the page (a view, a further page, a post).
    static func isBlogPage(_ path: String, site: SiteState) -> Bool {
        guard let blog = site.blog else { return false }
        return blog.viewPages[path] != nil || blog.postIndex[path] != nil
    }

    /// The titles a configured nav gives its pages (the first, for a page listed twice).
    static func titles(in entries: [NavEntry]) -> [String: String] {
        var titles: [String: String] = [:]
        var stack = Array(entries.reversed())
        while let entry = stack.popLast() {
            switch entry {
            case .page(let title?, let path, _): if titles[path] == nil { titles[path] = title }
            case .section(_, let children): stack += children.reversed()
            case .page, .link: break
            }
        }
        return titles
    }

    /// The navigation and the problems found in the configured one.
    static func navigation(
        config: SiteConfig, pages published: [SourcePage], titles: [String: String], allPaths: Set<String>
    ) -> (items: [NavItem], diagnostics: [Diagnostic]) {
        let byPath = Dictionary(published.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        let items: [NavItem]
        if let nav = config.nav {
            items = fromConfig(
                nav, byPath: byPath, titles: titles, allPaths: allPaths, configPath: config.path,
                diagnostics: &diagnostics)
        } else {
            items = fromTree(published, titles: titles)
        }
        return (items, diagnostics)
    }

    private static func fromConfig(
        _ entries: [NavEntry], byPath: [String: SourcePage], titles: [String: String], allPaths: Set<String>,
        configPath: String,
        diagnostics: inout [Diagnostic]
    ) -> [NavItem] {
        var items: [NavItem] = []
        for entry in entries {
            switch entry {
            case .page(let title, let path, let location):
                if let page = byPath[path] {
                    items.append(NavItem(title: title ?? titles[path] ?? page.title, url: page.url, pagePath: path))
                } else if !allPaths.contains(path) {
                    var message = "the nav names '\(path)', which does not exist"
                    if let hint = Suggestions.didYouMean(path, in: allPaths) { message += "; \(hint)" }
                    diagnostics.append(Diagnostic(.navMissingPage, path: configPath, at: location, message: message))
                }
            // A page left out of this brand is left out of its nav too.
            case .section(let title, let children):
                let inner = fromConfig(
                    children, byPath: byPath, titles: titles, allPaths: allPaths, configPath: configPath,
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
