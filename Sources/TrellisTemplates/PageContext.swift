/// What templates see: a `PageView` with everything derived in advance.
///
/// Templates reach values by name through reflection, so every field is stored and none is
/// optional: a missing optional would make Mustache look the name up in enclosing contexts
/// and pick up a parent's value. Presence is a separate `has…` flag; repeated or optional
/// blocks are arrays. These names are the contract for brand templates:
///
/// - `lang`, `documentTitle` (`Page - Site`), `title`, `siteName`, `brandName`, `generator`
/// - `description`/`hasDescription`, `canonicalURL`/`hasCanonicalURL`, `editURL`/`hasEditURL`,
///   `showsTitleHeading` (the body has no `<h1>`: show `title` as one)
/// - `root`, `homeHref`, `logoHref`/`hasLogo`, `faviconHref`/`hasFavicon`, `assetsHref`
/// - `primaryColor`, `accentColor`, `onPrimaryColor` (sanitised CSS colours)
/// - `content` (raw HTML, use `{{{content}}}`), `copyright` (raw HTML)/`hasCopyright`
/// - `toc`/`hasToc`: entries with `title`, `href`, `level`, `children`/`hasChildren`
/// - `sidebar`: items with `title`, `href`/`hasHref`, `isSection`, `isActive`, `isInActiveTrail`,
///   `isExpanded`, `children`, `childBlocks`, `isPrerendered` (always false)
/// - `sidebarBlocks`, `childBlocks`: the same entries, except that runs of collapsed entries
///   come pre-rendered as one block with `isPrerendered` and `html` (raw HTML, the entries'
///   `partials/nav-item` output without the last newline); other blocks are the items
///   themselves, to render with `{{> partials/nav-item}}`. Only a cost saving: iterating
///   `sidebar` and `children` instead gives the same HTML.
/// - `previous`, `next`: 0 or 1 link with `title`, `href`; `hasPageLinks`
/// - `extraCSS`, `extraJavaScript`: lists of `href`
/// - `lastUpdated`/`hasLastUpdated`, `created`/`hasCreated` (raw HTML, the git-revision-date
///   plugin's markup), `hasSourceFile` (either is there): `partials/source-file`
/// - Material's look (see `MaterialLook.swift`): `colorScheme`/`hasColorScheme`,
///   `colorPrimary`/`hasColorPrimary`, `colorAccent`/`hasColorAccent` (the `data-md-color-*`
///   attributes of `<body>`), `customColorCSS`/`hasCustomColors` (declarations for `:root`),
///   `paletteOptions`/`hasPaletteToggle`, `featureNames`, `tabs`/`hasTabs`/`hasStickyTabs`,
///   `path`/`hasPath`, `hasBackToTop`, `repoURL`/`repoName`/`repoIcon`/`hasRepo`,
///   `social`/`hasSocial`; sidebar items add `integratedToc`/`hasIntegratedToc` (`toc.integrate`)
/// - `hasSearch`: the brand has a search index under `{{root}}search/`
struct PageContext {
    struct Link {
        let title: String
        let href: String
    }

    struct Href {
        let href: String
    }

    struct TocItem {
        let title: String
        let href: String
        let level: Int
        let children: [TocItem]
        let hasChildren: Bool
    }

    struct NavItem {
        let title: String
        let href: String
        let hasHref: Bool
        let isSection: Bool
        let isActive: Bool
        let isInActiveTrail: Bool
        let isExpanded: Bool
        let children: [NavItem]
        /// The page's table of contents, on the current page's entry with `toc.integrate`.
        var integratedToc: [TocItem] = []
        var hasIntegratedToc: Bool { !integratedToc.isEmpty }
        /// `children` with runs of collapsed entries pre-rendered: `NavItem`s and `Prerendered`s.
        let childBlocks: [Any]
        let isPrerendered = false
    }

    /// Consecutive sidebar entries rendered in advance (`NavItemCache`).
    struct Prerendered {
        let html: String
        let isPrerendered = true
    }

    let lang: String
    let documentTitle: String
    let title: String
    let siteName: String
    let brandName: String
    let generator: String
    let description: String
    let hasDescription: Bool
    let canonicalURL: String
    let hasCanonicalURL: Bool
    let editURL: String
    let hasEditURL: Bool
    let showsTitleHeading: Bool
    let root: String
    let homeHref: String
    let assetsHref: String
    let logoHref: String
    let hasLogo: Bool
    let faviconHref: String
    let hasFavicon: Bool
    let primaryColor: String
    let accentColor: String
    let onPrimaryColor: String
    let content: String
    let copyright: String
    let hasCopyright: Bool
    let toc: [TocItem]
    let hasToc: Bool
    let sidebar: [NavItem]
    let sidebarBlocks: [Any]
    let previous: [Link]
    let next: [Link]
    let hasPageLinks: Bool
    let extraCSS: [Href]
    let extraJavaScript: [Href]
    let lastUpdated: String
    let hasLastUpdated: Bool
    let created: String
    let hasCreated: Bool
    let hasSourceFile: Bool
    let look: MaterialLook
    let hasSearch: Bool

    /// - Parameter prerender: for a list of entries, each one's `partials/nav-item` HTML without
    ///   its last newline, or nil to render it in place.
    init(_ page: PageView, prerender: (([NavItem]) -> [String?])? = nil) {
        let site = page.site
        let root = page.root
        func href(_ url: String) -> String {
            if NavNode.isExternal(url) || url.hasPrefix("#") { return url }
            if root.isEmpty && url.isEmpty { return "./" }
            return root + url
        }
        func tocItem(_ entry: TocEntry, depth: Int) -> TocItem {
            // TocEntry.nest gives two levels; deeper input is cut off to bound the recursion.
            let children = depth < 6 ? entry.children.map { tocItem($0, depth: depth + 1) } : []
            return TocItem(
                title: entry.title, href: "#" + entry.id, level: entry.level, children: children,
                hasChildren: !children.isEmpty)
        }
        let pageToc = page.toc.map { tocItem($0, depth: 0) }
        let integrate = site.features.tocIntegrate
        func navItem(_ item: SidebarItem, depth: Int) -> NavItem {
            let children =
                depth < NavigationIndex.maxExpandedDepth ? item.children.map { navItem($0, depth: depth + 1) } : []
            return NavItem(
                title: item.title, href: item.url.map(href) ?? "", hasHref: item.url != nil,
                isSection: item.isSection, isActive: item.isActive, isInActiveTrail: item.isInActiveTrail,
                isExpanded: !children.isEmpty, children: children,
                integratedToc: integrate && item.isActive ? pageToc : [], childBlocks: blocks(children))
        }
        func blocks(_ items: [NavItem]) -> [Any] {
            guard let prerender, !items.isEmpty else { return items }
            var result: [Any] = []
            var run: [String] = []
            for (item, prerendered) in zip(items, prerender(items)) {
                if let html = prerendered {
                    run.append(html)
                    continue
                }
                if !run.isEmpty { result.append(Prerendered(html: run.joined(separator: "\n"))) }
                run = []
                result.append(item)
            }
            if !run.isEmpty { result.append(Prerendered(html: run.joined(separator: "\n"))) }
            return result
        }

        lang = site.language
        title = page.title
        siteName = site.siteName
        brandName = site.brandName
        documentTitle = page.title.isEmpty || page.title == site.siteName ? site.siteName : "\(page.title) - \(site.siteName)"
        generator = site.generator
        description = page.description ?? ""
        hasDescription = !description.isEmpty
        canonicalURL = page.canonicalURL ?? ""
        hasCanonicalURL = !canonicalURL.isEmpty
        editURL = page.editURL ?? ""
        hasEditURL = !editURL.isEmpty
        showsTitleHeading = page.showsTitleHeading
        self.root = root
        homeHref = href(site.homeURL)
        assetsHref = root + "assets/"
        logoHref = site.logoURL.map(href) ?? ""
        hasLogo = !logoHref.isEmpty
        faviconHref = site.faviconURL.map(href) ?? ""
        hasFavicon = !faviconHref.isEmpty
        look = MaterialLook(page, href: href)
        let primary = site.primaryColor.flatMap(ThemeColor.sanitize) ?? ThemeColor.defaultPrimary
        primaryColor = primary
        accentColor = site.accentColor.flatMap(ThemeColor.sanitize) ?? ThemeColor.defaultAccent
        onPrimaryColor = ThemeColor.readableText(on: primary)
        content = page.contentHTML
        copyright = site.copyrightHTML ?? ""
        hasCopyright = !copyright.isEmpty
        toc = pageToc
        // With `toc.integrate` the contents sit in the sidebar, under the page's entry.
        hasToc = !toc.isEmpty && !(integrate && page.sidebar.contains { $0.containsActive })
        sidebar = page.sidebar.map { navItem($0, depth: 0) }
        sidebarBlocks = blocks(sidebar)
        previous = page.previous.map { [Link(title: $0.title, href: href($0.url))] } ?? []
        next = page.next.map { [Link(title: $0.title, href: href($0.url))] } ?? []
        hasPageLinks = site.features.footerLinks && (page.previous != nil || page.next != nil)
        extraCSS = (site.extraCSS + page.pageCSS).map { Href(href: href($0)) }
        extraJavaScript = (site.extraJavaScript + page.pageJavaScript).map { Href(href: href($0)) }
        lastUpdated = page.lastUpdatedHTML ?? ""
        hasLastUpdated = !lastUpdated.isEmpty
        created = page.createdHTML ?? ""
        hasCreated = !created.isEmpty
        hasSourceFile = hasLastUpdated || hasCreated
        hasSearch = site.hasSearch
    }
}
