import Foundation
import TrellisCore
import TrellisIcons

/// One brand's build, from its published pages to its staged output: a value each brand stage
/// takes `inout`, in order. Its pages are records, one per published page, so a stage that
/// looks at some pages never misaligns another's results.
struct BrandState: Sendable {
    let brand: Brand
    /// The pages published for this brand, in path order (set by `PrepareBrand`).
    var pages: [PageRecord] = []
    /// Published pages by docs-relative path.
    var publishedPaths: Set<String> = []
    var nav: [NavItem] = []
    /// What `BuildNavigation` found wrong with the nav (a preview that builds the nav again
    /// replaces it).
    var navDiagnostics: [Diagnostic] = []
    /// Whether the nav lists its pages (a configured or literate nav) rather than deriving
    /// them from the folder tree: then a page left out of it is a `PageNotInNav`.
    var navIsListed = false
    /// Pages left out of the nav without a `PageNotInNav`: `not_in_nav` and literate-nav's nav files.
    var quietlyOutOfNav: Set<String> = []
    /// The brand's link resolver, set by `PrepareBrand` once the published pages are known (see
    /// `LinkResolver.init(brand:site:)`); every later stage reads this one.
    var resolver = LinkResolver(pagePaths: [], publishedPaths: [], staticFiles: [], urls: [:])
    /// Page path → the brand's pages that link to it.
    var linkedFrom: [String: Set<String>] = [:]
    var icons: IconLibrary = .bundled
    /// Where the brand's output goes (nil in lint and render, which write nothing).
    var output: (any OutputWriter)?
    /// The brand's template override folders, checked to stay inside the project.
    var templateFolders: [URL] = []
    /// The brand's logo and favicon (setting key, path from the site root), where they exist
    /// inside the project.
    var brandAssets: [(key: String, path: String)] = []
    /// The theme's assets with the brand's overrides, read once by `CheckOutputPaths`.
    var themeAssets: [String: Data]?
    /// Which of the output's claimed paths are written (see `OutputPlan`).
    var outputPlan = OutputPlan()
    /// What the brand's checks (`CheckRegistry.brandChecks`) found.
    var brandCheckDiagnostics: [Diagnostic] = []
    /// The collisions `CheckOutputPaths` found.
    var outputCollisions: [Diagnostic] = []
    var pagesWritten = 0
    /// What `RenderTemplates` reported about the brand's theme rather than a page: its
    /// templates, its look (a preview that renders again replaces it).
    var themeDiagnostics: [Diagnostic] = []
    /// What rendering the brand's `404.html` reported.
    var notFoundDiagnostics: [Diagnostic] = []
    /// The brand's sitemap (set by `WriteSitemap`).
    var sitemap: Sitemap?
    /// What macros see of the brand's upgrade model (merged over its `extra`).
    var upgradeValues = ValueMap()
    /// Everything the brand's stages reported, sorted (set when they end).
    var reported: [Diagnostic] = []
    /// The brand's walkthrough block, made by `PrepareBrand` with the brand's icons.
    var walkthrough: WalkthroughBlock

    /// The brand's forbidden terms, prepared once for every page.
    let leakMatcher: BrandLeakMatcher
    /// The brand's own site addresses (host and path), for `AbsoluteSiteLink`.
    let siteBases: [(host: String, path: String)]

    init(brand: Brand, all brands: [Brand] = [], siteURL: String? = nil) {
        self.brand = brand
        self.leakMatcher = BrandLeakMatcher(brand: brand, all: brands)
        self.siteBases = [brand.siteURL, siteURL].compactMap { $0 }.compactMap(AbsoluteSiteLink.base)
        self.walkthrough = WalkthroughBlock(brand: brand, icons: .bundled)
    }

    /// Files each page's diagnostics from `stage` (`perPage`, in page order) with its record and
    /// reports them.
    mutating func report(_ perPage: [[Diagnostic]], stage: String, to engine: DiagnosticEngine) {
        for (i, diagnostics) in zip(pages.indices, perPage) where !diagnostics.isEmpty {
            pages[i].diagnosticsByStage[stage, default: []] += diagnostics
            engine.emit(contentsOf: diagnostics)
        }
    }
}
