import Foundation
import TrellisCore
import TrellisTemplates

/// Stage: renders every page into the theme and writes it (in parallel). Lint renders too and
/// writes nothing, so the theme's checks (its templates, its icons, brand names it or the site
/// settings put around the pages) fail `lint` as they fail `build`.
struct RenderTemplates: BrandStage {
    static let stageName = "render templates"
    var name: String { Self.stageName }

    /// What rendering any of the brand's pages needs: the theme with the brand's overrides, the
    /// site's view of the brand, the navigation.
    struct Theme: Sendable {
        var renderer: ThemeRenderer
        var siteView: SiteView
        var navigation: NavigationIndex
        var baseURL: String?
    }

    func run(_ state: inout BrandState, site: SiteState) throws {
        let (theme, problems) = Self.theme(state, site: site)
        state.themeDiagnostics = problems
        site.engine.emit(contentsOf: problems)
        guard let theme else { return }
        let written = Self.renderPages(&state, site: site, theme: theme)
        if state.output != nil { state.pagesWritten = written }
        state.notFoundDiagnostics = Self.renderNotFoundPage(state, site: site, theme: theme)
        site.engine.emit(contentsOf: state.notFoundDiagnostics)
    }

    /// The brand's theme (nil when its templates cannot be loaded) and what is wrong with it or
    /// with the brand's look (colours, logo).
    static func theme(_ state: BrandState, site: SiteState) -> (theme: Theme?, problems: [Diagnostic]) {
        let brand = state.brand
        var overrides = state.templateFolders
        if let customDir = site.customDir, !customDir.files.isEmpty {
            overrides.insert(site.root.appending(path: customDir.path), at: 0)
        }
        let renderer: ThemeRenderer
        do {
            renderer = try ThemeRenderer(overrides: overrides)
        } catch let error as DiagnosticError {
            return (nil, site.relativeToRoot(error.diagnostics))
        } catch {
            return (nil, [Diagnostic(.templateError, path: nil, at: nil, message: "cannot load the theme: \(error)")])
        }
        var view = Self.siteView(site.config, brand: brand)
        let templates = site.settings.templates
        // MkDocs links these after the theme's own, relative to the site root.
        view.extraCSS = templates.extraCSS
        view.extraJavaScript = templates.extraJavaScript
        if let title = templates.tocTitle { view.tocTitle = title }
        if let headStyles = site.customDirHeadStyles {
            view.extraCSS += headStyles.stylesheets
            view.inlineCSS = headStyles.styles
        }
        var lookProblems: [Diagnostic] = []
        Self.applyLook(brand.theme, to: &view, icons: state.icons, configPath: brand.path ?? site.config.path, into: &lookProblems)
        let theme = Theme(
            renderer: renderer, siteView: view, navigation: NavigationIndex(state.nav.map(Self.navNode)),
            baseURL: (brand.siteURL ?? site.config.siteURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" })
        return (theme, lookProblems)
    }

    /// Renders the brand's pages that keep their output path (of those, only `only`'s when
    /// given) into the theme and writes them (in parallel); files each page's failure and the
    /// brand names the theme put around it with its record, then reports the brand names found
    /// around any page. Returns how many pages were written.
    @discardableResult
    static func renderPages(_ state: inout BrandState, site: SiteState, theme: Theme, only: Set<String>? = nil) -> Int {
        let output = state.output
        let siteView = theme.siteView
        let renderer = theme.renderer
        let navigation = theme.navigation
        let baseURL = theme.baseURL
        let features = siteView.features
        let homeURL = Self.homeURL(site)
        let templates = site.settings.templates
        let editLinks = templates.editLinks
        let matcher = state.leakMatcher
        let plan = state.outputPlan
        // The pages that keep their output path, rendered from the records as they are (let go
        // of before the records are changed, so that changing one copies none).
        let (written, problems) = { (records: [PageRecord]) -> ([Int], [(Diagnostic?, [String])]) in
            let written = records.indices.filter { i in plan.keeps(.page, records[i].path) && only.map { $0.contains(records[i].path) } ?? true }
            let problems = ParallelMap.map(written) { i -> (Diagnostic?, [String]) in
                let page = records[i].source
                let rendered = records[i].rendered
                let around = PageNavigation(page, navigation: navigation, features: features, homeURL: homeURL)
                var view = PageView(
                    site: siteView, title: rendered.title,
                    description: page.meta.description ?? site.config.siteDescription,
                    canonicalURL: baseURL.map { $0 + page.url },
                    root: PageView.root(forOutputPath: page.outputPath),
                    contentHTML: rendered.html,
                    toc: TocEntry.nest(rendered.toc.map { TocEntry(level: $0.level, id: $0.id, title: $0.title) }, levels: 1...6),
                    sidebar: around.sidebar, previous: around.previous, next: around.next,
                    editURL: editLinks?.editURL(for: page.path))
                if let dates = site.revisionDates[page.path] {
                    view.lastUpdatedHTML = dates.updated
                    view.createdHTML = dates.created
                }
                view.tabs = around.tabs
                view.path = around.path
                view.showsTitleHeading = !rendered.hasHeading1 && !rendered.isBlogView && site.customDir?.replacesContentPartial != true
                if rendered.hasWalkthrough {
                    view.pageCSS = [WalkthroughDirective.stylesheet]
                    view.pageJavaScript = [WalkthroughDirective.script]
                }
                do {
                    // The page's own text is checked by BrandLeak; this catches what the theme and
                    // the site settings put around it.
                    var outside: [String: Int] = [:]
                    if let spool = rendered.spooledHTML, let output,
                        let theme = try Self.writeAround(spool, view: view, renderer: renderer, to: page.outputPath, in: output)
                    {
                        for part in theme { for match in matcher.matches(in: part) { outside[match.term.reason, default: 0] += 1 } }
                        return (nil, outside.filter { $0.value > 0 }.keys.sorted())
                    }
                    guard let contentHTML = rendered.bodyHTML() else {
                        return (Diagnostic(.io, path: page.file.path, at: nil, message: "cannot read back the page's HTML from the staging folder"), [])
                    }
                    view.contentHTML = contentHTML
                    let html = try renderer.render(page: view)
                    try output?.write(html, to: page.outputPath)
                    for match in matcher.matches(in: html) { outside[match.term.reason, default: 0] += 1 }
                    for match in matcher.matches(in: contentHTML) { outside[match.term.reason, default: 0] -= 1 }
                    return (nil, outside.filter { $0.value > 0 }.keys.sorted())
                } catch let error as DiagnosticError {
                    return (error.diagnostics.first, [])
                } catch {
                    return (Diagnostic(.templateError, path: page.file.path, at: nil, message: "cannot render the page: \(error)"), [])
                }
            }
            return (written, problems)
        }(state.pages)
        // A page rendered again replaces what its last rendering found.
        for (i, problem) in zip(written, problems) {
            state.pages[i].diagnosticsByStage[Self.stageName] = problem.0.map { [$0] }
            state.pages[i].themeLeaks = problem.1
        }
        site.engine.emit(contentsOf: problems.compactMap { $0.0 })
        site.engine.emit(contentsOf: Self.themeLeakDiagnostics(state, site: site))
        return written.count - problems.filter { $0.0 != nil }.count
    }

    /// What a page shows of the brand's navigation: its sidebar, its neighbours, the tabs and
    /// its path when the theme shows them. A page whose `PageNavigation` is the same under two
    /// navigations renders the same under both.
    struct PageNavigation: Hashable {
        var sidebar: [SidebarItem]
        var previous: TrellisTemplates.PageLink?
        var next: TrellisTemplates.PageLink?
        var tabs: [NavTab]
        var path: [TrellisTemplates.PageLink]

        init(_ page: SourcePage, navigation: NavigationIndex, features: ThemeFeatures, homeURL: String) {
            sidebar = navigation.sidebar(for: page.url, options: SidebarOptions(features))
            (previous, next) = navigation.neighbours(of: page.url)
            tabs = features.tabs ? navigation.tabs(for: page.url) : []
            path = features.path ? navigation.path(to: page.url, homeURL: homeURL) : []
        }
    }

    /// The URL the path (breadcrumbs) starts from.
    static func homeURL(_ site: SiteState) -> String { site.config.directoryURLs ? "" : "index.html" }

    /// One `BrandLeak` for each brand name the theme or the site settings put around any page.
    static func themeLeakDiagnostics(_ state: BrandState, site: SiteState) -> [Diagnostic] {
        var leaked: [String] = []
        for record in state.pages { for reason in record.themeLeaks where !leaked.contains(reason) { leaked.append(reason) } }
        return leaked.map { reason in
            Diagnostic(
                .brandLeak, path: state.brand.path ?? site.config.path, at: nil,
                message: "\(reason) appears in brand '\(state.brand.id)' outside page content (theme, templates or site settings)")
        }
    }

    /// Writes the brand's `404.html`; returns what went wrong.
    static func renderNotFoundPage(_ state: BrandState, site: SiteState, theme: Theme) -> [Diagnostic] {
        guard state.outputPlan.keeps(.notFoundPage, "404.html") else { return [] }
        do {
            let notFound = try theme.renderer.render(page: Self.notFoundPage(theme.siteView, baseURL: theme.baseURL, theme.navigation))
            try state.output?.write(Data(notFound.utf8), to: "404.html")
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.io, path: nil, at: nil, message: "cannot write '404.html': \(error)")]
        }
    }

    /// The `404.html` servers show for a missing page, as MkDocs writes one. It is served at any
    /// depth, so its links start from the site URL's path (`/docs/`) when there is a site URL,
    /// as MkDocs does, and from the site root otherwise.
    static func notFoundPage(_ siteView: SiteView, baseURL: String?, _ navigation: NavigationIndex) -> PageView {
        let root = baseURL.flatMap { URLComponents(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        var page = PageView(
            site: siteView, title: "404 - Not found", root: root,
            contentHTML: "<h1 id=\"404-not-found\">404 - Not found</h1>\n<p>The page you are looking for does not exist.</p>\n",
            sidebar: navigation.sidebar(for: "404.html", options: SidebarOptions(siteView.features)))
        if siteView.features.tabs { page.tabs = navigation.tabs(for: nil) }
        return page
    }

    static func navNode(_ item: NavItem) -> NavNode {
        NavNode(title: item.title, url: item.url, children: item.children.map(navNode))
    }

    static func siteView(_ config: SiteConfig, brand: Brand) -> SiteView {
        var view = SiteView(
            siteName: config.siteName, brandName: brand.name,
            logoURL: brand.theme.logo.map(ThemeSettings.outputURL),
            faviconURL: brand.theme.favicon.map(ThemeSettings.outputURL),
            primaryColor: brand.theme.primary, accentColor: brand.theme.accent,
            copyrightHTML: config.copyright, language: config.language)
        view.hasSearch = config.search.enabled
        return view
    }
}
