import Foundation
import TrellisCore
import TrellisMacros
import TrellisTemplates

/// `trellis serve`'s engine: builds every selected brand into memory (`BuildMode.preview`),
/// then, for each batch of changed files, rebuilds as little as gives the same result as a
/// clean build, and hands out the previewed brand's state as a `PreviewSnapshot`.
///
/// An edit of existing pages' text (front matter unchanged) reruns the page stages on those
/// pages' records only, checks again the links of the pages that link to a page whose ids
/// changed, reruns the page and brand checks and renders those pages into the theme; when a
/// page's title changed, it builds the nav again and renders too the pages whose navigation
/// shows the change. An edit of a brand's templates renders every page of that brand into the
/// new theme without parsing any page again; an edit of its theme assets writes them. The
/// search index follows (`refreshSearch`). Anything else (a new, deleted or renamed page, a
/// front-matter change, the config, a brand file, a static file, a snippet or an included
/// template, `custom_dir`, Material's blog, cross-references) rebuilds everything, from the
/// config.
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
    /// What finding the docs folder's files reported at the last full build.
    private var discoveryDiagnostics: Set<Diagnostic> = []
    /// Every file a page's snippets read (real paths), of any brand.
    private var readBySnippets: Set<String> = []
    /// The files of each brand's template folders (by the folder's path), when pages may read
    /// files there (snippets, macro includes): a file added or removed there may change a page.
    private var templateListings: [String: Set<String>] = [:]
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
        let done: Bool
        if everything {
            done = false
        } else if let touched = themeChange(changed) {
            done = rerenderTheme(changed, brands: touched)
        } else if let (added, removed) = pageSetChange(changed) {
            done = addAndRemovePages(added: added, removed: removed)
        } else {
            done = rebuildPages(changed)
        }
        if !done { rebuildAll() }
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

    /// The site's pages' files, by path from the site root.
    var pagePaths: [String] { site.map { site in site.pages.map { site.config.docsDir + "/" + $0.path } } ?? [] }

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
        usedAsFiles = Self.usedFiles(brands)
        knownDocsFiles = Set(session.site.files.pages).union(session.site.files.staticFiles).union(session.site.files.excluded.keys)
        readBySnippets = Self.snippetFiles(brands)
        templateListings = Self.templateListings(brands, site: session.site)
        unusable = report.outcome == .unusable
        loadDiagnostics = Set(session.loadDiagnostics)
        discoveryDiagnostics = Set([DiscoverFiles().name, ExcludeFiles().name].flatMap { session.siteStageDiagnostics[$0] ?? [] })
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

    /// Every docs file the brands' pages use as a file (linked, shown or included).
    private static func usedFiles(_ brands: [BrandState]) -> Set<String> {
        brands.reduce(into: Set<String>()) { used, brand in
            for record in brand.pages { used.formUnion(record.references.files) }
        }
    }

    /// Every file the brands' pages' snippets read.
    private static func snippetFiles(_ brands: [BrandState]) -> Set<String> {
        brands.reduce(into: Set<String>()) { read, brand in
            for record in brand.pages { read.formUnion(record.references.snippets) }
        }
    }

    /// The files of the brands' template folders, when pages may read files there.
    private static func templateListings(_ brands: [BrandState], site: SiteState) -> [String: Set<String>] {
        let includes = site.macroIncludes.map { site.config.url(of: $0.folderPath, root: site.root).standardizedFileURL.path + "/" }
        var listings: [String: Set<String>] = [:]
        for folder in Set(brands.flatMap(\.templateFolders)) {
            let path = folder.standardizedFileURL.path + "/"
            guard site.settings.snippets != nil || includes.map({ path.hasPrefix($0) || $0.hasPrefix(path) }) == true else { continue }
            listings[folder.path] = Set(FileTree.files(under: folder.path, within: site.project).files)
        }
        return listings
    }

    // MARK: - Theme rerender

    /// The brands (their positions in `brands`) whose template folders hold every changed
    /// file; nil when a change is not only that, or may change more than the theme: a file a
    /// page reads, a symlink, a folder's files when pages may read files there.
    private func themeChange(_ changed: Set<String>) -> [Int]? {
        guard let site, !unusable, !brands.isEmpty else { return nil }
        let root = site.root.standardizedFileURL.path + "/"
        let docsPrefix = site.config.docsDir + "/"
        let settingFiles = Set([site.config.path] + site.brands.compactMap(\.path))
        let included = site.macroIncludes?.loadedFiles ?? []
        var touched: Set<Int> = []
        for path in changed {
            guard !path.hasPrefix(docsPrefix), !settingFiles.contains(path), !included.contains(path) else { return nil }
            if let customDir = site.customDir, path.hasPrefix(customDir.path + "/") { return nil }
            var real: Set<String> = [site.project.root + "/" + path]
            if case .inside(let resolved) = site.project.follow(root + path) { real.insert(resolved) }
            guard real.isDisjoint(with: readBySnippets) else { return nil }
            var info = stat()
            if lstat(root + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return nil }
            let owners = brands.indices.filter { b in
                brands[b].templateFolders.contains { (root + path).hasPrefix($0.standardizedFileURL.path + "/") }
            }
            guard !owners.isEmpty else { return nil }
            touched.formUnion(owners)
        }
        return touched.sorted()
    }

    /// Renders the pages of the brands at `touched` into their changed templates, and writes
    /// their changed theme assets, without parsing any page again; false when the change is
    /// more than that (nothing is changed then).
    private func rerenderTheme(_ changed: Set<String>, brands touched: [Int]) -> Bool {
        guard let site else { return false }
        // Everything that can refuse, before anything changes: the folders are still there, the
        // theme has the same assets (the output's paths are claimed), pages read nothing there.
        var assets: [Int: [String: Data]] = [:]
        for b in touched {
            let folders = brands[b].templateFolders
            var isFolder: ObjCBool = false
            guard folders.allSatisfy({ FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && isFolder.boolValue }),
                let read = try? ThemeRenderer.assets(overrides: folders), Set(read.keys) == Set((brands[b].themeAssets ?? [:]).keys)
            else { return false }
            assets[b] = read
        }
        guard Self.templateListings(brands, site: site) == templateListings else { return false }
        version += 1
        let templates = changed.contains { $0.hasSuffix(ThemeRenderer.templateExtension) }
        var rendered = 0
        for b in touched {
            let result = Self.rerender(&brands[b], site: site, assets: assets[b] ?? [:], templates: templates)
            rendered += result.rendered
            if templates { themes[brands[b].brand.id] = result.theme }
        }
        lastRendered = rendered
        lastWasFull = false
        settle()
        return true
    }

    /// Writes a brand's changed theme assets and, when `templates` changed, renders its pages
    /// and its `404.html` into them again (as `RenderTemplates` does, with the records as they
    /// are); replaces what that said before in the brand's report. Returns the pages rendered
    /// and the theme (nil when its templates cannot be loaded: then, as in a clean build, no
    /// page is in the output).
    private static func rerender(
        _ state: inout BrandState, site: SiteState, assets: [String: Data], templates: Bool
    ) -> (rendered: Int, theme: RenderTemplates.Theme?) {
        if let output = state.output {
            for (path, data) in assets where state.outputPlan.keeps(.themeAsset, path) && state.themeAssets?[path] != data {
                // Writing to memory cannot fail.
                try? output.write(data, to: path)
            }
        }
        state.themeAssets = assets
        guard templates else { return (0, nil) }
        let policy = site.engine.policy
        var scratch = site
        scratch.engine = DiagnosticEngine(policy: policy)
        let stage = RenderTemplates.stageName
        var old = state.themeDiagnostics + state.notFoundDiagnostics + RenderTemplates.themeLeakDiagnostics(state, site: site)
        for record in state.pages { old += record.diagnosticsByStage[stage] ?? [] }
        let (theme, problems) = RenderTemplates.theme(state, site: scratch)
        state.themeDiagnostics = problems
        state.notFoundDiagnostics = []
        var rendered = 0
        if let theme {
            rendered = RenderTemplates.renderPages(&state, site: scratch, theme: theme)
            state.notFoundDiagnostics = RenderTemplates.renderNotFoundPage(state, site: scratch, theme: theme)
        } else {
            // As in a clean build: no page in the theme, no 404 page.
            let plan = state.outputPlan
            let unwritten = Set(state.pages.map(\.source.outputPath).filter { plan.keeps(.page, $0) })
            (state.output as? MemoryOutput)?.replace(where: { unwritten.contains($0) || $0 == "404.html" }, with: [:])
            for i in state.pages.indices {
                state.pages[i].diagnosticsByStage[stage] = nil
                state.pages[i].themeLeaks = []
            }
        }
        if state.output != nil { state.pagesWritten = rendered }
        state.revise(dropping: old, adding: problems + state.notFoundDiagnostics, reportedBy: scratch.engine)
        return (rendered, theme)
    }

    /// Every page's ids by path, for link checks.
    private static func anchors(of brand: BrandState) -> [String: Set<String>] {
        Dictionary(brand.pages.map { ($0.path, $0.rendered.ids) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: - New and deleted pages

    /// The pages (docs-relative) a batch adds and deletes, when that is all it does; nil
    /// otherwise, or when the site has what a new page may change beyond the pages, their
    /// links and the nav (checked again in `addAndRemovePages`).
    private func pageSetChange(_ changed: Set<String>) -> (added: [String], removed: [String])? {
        guard let site, !unusable, site.blog == nil, !site.settings.markdown.extensions.contains(.autorefs),
            site.settings.snippets == nil, site.settings.navigation.literateNav == nil,
            site.config.revisionDates == nil, site.settings.redirects.maps.isEmpty
        else { return nil }
        let docsPrefix = site.config.docsDir + "/"
        var added: [String] = [], removed: [String] = []
        for path in changed.sorted() {
            guard path.hasPrefix(docsPrefix) else { return nil }
            let relative = String(path.dropFirst(docsPrefix.count))
            let exists = FileManager.default.fileExists(atPath: site.docsDir.appending(path: relative).path)
            if site.pageIndex[relative] != nil, !exists {
                // A page another uses as a file (a snippet, an include) changes that page too.
                guard !usedAsFiles.contains(relative), !(site.macroIncludes?.loadedFiles.contains(path) ?? false) else { return nil }
                removed.append(relative)
            } else if !knownDocsFiles.contains(relative), exists {
                // (A new file that is not a page shows when the folder is found again.)
                added.append(relative)
            } else {
                return nil
            }
        }
        // A new file may be the one a page's snippet or include was missing.
        let missing = loadDiagnostics.contains { $0.id == .missingSnippet } || brands.contains { $0.reported.contains { $0.id == .missingSnippet } }
        return missing ? nil : (added, removed)
    }

    /// Adds the new pages and drops the deleted ones: the docs folder is found again, the new
    /// pages loaded, and in each brand the records are kept but for the new pages and the pages
    /// whose links now lead elsewhere (rebuilt as edited pages are), the nav is built again and
    /// the pages whose navigation shows the change are rendered. False when the change turns
    /// out to be more than that (nothing is changed then).
    private func addAndRemovePages(added: [String], removed: [String]) -> Bool {
        guard let loaded = site else { return false }
        // The docs folder again: exactly these pages more or fewer, everything else the same.
        var probe = loaded
        probe.engine = DiagnosticEngine(policy: loaded.engine.policy)
        do {
            try DiscoverFiles().run(&probe)
            try ExcludeFiles().run(&probe)
        } catch {
            return false
        }
        let files = probe.files
        let expected = Set(loaded.files.pages).union(added).subtracting(removed)
        let indexPaths = SourcePage.indexPages(files.pages)
        guard Set(probe.engine.diagnostics) == discoveryDiagnostics, Set(files.pages) == expected,
            files.staticFiles == loaded.files.staticFiles, files.excluded == loaded.files.excluded,
            files.notInNav == loaded.files.notInNav, files.inMemory.isEmpty,
            // An index page taking its folder from another (`index.md` over `README.md`) moves it.
            loaded.pages.allSatisfy({ removed.contains($0.path) || $0.isIndex == indexPaths.contains($0.path) })
        else { return false }
        let (newPages, loadProblems) = LoadPages.load(
            paths: added, docsDir: loaded.docsDir, docsPath: loaded.config.docsDir, brandIDs: Set(loaded.brands.map(\.id)),
            directoryURLs: loaded.config.directoryURLs, indexPaths: indexPaths)
        guard newPages.count == added.count else { return false }
        var templates: [String: MacroTemplate?] = [:]
        var parsed: [Diagnostic] = []
        for page in newPages {
            let (template, problems) = ParseMacros.template(of: page, settings: loaded.settings.macros, python: loaded.macroPython)
            if template != nil, loaded.settings.macros.plugin != nil, loaded.macroPython == nil { return false }
            templates[page.path] = template
            parsed += problems
        }

        // The site with the pages in the docs folder's order, as `LoadPages` has them.
        guard var site = self.site.take() else { return false }
        version += 1
        var byPath: [String: (SourcePage, MacroTemplate?)] = [:]
        for (i, page) in site.pages.enumerated() where !removed.contains(page.path) { byPath[page.path] = (page, site.macroTemplates[i]) }
        for page in newPages { byPath[page.path] = (page, templates[page.path] ?? nil) }
        let oldIndex = site.pageIndex
        var load = loadDiagnostics
        for path in removed {
            if let i = oldIndex[path] {
                load.subtract(Self.pageDiagnostics(site.pages[i], site: site, indexPaths: indexPaths))
                site.sources[site.pages[i].file.path] = nil
            }
        }
        load.formUnion(loadProblems)
        load.formUnion(parsed)
        site.files = files
        site.pages = []
        site.macroTemplates = []
        site.pageIndex = [:]
        for path in files.loadedPages {
            guard let (page, template) = byPath[path] else { continue }
            site.pageIndex[path] = site.pages.count
            site.pages.append(page)
            site.macroTemplates.append(template)
            site.sources[page.file.path] = page.file
        }
        let addedSet = Set(added), removedSet = Set(removed)

        var rendered = 0
        for b in brands.indices {
            let id = brands[b].brand.id
            if themes[id] == nil { themes[id] = RenderTemplates.theme(brands[b], site: site).theme }
            if anchors[id] == nil { anchors[id] = Self.anchors(of: brands[b]) }
            guard var theme = themes[id], var ids = anchors[id],
                let result = Self.addAndRemove(added: addedSet, removed: removedSet, in: &brands[b], site: site, theme: &theme, anchors: &ids)
            else {
                self.site = site
                return false
            }
            themes[id] = theme
            anchors[id] = ids
            rendered += result
            if site.config.search.enabled { staleSearch.insert(id) }
        }
        self.site = site
        knownDocsFiles.formUnion(added)
        knownDocsFiles.subtract(removed)
        finalDiagnostics = nil
        usedAsFiles = Self.usedFiles(brands)
        loadDiagnostics = load
        lastRendered = rendered
        lastWasFull = false
        settle()
        return true
    }

    /// What a link's text must hold to lead to one of `paths`: each page's name without its
    /// extension, lowercased; nil when any link may (an index page is reached by its folder's
    /// links, `../` too; a name of other characters may be written in other ways).
    static func linkHints(_ paths: Set<String>) -> [String]? {
        var hints: [String] = []
        for path in paths {
            guard let name = path.split(separator: "/").last else { return nil }
            var stem = Substring(name)
            if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
            let lowered = stem.lowercased()
            guard !lowered.isEmpty, lowered != "index", lowered != "readme",
                lowered.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) })
            else { return nil }
            hints.append(lowered)
        }
        return hints
    }

    /// Whether a link (as written) may lead to a page named by `hints` (see `linkHints`).
    static func mayLead(_ reference: String, to hints: [String]?) -> Bool {
        guard let hints else { return true }
        let text = (reference.removingPercentEncoding ?? reference).lowercased()
        return hints.contains { text.contains($0) }
    }

    /// One brand's side of `addAndRemovePages`; nil when its output paths collide (rebuilt
    /// whole then). Returns the pages rendered.
    private static func addAndRemove(
        added: Set<String>, removed: Set<String>, in state: inout BrandState, site: SiteState, theme: inout RenderTemplates.Theme,
        anchors: inout [String: Set<String>]
    ) -> Int? {
        let policy = site.engine.policy
        var scratch = site
        scratch.engine = DiagnosticEngine(policy: policy)
        guard state.outputCollisions.isEmpty else { return nil }
        let oldResolver = state.resolver
        // The records in the site's new order: the kept ones moved, the new ones empty.
        var kept: [String: PageRecord] = [:]
        var dropped: [PageRecord] = []
        for record in state.pages {
            if removed.contains(record.path) { dropped.append(record) } else { kept[record.path] = record }
        }
        let brand = state.brand.id
        var records: [PageRecord] = []
        for (i, page) in site.pages.enumerated() where page.isPublished(for: brand) {
            if var record = kept[page.path] {
                record.index = i
                records.append(record)
            } else {
                records.append(PageRecord(index: i, source: page))
            }
        }
        let fresh = records.filter { added.contains($0.path) }.map(\.index)
        guard !fresh.isEmpty || !dropped.isEmpty else { return 0 }
        state.pages = records
        state.publishedPaths = Set(records.map(\.path))
        state.resolver = LinkResolver(brand: state, site: site)
        try? CheckOutputPaths().run(&state, site: scratch)
        guard state.outputCollisions.isEmpty else { return nil }
        // What the dropped pages said, and their files.
        state.revise(dropping: dropped.flatMap(\.diagnostics), adding: [], reportedBy: scratch.engine)
        for record in dropped { anchors[record.path] = nil }
        if let output = state.output as? MemoryOutput {
            let gone = Set(dropped.map(\.source.outputPath))
            output.replace(where: gone.contains, with: [:])
        }
        // Pages whose links now lead elsewhere are rebuilt as edited ones are.
        let resolver = state.resolver
        let pages = state.pages
        let hints = Self.linkHints(added.union(removed))
        let relinked = ParallelMap.map(Array(pages.indices)) { r -> Bool in
            guard !added.contains(pages[r].path) else { return false }
            let subject = PageUnderCheck(page: pages[r].source, rendered: pages[r].rendered, text: pages[r].text)
            return RawReferences.all(in: subject).contains { reference in
                guard Self.mayLead(reference, to: hints) else { return false }
                return oldResolver.resolve(reference, fromPage: pages[r].path) != resolver.resolve(reference, fromPage: pages[r].path)
            }
        }
        // (And pages with a broken link: its suggestions name the pages there are.)
        let indices = fresh + pages.indices.filter { r in
            relinked[r] || pages[r].diagnosticsByStage.values.contains { $0.contains { $0.id == .brokenLink } }
        }.map { pages[$0].index }
        guard let result = rebuild(indices, in: &state, site: site, theme: &theme, anchors: &anchors, pagesChanged: true) else { return nil }
        // The sitemap lists the pages.
        try? WriteSitemap().run(&state, site: scratch)
        state.revise(dropping: [], adding: [], reportedBy: scratch.engine)
        return result.rendered
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
        // A page another uses as a file (a snippet, an include) changes that page too; a
        // literate-nav nav file is the nav.
        if paths.contains(where: usedAsFiles.contains) { return false }
        if loaded.settings.navigation.literateNav != nil, paths.contains(where: { p in brands.contains { $0.quietlyOutOfNav.contains(p) } }) {
            return false
        }
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
            // A front matter change may change what is published where, or the nav.
            guard Self.frontMatterKeepsSite(old, page) else { return false }
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
            if themes[id] == nil { themes[id] = RenderTemplates.theme(brands[b], site: site).theme }
            if anchors[id] == nil { anchors[id] = Self.anchors(of: brands[b]) }
            guard var theme = themes[id], var ids = anchors[id],
                let result = Self.rebuild(changedIndices, in: &brands[b], site: site, theme: &theme, anchors: &ids)
            else { return false }
            anchors[id] = ids
            themes[id] = theme
            rendered += result.rendered
            filesChanged = filesChanged || result.filesChanged
            if result.rendered > 0, site.config.search.enabled { staleSearch.insert(id) }
        }
        self.site = site
        if filesChanged {
            finalDiagnostics = nil
            usedAsFiles = Self.usedFiles(brands)
            readBySnippets = Self.snippetFiles(brands)
        }
        loadDiagnostics = load
        lastRendered = rendered
        lastWasFull = false
        settle()
        return true
    }

    /// Whether a page's new front matter changes nothing but the page and its title (which the
    /// page rebuild follows into the nav): the same text, or the same fields but the title and
    /// the description.
    static func frontMatterKeepsSite(_ old: SourcePage, _ new: SourcePage) -> Bool {
        if old.file.text.utf8.prefix(old.bodyOffset).elementsEqual(new.file.text.utf8.prefix(new.bodyOffset)) { return true }
        var oldValues = old.meta.values, newValues = new.meta.values
        for key in ["title", "description"] {
            oldValues[key] = nil
            newValues[key] = nil
        }
        return oldValues == newValues && old.meta.brands == new.meta.brands && old.meta.weight == new.meta.weight
            && old.meta.renderMacros == new.meta.renderMacros
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
    /// records; the nav when a title changed (and `theme`'s navigation with it); the link checks
    /// of pages that link to a page whose ids changed (with `anchors`, every page's ids, kept up
    /// to date); the checks; the pages in the theme, with those whose navigation changed. Nil
    /// when there is nothing to rebuild it with.
    /// With `pagesChanged` (pages were added or dropped), the nav is built again and the brand's
    /// checks rerun whatever the pages say.
    private static func rebuild(
        _ indices: [Int], in state: inout BrandState, site: SiteState, theme: inout RenderTemplates.Theme,
        anchors: inout [String: Set<String>], pagesChanged: Bool = false
    ) -> (rendered: Int, filesChanged: Bool)? {
        var scratch = site
        let policy = site.engine.policy
        scratch.engine = DiagnosticEngine(policy: policy)
        scratch.usage = UsageLedger()
        var positions: [Int] = []
        var before: [Int: PageRecord] = [:]
        var titleChanged = false
        let recordOf = Dictionary(state.pages.indices.map { (state.pages[$0].index, $0) }, uniquingKeysWith: { a, _ in a })
        for i in indices {
            guard let r = recordOf[i] else { continue }
            var record = PageRecord(index: i, source: site.pages[i])
            rerun(ExpandMacros(), &record, state: state, site: scratch)
            rerun(IncludeSnippets(), &record, state: state, site: scratch)
            rerun(RenderMarkdown(), &record, state: state, site: scratch)
            if record.rendered.ownTitle == state.pages[r].rendered.ownTitle {
                record.rendered.title = state.pages[r].rendered.title
            } else {
                titleChanged = true
            }
            before[r] = state.pages[r]
            state.pages[r] = record
            anchors[record.path] = record.rendered.ids
            positions.append(r)
        }
        guard !positions.isEmpty || pagesChanged else { return (0, false) }

        // A new title: the nav again, from every page's own title (as `BuildNavigation` first
        // saw them), and the pages whose navigation shows the change.
        var renderToo: Set<String> = []
        var oldNav: [Diagnostic] = []
        var navigationChanged = false
        if titleChanged || pagesChanged {
            let features = theme.siteView.features, homeURL = RenderTemplates.homeURL(site)
            let titles = state.pages.map(\.rendered.title)
            let oldItems = state.nav
            oldNav = state.navDiagnostics
            for i in state.pages.indices where site.blog?.owns(state.pages[i].path) != true {
                state.pages[i].rendered.title = state.pages[i].rendered.ownTitle
            }
            try? BuildNavigation().run(&state, site: scratch)
            let navigation = NavigationIndex(state.nav.map(RenderTemplates.navNode)), oldNavigation = theme.navigation
            let pages = state.pages
            let changedNavigation = ParallelMap.map(Array(pages.indices)) { i -> Bool in
                pages[i].rendered.title != titles[i]
                    || RenderTemplates.PageNavigation(pages[i].source, navigation: oldNavigation, features: features, homeURL: homeURL)
                        != RenderTemplates.PageNavigation(pages[i].source, navigation: navigation, features: features, homeURL: homeURL)
            }
            for i in pages.indices where changedNavigation[i] { renderToo.insert(pages[i].path) }
            navigationChanged = state.nav != oldItems
            theme.navigation = navigation
        }

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
        var linksChanged = pagesChanged, filesChanged = pagesChanged
        if let context = runChecks.prepare(state, site: scratch) {
            for r in positions {
                state.pages[r].diagnosticsByStage[runChecks.name] = runChecks.update(&state.pages[r], context: context, site: scratch)
                linksChanged = linksChanged || state.pages[r].references.pages != before[r]?.references.pages
                filesChanged = filesChanged || state.pages[r].references.files != before[r]?.references.files
                    || state.pages[r].references.snippets != before[r]?.references.snippets
            }
            // The brand's checks read its link graph: only links to other pages change them.
            if linksChanged {
                oldBrandChecks = state.brandCheckDiagnostics
                runChecks.finish(&state, context: context, site: scratch)
            }
        }
        let oldLeaks = RenderTemplates.themeLeakDiagnostics(state, site: site)
        let oldNotFound = state.notFoundDiagnostics
        let paths = Set(positions.map { state.pages[$0].path }).union(renderToo)
        for r in state.pages.indices where renderToo.contains(state.pages[r].path) && before[r] == nil { before[r] = state.pages[r] }
        var rendered = RenderTemplates.renderPages(&state, site: scratch, theme: theme, only: paths)
        if navigationChanged {
            // The 404 page shows the nav too.
            state.notFoundDiagnostics = RenderTemplates.renderNotFoundPage(state, site: scratch, theme: theme)
            rendered += 1
        }

        // What the brand reported: without what the rebuilt parts said before, with what they
        // say now. (Records and checks keep diagnostics as emitted; the brand's report has them
        // with the policy's severities.)
        state.revise(
            dropping: before.values.flatMap(\.diagnostics) + oldBrandChecks + oldLeaks + oldNav + oldNotFound,
            adding: state.notFoundDiagnostics + before.keys.flatMap { state.pages[$0].diagnostics }, reportedBy: scratch.engine)
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

extension BrandState {
    /// Replaces in the brand's report what some of its parts said before (`old`) with what they
    /// say now (`new`), both as emitted, and adds what `engine` (a rebuild's scratch engine,
    /// whose policy is the site's) reported. The report keeps each diagnostic once, sorted.
    fileprivate mutating func revise(dropping old: [Diagnostic], adding new: [Diagnostic], reportedBy engine: DiagnosticEngine) {
        let policy = engine.policy
        var revised = Set(reported).subtracting(old.compactMap(policy.adjusted))
        revised.formUnion(engine.diagnostics)
        revised.formUnion(new.compactMap(policy.adjusted))
        reported = revised.sorted(by: Diagnostic.sortKey)
    }
}
