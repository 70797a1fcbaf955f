import Foundation
import TrellisCore

/// `trellis serve`'s engine: builds every selected brand into memory (`BuildMode.preview`),
/// then, for each batch of changed files, rebuilds as little as gives the same result as a
/// clean build, and hands out the previewed brand's state as a `PreviewSnapshot`.
///
/// An edit of existing pages' text (front matter unchanged, title unchanged) reruns the page
/// stages on those pages' records only, checks again the links of the pages that link to a
/// page whose ids changed, reruns the page and brand checks and renders those pages into the
/// theme; the search index follows (`refreshSearch`). Anything else (a new, deleted or renamed page, a title or
/// front-matter change, the config, a brand file, a template, a static file, a snippet or an
/// included template, Material's blog, cross-references) rebuilds everything, from the config.
///
/// Not thread-safe: one task owns it (the `serve` command's).
public final class PreviewSession {
    public let options: BuildOptions
    private var site: SiteState?
    private var brands: [BrandState] = []
    /// What the site stages reported, and what each page's loading and macro parsing did (a
    /// page rebuild replaces its part).
    private var loadDiagnostics: Set<Diagnostic> = []
    /// What the last (re)build reported in all, sorted.
    private var diagnostics: [Diagnostic] = []
    private var unusable = false
    /// Each brand's files as of its last build without errors.
    private var lastGood: [String: [String: MemoryOutput.Entry]] = [:]
    /// Each brand's theme, loaded once per full build (a page rebuild renders with it).
    private var themes: [String: RenderTemplates.Theme] = [:]
    /// Brands whose search index predates a page rebuild (see `refreshSearch`).
    private var staleSearch: Set<String> = []
    /// Each brand's pages' ids by path, for link checks (kept up to date by page rebuilds).
    private var anchors: [String: [String: Set<String>]] = [:]
    /// What the final stages report (nil: to compute again).
    private var finalDiagnostics: [Diagnostic]?
    /// Every docs file some page uses as a file (linked, shown or included), of any brand.
    private var usedAsFiles: Set<String> = []
    /// The docs folder's files as of the last full build.
    private var knownDocsFiles: Set<String> = []
    private var generation = 0
    /// Increases with every rebuild: a search job made before one is out of date.
    private var version = 0
    /// The brand shown.
    public private(set) var brandID: String?
    /// What the last change cost: pages rendered into the theme, and whether it rebuilt all.
    public private(set) var lastRendered = 0
    public private(set) var lastWasFull = true

    public init(options: BuildOptions, brand: String? = nil) {
        var options = options
        options.mode = .preview
        self.options = options
        self.brandID = brand
    }

    /// Builds every selected brand and returns the first state to show.
    public func start() -> PreviewSnapshot {
        rebuildAll()
        return snapshot()
    }

    /// Applies a batch of changed files (paths relative to the site root; `everything` when the
    /// watcher lost track) and returns the new state (of the same generation when nothing that
    /// matters changed).
    public func apply(_ changed: Set<String>, everything: Bool = false) -> PreviewSnapshot {
        let changed = relevant(changed)
        if !everything && changed.isEmpty {
            lastRendered = 0
            lastWasFull = false
            return snapshot(bumping: false)
        }
        if everything || !rebuildPages(changed) { rebuildAll() }
        return snapshot()
    }

    /// `changed` without the files of the docs folder that are not there and were not part of
    /// the site either (a file written and renamed away within one batch): nothing can depend
    /// on them.
    private func relevant(_ changed: Set<String>) -> Set<String> {
        guard let site else { return changed }
        let docsPrefix = site.config.docsDir + "/"
        return changed.filter { path in
            guard path.hasPrefix(docsPrefix) else { return true }
            return knownDocsFiles.contains(String(path.dropFirst(docsPrefix.count)))
                || FileManager.default.fileExists(atPath: site.root.appending(path: path).path)
        }
    }

    /// Rebuilds the search index of the brands whose pages changed since it was written, and
    /// returns the new state, of the same generation (no page changed); nil when none is out of
    /// date. A page rebuild leaves this for
    /// after the reload: on a big site, the index takes longer than the page.
    public func refreshSearch() -> PreviewSnapshot? {
        guard let job = searchJob() else { return nil }
        return apply(job.run())
    }

    /// The work of bringing the search index up to date, to run anywhere (it holds copies of
    /// what it reads); nil when no index is out of date. A big site's index takes longer than a
    /// page rebuild, so `serve` runs it off the session and a save never waits for it.
    public func searchJob() -> SearchJob? {
        guard let site, !staleSearch.isEmpty else { return nil }
        return SearchJob(version: version, brands: brands.filter { staleSearch.contains($0.brand.id) }, site: site)
    }

    /// Whether `job` is still the one to run (no rebuild since it was made).
    public func isCurrent(_ job: SearchJob) -> Bool { job.version == version }

    /// Puts a finished search job's index in place and returns the new state (of the same
    /// generation: no page changed); nil when the site changed since the job was made (a later
    /// job follows).
    public func apply(_ result: SearchJob.Result) -> PreviewSnapshot? {
        guard result.version == version else { return nil }
        for brand in brands {
            guard let files = result.files[brand.brand.id], let output = brand.output as? MemoryOutput else { continue }
            output.replace(where: { SearchIndexFiles.isIndexFile($0) || $0 == SearchIndexFiles.manifestPath }, with: files)
            staleSearch.remove(brand.brand.id)
        }
        settle()
        return snapshot(bumping: false)
    }

    /// Shows another brand; nil when the site has no brand of that id.
    public func switchBrand(to id: String) -> PreviewSnapshot? {
        guard brands.contains(where: { $0.brand.id == id }) else { return nil }
        brandID = id
        return snapshot()
    }

    /// The pages the site has.
    public var pageCount: Int { site?.pages.count ?? 0 }

    /// Whether the config could not be used at all (nothing was built).
    public var isUnusable: Bool { unusable }

    /// The folders the watcher leaves out: the output folder, version control, caches.
    public var ignoredFolders: [String] {
        var folders = [".git", ".hg", ".svn", ".trellis-cache", ".build", "node_modules", "__pycache__"]
        if let site { folders.append(site.config.siteDir) } else { folders.append("site") }
        return folders
    }

    /// The state shown now: the previewed brand's last good files (its files as they are, when
    /// it never built without errors) and every diagnostic of the last (re)build.
    public func snapshot() -> PreviewSnapshot {
        snapshot(bumping: true)
    }

    /// The state shown now; `bumping` says whether it is a new generation (pages changed).
    private func snapshot(bumping: Bool) -> PreviewSnapshot {
        if bumping || generation == 0 { generation += 1 }
        let shown = brandID.flatMap { id in brands.first { $0.brand.id == id } } ?? brands.first
        let id = shown?.brand.id ?? ""
        let files = lastGood[id].map(MemoryFiles.init(entries:)) ?? currentFiles(of: id) ?? MemoryFiles(entries: [:])
        return PreviewSnapshot(
            generation: generation, brand: id, brands: brands.map { PreviewBrand(id: $0.brand.id, name: $0.brand.name) },
            files: files, diagnostics: diagnostics, sources: site?.sources ?? [:])
    }

    /// A brand's files as the last (re)build made them, errors or not (a snapshot shows the
    /// last good ones).
    func currentFiles(of brand: String) -> MemoryFiles? {
        guard let output = brands.first(where: { $0.brand.id == brand })?.output as? MemoryOutput else { return nil }
        return MemoryFiles(entries: output.files)
    }

    // MARK: - Full rebuild

    private func rebuildAll() {
        version += 1
        let session = BuildSession(options: options, keepsBrands: true)
        let report = session.run()
        site = session.site
        brands = session.brands
        themes = [:]
        staleSearch = []
        anchors = [:]
        finalDiagnostics = nil
        usedAsFiles = brands.reduce(into: Set<String>()) { used, brand in
            for record in brand.pages { used.formUnion(record.references.files) }
        }
        knownDocsFiles = Set(session.site.files.pages).union(session.site.files.staticFiles).union(session.site.files.excluded.keys)
        unusable = report.outcome == .unusable
        loadDiagnostics = Set(session.loadDiagnostics)
        if let brandID, !brands.contains(where: { $0.brand.id == brandID }) { self.brandID = nil }
        if brandID == nil { brandID = brands.first?.brand.id }
        lastRendered = brands.reduce(0) { $0 + $1.pagesWritten }
        lastWasFull = true
        settle()
    }

    /// Recomputes the diagnostics from their parts and keeps each brand's files if nothing is
    /// an error.
    private func settle() {
        var all = loadDiagnostics
        for brand in brands { all.formUnion(brand.reported) }
        if let site {
            let final = finalDiagnostics ?? Self.finalDiagnostics(site, brands: brands)
            finalDiagnostics = final
            all.formUnion(final)
        }
        diagnostics = all.sorted(by: Diagnostic.sortKey)
        guard !unusable, !diagnostics.contains(where: { $0.severity == .error }) else { return }
        for brand in brands {
            if let output = brand.output as? MemoryOutput { lastGood[brand.brand.id] = output.files }
        }
    }

    /// What the final stages report, from every brand's records.
    private static func finalDiagnostics(_ site: SiteState, brands: [BrandState]) -> [Diagnostic] {
        var scratch = site
        scratch.engine = DiagnosticEngine(policy: site.engine.policy)
        scratch.usage = UsageLedger()
        for brand in brands {
            scratch.usage.record(files: brand.pages.reduce(into: Set<String>()) { $0.formUnion($1.references.files) })
        }
        for stage in BuildPipeline.finalStages(for: .preview) { try? stage.run(&scratch) }
        return scratch.engine.diagnostics
    }

    // MARK: - Page rebuild

    /// Rebuilds the pages whose text changed; false when the change is not only that, and
    /// everything must be rebuilt (which `apply` then does: the state may be half changed).
    /// Works on the site and the brands in place: on a big site, a copy of every page's record
    /// would cost more than the page.
    private func rebuildPages(_ changed: Set<String>) -> Bool {
        guard let loaded = site, !unusable, !changed.isEmpty, loaded.blog == nil,
            !loaded.settings.markdown.extensions.contains(.autorefs)
        else { return false }
        let docsPrefix = loaded.config.docsDir + "/"
        var paths: [String] = []
        for path in changed.sorted() {
            guard path.hasPrefix(docsPrefix), loaded.pageIndex[String(path.dropFirst(docsPrefix.count))] != nil else { return false }
            paths.append(String(path.dropFirst(docsPrefix.count)))
        }
        // A page another uses as a file (a snippet, an include) changes that page too.
        if paths.contains(where: usedAsFiles.contains) { return false }
        let included = loaded.macroIncludes?.loadedFiles ?? []
        if paths.contains(where: { included.contains(docsPrefix + $0) }) { return false }

        // The site, taken out of the session so that changing it copies nothing.
        guard var site = self.site.take() else { return false }
        version += 1
        let brandIDs = Set(site.brands.map(\.id))
        let indexPaths = Set(paths.compactMap { path in site.pageIndex[path].flatMap { site.pages[$0].isIndex ? path : nil } })
        let (pages, loadProblems) = LoadPages.load(
            paths: paths, docsDir: site.docsDir, docsPath: site.config.docsDir, brandIDs: brandIDs,
            directoryURLs: site.config.directoryURLs, indexPaths: indexPaths)
        guard pages.count == paths.count else { return false }
        var load = loadDiagnostics
        var changedIndices: [Int] = []
        for page in pages {
            guard let i = site.pageIndex[page.path] else { return false }
            let old = site.pages[i]
            // A front matter change may change what is published where, the nav, the title.
            guard old.file.text.utf8.prefix(old.bodyOffset).elementsEqual(page.file.text.utf8.prefix(page.bodyOffset)) else {
                return false
            }
            let (template, parsed) = ParseMacros.template(of: page, settings: site.settings.macros, python: site.macroPython)
            // The first macros of a site that had none need the plugin's variables, read once.
            if template != nil, site.settings.macros.plugin != nil, site.macroPython == nil { return false }
            load.subtract(Self.pageDiagnostics(old, site: site, indexPaths: indexPaths))
            // (Every diagnostic of loading a page names its file.)
            load.formUnion(loadProblems.filter { $0.path == page.file.path })
            load.formUnion(parsed)
            site.pages[i] = page
            site.sources[page.file.path] = page.file
            site.macroTemplates[i] = template
            changedIndices.append(i)
        }

        // Each brand: the pages' records again, then what depends on them.
        var rendered = 0
        var filesChanged = false
        for b in brands.indices {
            let id = brands[b].brand.id
            if themes[id] == nil { themes[id] = RenderTemplates.theme(brands[b], site: site) }
            if anchors[id] == nil { anchors[id] = Dictionary(brands[b].pages.map { ($0.path, $0.rendered.ids) }, uniquingKeysWith: { a, _ in a }) }
            guard let theme = themes[id], var ids = anchors[id],
                let result = Self.rebuild(changedIndices, in: &brands[b], site: site, theme: theme, anchors: &ids)
            else { return false }
            anchors[id] = ids
            rendered += result.rendered
            filesChanged = filesChanged || result.filesChanged
            if result.rendered > 0, site.config.search.enabled { staleSearch.insert(id) }
        }
        self.site = site
        if filesChanged {
            finalDiagnostics = nil
            usedAsFiles = brands.reduce(into: Set<String>()) { used, brand in
                for record in brand.pages { used.formUnion(record.references.files) }
            }
        }
        loadDiagnostics = load
        lastRendered = rendered
        lastWasFull = false
        settle()
        return true
    }

    /// What loading and parsing a page's earlier text reported (read again from memory: it is
    /// no longer on disk).
    private static func pageDiagnostics(_ page: SourcePage, site: SiteState, indexPaths: Set<String>) -> Set<Diagnostic> {
        let (_, load) = LoadPages.load(
            paths: [page.path], docsDir: site.docsDir, docsPath: site.config.docsDir, brandIDs: Set(site.brands.map(\.id)),
            directoryURLs: site.config.directoryURLs, inMemory: [page.path: PageSource(text: page.file.text, path: page.path)],
            indexPaths: indexPaths)
        let (_, parsed) = ParseMacros.template(of: page, settings: site.settings.macros, python: site.macroPython)
        return Set(load).union(parsed)
    }

    /// Rebuilds the pages at `indices` (into `site.pages`) in one brand, in place: their
    /// records, the link checks of pages that link to a page whose ids changed (with `anchors`,
    /// every page's ids, kept up to date), the checks, the pages in the theme. Nil when a page's
    /// title changed, which changes the nav of other pages.
    private static func rebuild(
        _ indices: [Int], in state: inout BrandState, site: SiteState, theme: RenderTemplates.Theme, anchors: inout [String: Set<String>]
    ) -> (rendered: Int, filesChanged: Bool)? {
        var scratch = site
        let policy = site.engine.policy
        scratch.engine = DiagnosticEngine(policy: policy)
        scratch.usage = UsageLedger()
        var positions: [Int] = []
        var before: [Int: PageRecord] = [:]
        for i in indices {
            guard let r = state.pages.firstIndex(where: { $0.index == i }) else { continue }
            var record = PageRecord(index: i, source: site.pages[i])
            rerun(ExpandMacros(), &record, state: state, site: scratch)
            rerun(IncludeSnippets(), &record, state: state, site: scratch)
            rerun(RenderMarkdown(), &record, state: state, site: scratch)
            // A new title changes the nav of other pages.
            guard record.rendered.ownTitle == state.pages[r].rendered.ownTitle else { return nil }
            record.rendered.title = state.pages[r].rendered.title
            before[r] = state.pages[r]
            state.pages[r] = record
            anchors[record.path] = record.rendered.ids
            positions.append(r)
        }
        guard !positions.isEmpty else { return (0, false) }
        // Links: the pages' own, and those of pages linking to a page whose ids changed.
        var linkers: Set<Int> = []
        let moved = positions.filter { state.pages[$0].rendered.ids != before[$0]?.rendered.ids }
        if !moved.isEmpty {
            let position = Dictionary(state.pages.indices.map { (state.pages[$0].path, $0) }, uniquingKeysWith: { a, _ in a })
            for r in moved {
                for path in state.linkedFrom[state.pages[r].path] ?? [] { if let l = position[path] { linkers.insert(l) } }
            }
        }
        linkers.subtract(positions)
        for l in linkers { before[l] = state.pages[l] }
        let checkLinks = CheckLinks()
        let linkContext = CheckLinks.Context(
            resolver: state.resolver, ids: anchors, brand: state.brand.id, outside: site.isPlainMkDocs ? .brokenLink : .outsideRoot)
        for r in positions + linkers.sorted() {
            state.pages[r].diagnosticsByStage[checkLinks.name] = checkLinks.update(&state.pages[r], context: linkContext, site: scratch)
        }
        let runChecks = RunChecks()
        var oldBrandChecks: [Diagnostic] = []
        var linksChanged = false, filesChanged = false
        if let context = runChecks.prepare(state, site: scratch) {
            for r in positions {
                state.pages[r].diagnosticsByStage[runChecks.name] = runChecks.update(&state.pages[r], context: context, site: scratch)
                linksChanged = linksChanged || state.pages[r].references.pages != before[r]?.references.pages
                filesChanged = filesChanged || state.pages[r].references.files != before[r]?.references.files
            }
            // The brand's checks read its link graph: only links to other pages change them.
            if linksChanged {
                oldBrandChecks = CheckRegistry.brandChecks.flatMap { $0.check(state, site: scratch) }
                runChecks.finish(&state, context: context, site: scratch)
            }
        }
        let oldLeaks = RenderTemplates.themeLeakDiagnostics(state, site: site)
        let paths = Set(positions.map { state.pages[$0].path })
        let rendered = RenderTemplates.renderPages(&state, site: scratch, theme: theme, only: paths)

        // What the brand reported: without what the rebuilt parts said before, with what they
        // say now. (Records and checks keep diagnostics as emitted; the brand's report has them
        // with the policy's severities.)
        var reported = Set(state.reported)
        for old in before.values { reported.subtract(old.diagnostics.compactMap(policy.adjusted)) }
        reported.subtract(oldBrandChecks.compactMap(policy.adjusted))
        reported.subtract(oldLeaks.compactMap(policy.adjusted))
        reported.formUnion(scratch.engine.diagnostics)
        for r in before.keys { reported.formUnion(state.pages[r].diagnostics.compactMap(policy.adjusted)) }
        state.reported = reported.sorted(by: Diagnostic.sortKey)
        return (rendered, filesChanged)
    }

    /// Reruns one page stage on one record, filing what it says under the stage's name.
    private static func rerun<Stage: PageStage>(_ stage: Stage, _ record: inout PageRecord, state: BrandState, site: SiteState) {
        guard let context = stage.prepare(state, site: site) else { return }
        record.diagnosticsByStage[stage.name] = stage.update(&record, context: context, site: site)
    }
}

extension Optional {
    /// The value, leaving nil in its place.
    fileprivate mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}

/// Bringing some brands' search index up to date (see `PreviewSession.searchJob`).
public struct SearchJob: Sendable {
    /// The new index files of each brand.
    public struct Result: Sendable {
        let version: Int
        let files: [String: [String: MemoryOutput.Entry]]
    }

    let version: Int
    let brands: [BrandState]
    let site: SiteState

    /// Builds the index files, in memory (in parallel, as a build does).
    public func run() -> Result {
        var files: [String: [String: MemoryOutput.Entry]] = [:]
        for brand in brands {
            var state = brand
            let output = MemoryOutput()
            state.output = output
            var scratch = site
            scratch.engine = DiagnosticEngine(policy: site.engine.policy)
            // Writing to memory cannot fail.
            try? IndexSearch().run(&state, site: scratch)
            files[brand.brand.id] = output.files
        }
        return Result(version: version, files: files)
    }
}

/// A brand's files as a preview snapshot holds them.
struct MemoryFiles: PreviewFiles {
    let entries: [String: MemoryOutput.Entry]

    func contents(of path: String) -> Data? {
        switch entries[path] {
        case .data(let data): data
        case .copy(let source): FileTree.contents(of: source.path)
        case nil: nil
        }
    }
}
