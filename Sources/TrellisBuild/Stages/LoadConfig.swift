import Foundation
import TrellisCore
import TrellisMarkdown

/// Stage: reads the site config and the brand files. Any error here makes the site unusable
/// (exit code 2): nothing else can be trusted without its config.
struct LoadConfig: SiteStage {
    let name = "load config"
    var runsInRender: Bool { true }

    /// The config to read: the one asked for, or `mkdocs.yml` in a folder that has no
    /// `trellis.yml`, so existing MkDocs sites build as they are.
    static func configName(_ asked: String, root: URL) -> String {
        guard asked == "trellis.yml",
            !FileManager.default.fileExists(atPath: root.appending(path: asked).path),
            FileManager.default.fileExists(atPath: root.appending(path: "mkdocs.yml").path)
        else { return asked }
        return "mkdocs.yml"
    }

    /// How MkDocs (1.6) treats these problems by default: broken links and missing nav entries
    /// warn, missing anchors and pages outside the nav are informational. A site that builds
    /// with MkDocs builds with Trellis; `validation` in `mkdocs.yml` overrides these.
    static let mkdocsDefaultSeverities: [RuleID: Severity?] = [
        .brokenLink: .warning, .missingImage: .warning, .missingAsset: .warning, .navMissingPage: .warning,
        .missingAnchor: .note, .pageNotInNav: .note, .absoluteSiteLink: .note, .orphanPage: .note,
        // MkDocs numbers a repeated heading's id (`setup_1`) and sites link to those ids: not a
        // problem there, and not something MkDocs' `validation` can turn on.
        .duplicateHeadingId: nil,
    ]

    /// Whether `name` is an MkDocs config: a file named `mkdocs*.yml` is one, `trellis*.yml` is
    /// not, and any other name (`mkdocs.reference.yml` is `mkdocs*`; `site.yml`, `docs.yaml`) is
    /// read as MkDocs unless it has one of Trellis's own top-level keys (`brands`, `brands_dir`,
    /// `mkdocs`), which no MkDocs config has.
    /// What stays an error on a plain MkDocs site: what stops an MkDocs build too (a config or
    /// file it cannot read, a template that cannot render, a missing snippet with the snippets
    /// extension's `check_paths`, macro errors with the macros plugin's `on_error_fail`;
    /// otherwise the plugin shows the error in the page and goes on), and a file leading
    /// outside the project, which Trellis never reads where MkDocs would publish it.
    static func mkdocsErrors(_ mkdocs: MkDocsSettings) -> Set<RuleID> {
        var rules: Set<RuleID> = [.configSyntax, .configType, .io, .invalidEncoding, .templateError, .outsideRoot]
        // Material's blog stops the build at a post it cannot read.
        if mkdocs.plugin("blog") != nil { rules.insert(.blogPost) }
        if case .bool(true)? = mkdocs.markdownExtension("pymdownx.snippets")?.options["check_paths"] {
            rules.insert(.missingSnippet)
        }
        if case .bool(true)? = mkdocs.plugin("macros")?.options["on_error_fail"] {
            rules.formUnion([.macroSyntax, .undefinedVariable, .unknownFilter, .macroType, .macroLimit, .pythonMacro])
        }
        return rules
    }

    static func isMkDocs(_ name: String, root: URL) -> Bool {
        let file = (name.split(separator: "/").last.map(String.init) ?? name).lowercased()
        if file.hasPrefix("mkdocs") { return true }
        if file.hasPrefix("trellis") { return false }
        guard let data = FileManager.default.contents(atPath: root.appending(path: name).path),
            let text = String(validating: data, as: UTF8.self)
        else { return true }
        return !hasTrellisKey(text)
    }

    /// Whether a YAML text has a top-level key only a Trellis config has.
    static func hasTrellisKey(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { line in
            ["brands:", "brands_dir:", "mkdocs:"].contains { line.hasPrefix($0) }
        }
    }

    func run(_ site: inout SiteState) throws {
        let configName = Self.configName(site.options.configName, root: site.root)
        let configURL = site.root.appending(path: configName)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            if site.options.mode == .render, site.options.brands == nil, site.options.brandFiles.isEmpty {
                // A page rendered outside any site is a page of a Trellis site with no settings.
                site.brands = [Brand(id: "default", name: "")]
                return
            }
            site.engine.emit(
                Diagnostic(
                    .io, path: nil, at: nil,
                    message: "no '\(configName)' in '\(site.root.path)' (run trellis in a site folder or pass --root)"
                ))
            throw StopBuild(outcome: .unusable)
        }
        var (config, brands, diagnostics) = (SiteConfig(), [Brand](), [Diagnostic]())
        var mkdocs: MkDocsSettings?
        let isMkDocs = Self.isMkDocs(configName, root: site.root)
        if isMkDocs {
            let settings: MkDocsSettings
            (config, brands, settings, diagnostics) = MkDocsConfigLoader(root: site.root).load(configName: configName)
            // One MkDocs site, one brand, written where MkDocs writes it.
            config.brandSubfolders = false
            // MkDocs' own defaults for what it validates, under the site's `validation`.
            config.ruleSeverities = Self.mkdocsDefaultSeverities.merging(config.ruleSeverities) { _, site in site }
            mkdocs = settings
        } else {
            let loader = ConfigLoader(root: site.root)
            (config, brands, diagnostics) = loader.load(configName: configName)
            // `mkdocs: mkdocs.yml`: the MkDocs site is the base, trellis.yml adds the brands.
            if let mkdocsName = config.mkdocsConfig, !diagnostics.contains(where: { $0.severity == .error }) {
                let (base, _, settings, mkdocsDiagnostics) = MkDocsConfigLoader(root: site.root).load(configName: mkdocsName)
                (config, brands, diagnostics) = loader.load(configName: configName, base: base)
                diagnostics = mkdocsDiagnostics + diagnostics
                config.ruleSeverities = Self.mkdocsDefaultSeverities.merging(base.ruleSeverities) { _, site in site }
                    .merging(config.ruleSeverities) { _, trellis in trellis }
                mkdocs = settings
                if let text = try? String(contentsOf: site.root.appending(path: mkdocsName), encoding: .utf8) {
                    site.sources[base.path] = SourceFile(path: base.path, text: text)
                }
            }
        }
        if !site.options.brandFiles.isEmpty {
            (config, brands) = loadBrandFiles(site.options.brandFiles, config: config, site: site, into: &diagnostics)
        }
        // The one place `mkdocs.yml`'s options are read: the stages read the typed settings.
        let isPlainMkDocs = mkdocs != nil && config.mkdocsConfig == nil && site.options.brandFiles.isEmpty
        let adapted = SiteSettings.adapt(config: config, mkdocs: mkdocs, isPlainMkDocs: isPlainMkDocs)
        site.settings = adapted.settings
        diagnostics += adapted.diagnostics
        diagnostics += Self.checkFolders(
            config, brands: brands, configName: configName, isMkDocs: isMkDocs, customDir: mkdocs?.customDir, site: &site)
        if let path = mkdocs?.customDir {
            let customDir = MkDocsCustomDir(path: path, root: site.root, project: site.project)
            site.customDir = customDir
            site.customDirHeadStyles = customDir.headStyles(root: site.root)
            diagnostics += customDir.unsupportedTemplatesWarning(
                at: config.settingPositions["theme.custom_dir"], configPath: config.path).map { [$0] } ?? []
        }
        site.config = config
        site.brands = brands
        var policy = site.engine.policy
        policy.overrides = config.ruleSeverities
        if let mkdocs, isPlainMkDocs {
            policy.onlyErrors = Self.mkdocsErrors(mkdocs)
            if mkdocs.strict { policy.strict = true }
        }
        site.engine.policy = policy
        site.engine.emit(contentsOf: diagnostics)
        // Symlink problems are the docs' errors (exit 1), not an unusable config.
        site.engine.emit(contentsOf: site.customDir?.linkProblems ?? [])
        if let text = try? String(contentsOf: configURL, encoding: .utf8) {
            site.sources[config.path] = SourceFile(path: config.path, text: text)
        }
        for brand in brands {
            if let path = brand.path, let text = try? String(contentsOf: site.root.appending(path: path), encoding: .utf8) {
                site.sources[path] = SourceFile(path: path, text: text)
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw StopBuild(outcome: .unusable) }
        if let wanted = site.options.brands, site.options.brandFiles.isEmpty {
            let known = brands.map(\.id)
            for id in wanted where !known.contains(id) {
                var message = "unknown brand '\(id)'"
                if let hint = Suggestions.didYouMean(id, in: known) { message += "; \(hint)" }
                site.engine.emit(Diagnostic(.configType, path: config.path, at: nil, message: message))
                throw StopBuild(outcome: .unusable)
            }
        }
        site.engine.emit(contentsOf: adapted.blogDiagnostics)
    }

    /// The brands of `--brand FILE`, in place of the config's: each is built into its own folder.
    private func loadBrandFiles(
        _ files: [URL], config: SiteConfig, site: SiteState, into diagnostics: inout [Diagnostic]
    ) -> (SiteConfig, [Brand]) {
        var config = config
        var brands: [Brand] = []
        let loader = ConfigLoader(root: site.root)
        for file in files {
            let (brand, problems) = loader.loadBrand(file: file, config: config)
            diagnostics += problems
            guard let brand else { continue }
            if !Self.isValidBrandID(brand.id) {
                diagnostics.append(
                    Diagnostic(
                        .configType, path: brand.path, at: nil,
                        message: "'\(brand.id)' cannot name a brand's output folder; rename the brand file"))
                continue
            }
            if brands.contains(where: { $0.id == brand.id }) {
                diagnostics.append(
                    Diagnostic(
                        .configType, path: brand.path, at: nil,
                        message: "two brand files are named '\(brand.id)'; each brand's output folder is its file name"))
                continue
            }
            brands.append(brand)
        }
        config.brandIDs = brands.map(\.id)
        config.brandSubfolders = true
        return (config, brands)
    }
}
