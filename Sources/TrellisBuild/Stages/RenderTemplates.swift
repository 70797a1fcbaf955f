import Foundation
import TrellisCore
import TrellisTemplates

/// Stage: renders every page into the theme and writes it (in parallel). Lint renders too and
/// writes nothing, so the theme's checks (its templates, its icons, brand names it or the site
/// settings put around the pages) fail `lint` as they fail `build`.
struct RenderTemplates: BrandStage {
    let name = "render templates"

    func run(_ state: inout BrandState, site: SiteState) throws {
        let brand = state.brand
        var overrides = state.templateFolders
        if let customDir = site.customDir, !customDir.files.isEmpty {
            overrides.insert(site.root.appending(path: customDir.path), at: 0)
        }
        let renderer: ThemeRenderer
        do {
            renderer = try ThemeRenderer(overrides: overrides)
        } catch let error as DiagnosticError {
            site.emitRelativeToRoot(error.diagnostics)
            return
        }
        let output = state.output
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
        site.engine.emit(contentsOf: lookProblems)
        let siteView = view
        let features = siteView.features
        let sidebarOptions = SidebarOptions(features)
        let homeURL = site.config.directoryURLs ? "" : "index.html"
        let navigation = NavigationIndex(state.nav.map(Self.navNode))
        let baseURL = (brand.siteURL ?? site.config.siteURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let editLinks = templates.editLinks
        let matcher = state.leakMatcher
        let plan = state.outputPlan
        // The pages that keep their output path.
        let records = state.pages
        let written = records.indices.filter { plan.keeps(.page, records[$0].path) }
        let problems = ParallelMap.map(written) { i -> (Diagnostic?, [String]) in
            let page = records[i].source
            let rendered = records[i].rendered
            let (previous, next) = navigation.neighbours(of: page.url)
            var view = PageView(
                site: siteView, title: rendered.title,
                description: page.meta.description ?? site.config.siteDescription,
                canonicalURL: baseURL.map { $0 + page.url },
                root: PageView.root(forOutputPath: page.outputPath),
                contentHTML: rendered.html,
                toc: TocEntry.nest(rendered.toc.map { TocEntry(level: $0.level, id: $0.id, title: $0.title) }, levels: 1...6),
                sidebar: navigation.sidebar(for: page.url, options: sidebarOptions),
                previous: previous, next: next,
                editURL: editLinks?.editURL(for: page.path))
            if let dates = site.revisionDates[page.path] {
                view.lastUpdatedHTML = dates.updated
                view.createdHTML = dates.created
            }
            if features.tabs { view.tabs = navigation.tabs(for: page.url) }
            if features.path { view.path = navigation.path(to: page.url, homeURL: homeURL) }
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
        let failures = problems.compactMap(\.0)
        site.engine.emit(contentsOf: failures)
        var leaked: [String] = []
        for reasons in problems.map(\.1) { for reason in reasons where !leaked.contains(reason) { leaked.append(reason) } }
        for reason in leaked {
            site.engine.emit(
                Diagnostic(
                    .brandLeak, path: brand.path ?? site.config.path, at: nil,
                    message: "\(reason) appears in brand '\(brand.id)' outside page content (theme, templates or site settings)"))
        }
        if output != nil { state.pagesWritten = written.count - failures.count }
        guard plan.keeps(.notFoundPage, "404.html") else { return }
        do {
            let notFound = try renderer.render(page: Self.notFoundPage(siteView, baseURL: baseURL, navigation))
            try output?.write(Data(notFound.utf8), to: "404.html")
        } catch let error as DiagnosticError {
            site.engine.emit(contentsOf: error.diagnostics)
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
