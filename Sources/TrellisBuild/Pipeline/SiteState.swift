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
    /// The diagnostics sink, thread-safe. Each brand's stages get one of their own, merged into
    /// the site's when they end (see `BuildSession.build`).
    var engine: DiagnosticEngine
    /// What every brand's pages reference, recorded by the brand stages (thread-safe).
    var usage = UsageLedger()
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
        engine.emit(contentsOf: relativeToRoot(diagnostics))
    }

    /// `diagnostics` with paths under the site root made relative to it.
    func relativeToRoot(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let prefix = root.standardizedFileURL.path + "/"
        return diagnostics.map { d in
            var d = d
            if let path = d.path, path.hasPrefix(prefix) { d.path = String(path.dropFirst(prefix.count)) }
            return d
        }
    }

    /// How headings are slugged (`toc`'s `slugify` on an MkDocs site).
    var slugStyle: HeadingSlugStyle { settings.markdown.slugStyle }

    /// The brands this build writes.
    var selectedBrands: [Brand] {
        guard let wanted = options.brands else { return brands }
        return brands.filter { wanted.contains($0.id) }
    }
}
