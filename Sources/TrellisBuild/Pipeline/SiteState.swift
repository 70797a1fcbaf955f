import Foundation
import TrellisCore
import TrellisIcons
import TrellisMacros
import TrellisMarkdown
import UpgradeModel

/// What the site stages produce: a value each site stage takes `inout`, in order, then frozen:
/// the brand stages get it as a constant and cannot change it. What they report goes into its
/// two sinks, the only things of a build written from several threads: `engine` (diagnostics)
/// and `usage` (what the pages reference).
struct SiteState: Sendable {
    let options: BuildOptions
    /// The diagnostics sink, thread-safe.
    let engine: DiagnosticEngine
    /// What every brand's pages reference, recorded by the brand stages (thread-safe).
    let usage = UsageLedger()
    var config = SiteConfig()
    /// What the stages read of the site's configuration, typed (set by `LoadConfig`).
    var settings = SiteSettings()
    /// The MkDocs theme's `custom_dir`, read once.
    var customDir: MkDocsCustomDir?
    /// The stylesheets the custom_dir's `main.html` adds (`MkDocsCustomDir.headStyles`).
    var customDirHeadStyles: MkDocsCustomDir.HeadStyles?
    var brands: [Brand] = []
    var files = DiscoveredFiles()
    var pages: [SourcePage] = []
    /// Page index by docs-relative path.
    var pageIndex: [String: Int] = [:]
    /// Material's blog, when the MkDocs site uses the `blog` plugin (set by `ResolveBlog`).
    var blog: Blog?
    /// Each page's macro template, parsed once for every brand (nil: no macros to expand).
    var macroTemplates: [MacroTemplate?] = []
    /// The templates `{% include %}` renders, read once for every page and brand.
    var macroIncludes: MacroIncludeLibrary?
    /// The macros plugin's own variables (its `include_yaml` files, `git`), under every brand's
    /// `extra`.
    var macroBuiltins = ValueMap()
    /// The functions of the macros plugin's Python code, which Trellis cannot run (nil without
    /// the plugin).
    var macroPython: PythonMacros?
    /// Each page's dates from git, by docs-relative path (set by `ReadGitDates` when the site
    /// enables them; a page without an entry shows none).
    var revisionDates: [String: PageRevisionDates] = [:]
    /// Source files by diagnostic path, for printing the offending line.
    var sources: [String: SourceFile] = [:]

    /// The day catalogue versions are judged on (see `BuildOptions.today`).
    let buildDay: CalendarDay
    /// When the build runs (`BuildOptions.today`, else `SOURCE_DATE_EPOCH`, else now): MkDocs'
    /// build date, for the sitemap and the git-revision-date plugin's fallback.
    let buildDate: Date

    init(options: BuildOptions) {
        self.options = options
        self.engine = DiagnosticEngine(strict: options.strict)
        self.project = ProjectFolder(root: options.root)
        // A value outside years 1970-9999 (or not a number) is ignored.
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).flatMap {
            (0...253_402_300_799).contains($0) ? $0 : nil
        }
        self.buildDate = options.today ?? epoch.map(Date.init(timeIntervalSince1970:)) ?? Date()
        self.buildDay = CalendarDay(buildDate)
    }

    /// The folders symlinks may lead into (set by `LoadConfig`).
    var project: ProjectFolder
    /// The build's staged output for every brand (nil in lint, and before `OpenOutput`).
    var output: SiteOutput?

    /// An MkDocs site built as MkDocs builds it: `mkdocs.yml` on its own, with no `trellis.yml`
    /// on top and no `--brand` files. Its macros follow the macros plugin, and its pages' problems
    /// are warnings, as MkDocs reports them (see `LoadConfig.mkdocsErrors`).
    var isPlainMkDocs: Bool { settings.isPlainMkDocs }

    var root: URL { options.root }
    var docsDir: URL { config.url(of: config.docsDir, root: root) }
    var siteDir: URL { config.url(of: config.siteDir, root: root) }
    var staticFiles: Set<String> { Set(files.staticFiles) }

    /// Where a file of the docs folder is written: at its path, but Material's blog moves the
    /// posts folder's files (see `Blog.mediaPaths`).
    func outputPath(ofStaticFile path: String) -> String {
        blog?.mediaPaths[path] ?? path
    }

    /// Emits diagnostics from modules that name files by absolute path, with paths made
    /// relative to the site root like every other diagnostic.
    func emitRelativeToRoot(_ diagnostics: [Diagnostic]) {
        let prefix = root.standardizedFileURL.path + "/"
        engine.emit(
            contentsOf: diagnostics.map { d in
                var d = d
                if let path = d.path, path.hasPrefix(prefix) { d.path = String(path.dropFirst(prefix.count)) }
                return d
            })
    }

    /// How headings are slugged (`toc`'s `slugify` on an MkDocs site).
    var slugStyle: HeadingSlugStyle { settings.markdown.slugStyle }

    /// The brands this build writes.
    var selectedBrands: [Brand] {
        guard let wanted = options.brands else { return brands }
        return brands.filter { wanted.contains($0.id) }
    }
}

/// What the pages of every brand reference: the files (for `UnusedAsset`), the pages that link
/// to each page (for `--changed-since`, and for a preview to know what a change affects) and
/// the external links (for `--external`). Brand stages record into it; it is read once every
/// brand ran.
final class UsageLedger: Sendable {
    struct Usage: Sendable {
        /// Static files some page of some brand references.
        var files: Set<String> = []
        /// Page path → the pages (of any brand) that link to it.
        var linkedFrom: [String: Set<String>] = [:]
        var externalLinks: Set<ExternalLinkReference> = []
    }

    private let usage = Locked(Usage())

    /// Records what one brand's pages reference.
    func record(files: Set<String>, linkedFrom links: [String: Set<String>] = [:], external: Set<ExternalLinkReference> = []) {
        usage.withLock { usage in
            usage.files.formUnion(files)
            usage.externalLinks.formUnion(external)
            usage.linkedFrom.merge(links) { $0.union($1) }
        }
    }

    /// What is recorded so far.
    var recorded: Usage { usage.withLock { $0 } }
}

/// One published page of one brand, as the brand stages fill it in: its source, its Markdown
/// after macros and snippets, its rendered body (with its title, ids and links) and what was
/// reported about it.
struct PageRecord: Sendable {
    /// Its place in `SiteState.pages`.
    let index: Int
    let source: SourcePage
    /// The text `RenderMarkdown` parses (set by `ExpandMacros`, then `IncludeSnippets`).
    var text: PageText
    /// The body (set by `RenderMarkdown`, then amended by the stages after it).
    var rendered: RenderedPage
    /// What the page references (set by `IncludeSnippets` and `RunChecks`).
    var references = PageReferences()
    /// What the brand's stages reported about this page, in stage order.
    var diagnostics: [Diagnostic] = []

    init(index: Int, source: SourcePage) {
        self.index = index
        self.source = source
        let body = String(source.body)
        text = PageText(text: body, sourceMap: .identity(length: body.utf8.count, sourceOffset: source.bodyOffset))
        rendered = RenderedPage(html: "", title: source.title, toc: [], ids: [], links: [])
    }

    var path: String { source.path }
}

/// What one page references.
struct PageReferences: Sendable {
    /// Files of the docs folder (docs-relative): linked, shown, or included as snippets.
    var files: Set<String> = []
    /// The other pages it links to.
    var pages: Set<String> = []
    /// Its external http(s) links (collected for `--external` only).
    var external: Set<ExternalLinkReference> = []
}

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
    var output: OutputFolder?
    /// The brand's template override folders, checked to stay inside the project.
    var templateFolders: [URL] = []
    /// The brand's logo and favicon (setting key, path from the site root), where they exist
    /// inside the project.
    var brandAssets: [(key: String, path: String)] = []
    /// The theme's assets with the brand's overrides, read once by `CheckOutputPaths`.
    var themeAssets: [String: Data]?
    /// Which of the output's claimed paths are written (see `OutputPlan`).
    var outputPlan = OutputPlan()
    var pagesWritten = 0
    /// The brand's sitemap (set by `WriteSitemap`).
    var sitemap: Sitemap?
    /// What macros see of the brand's upgrade model (merged over its `extra`).
    var upgradeValues = ValueMap()
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

    /// Files each page's diagnostics (`perPage`, in page order) with its record and reports
    /// them.
    mutating func report(_ perPage: [[Diagnostic]], to engine: DiagnosticEngine) {
        for (i, diagnostics) in zip(pages.indices, perPage) where !diagnostics.isEmpty {
            pages[i].diagnostics += diagnostics
            engine.emit(contentsOf: diagnostics)
        }
    }
}

/// A brand's walkthrough block: the model's state graph and the brand's icons, built the first
/// time a page embeds it, then shared by every page that does.
final class WalkthroughBlock: Sendable {
    let brand: Brand
    let icons: IconLibrary
    private let markup = Locked<Result<String, DirectiveFailure>?>(nil)

    init(brand: Brand, icons: IconLibrary) {
        self.brand = brand
        self.icons = icons
    }

    /// The block's HTML, or why it cannot be built.
    func html() -> Result<String, DirectiveFailure> {
        markup.withLock { markup in
            if let markup { return markup }
            let result = build()
            markup = result
            return result
        }
    }

    private func build() -> Result<String, DirectiveFailure> {
        guard let upgrades = brand.upgrades, let settings = upgrades.walkthrough else {
            return .failure(
                DirectiveFailure(
                    "brand '\(brand.id)' has no walkthrough scenario; add 'upgrades: walkthrough:' to \(brand.path ?? "its brand file")"))
        }
        let panel = brand.extra["panel"]?["name"]?.stringValue ?? brand.name
        do {
            let json = try WalkthroughGraph.json(for: settings.scenario(catalogue: upgrades.catalogue, panelName: panel))
            return .success(
                WalkthroughDirective.markup(
                    scenario: WalkthroughDirective.scenarios[0], json: json, icons: WalkthroughDirective.icons(icons)))
        } catch let error as WalkthroughGraph.TooManyStates {
            return .failure(DirectiveFailure("\(error) (\(brand.path ?? "the brand file"))"))
        } catch {
            return .failure(DirectiveFailure("the walkthrough's state graph cannot be built: \(error)"))
        }
    }
}
