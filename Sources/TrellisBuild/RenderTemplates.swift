import Foundation
import TrellisCore
import TrellisTemplates

/// Stage: renders every page into the theme and writes it (in parallel).
struct RenderTemplates: BrandStage {
    let name = "render templates"
    var runsInLint: Bool { false }

    func run(_ state: BrandState, site: SiteState) throws {
        let brand = state.brand
        let overrides = brand.theme.templates.map { [site.root.appending(path: $0)] } ?? []
        let renderer: ThemeRenderer
        do {
            renderer = try ThemeRenderer(overrides: overrides)
        } catch let error as DiagnosticError {
            site.emitRelativeToRoot(error.diagnostics)
            return
        }
        guard let output = state.output else { return }
        let siteView = Self.siteView(site.config, brand: brand)
        let navigation = NavigationIndex(state.nav.map(Self.navNode))
        let baseURL = (brand.siteURL ?? site.config.siteURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let problems = ParallelMap.map(Array(state.published.indices)) { i -> Diagnostic? in
            let page = site.pages[state.published[i]]
            let rendered = state.rendered[i]
            let (previous, next) = navigation.neighbours(of: page.url)
            let view = PageView(
                site: siteView, title: rendered.title,
                description: page.meta.description ?? site.config.siteDescription,
                canonicalURL: baseURL.map { $0 + page.url },
                root: PageView.root(forOutputPath: page.outputPath),
                contentHTML: rendered.html,
                toc: TocEntry.nest(rendered.toc.map { TocEntry(level: $0.level, id: $0.id, title: $0.title) }),
                sidebar: navigation.sidebar(for: page.url),
                previous: previous, next: next)
            do {
                let html = try renderer.render(page: view)
                try output.write(Data(html.utf8), to: page.outputPath)
                return nil
            } catch let error as DiagnosticError {
                return error.diagnostics.first
            } catch {
                return Diagnostic(.templateError, path: page.file.path, at: nil, message: "cannot render the page: \(error)")
            }
        }
        site.engine.emit(contentsOf: problems.compactMap { $0 })
        state.pagesWritten = state.published.count - problems.compactMap { $0 }.count
    }

    static func navNode(_ item: NavItem) -> NavNode {
        NavNode(title: item.title, url: item.url, children: item.children.map(navNode))
    }

    static func siteView(_ config: SiteConfig, brand: Brand) -> SiteView {
        SiteView(
            siteName: config.siteName, brandName: brand.name,
            logoURL: brand.theme.logo.map { CopyFiles.brandAssetPath($0) },
            faviconURL: brand.theme.favicon.map { CopyFiles.brandAssetPath($0) },
            primaryColor: brand.theme.primary, accentColor: brand.theme.accent,
            copyrightHTML: config.copyright, language: config.language)
    }
}
