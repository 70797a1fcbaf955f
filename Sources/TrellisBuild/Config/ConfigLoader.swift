import Foundation
import TrellisCore
import TrellisMarkdown
import TrellisTemplates
import Yams

/// Loads `trellis.yml` and the brand files it names, with positioned diagnostics: a wrong type
/// is an error at its line and column, an unknown key a warning.
public struct ConfigLoader {
    static let siteKeys: Set<String> = [
        "site_name", "site_description", "site_url", "docs_dir", "site_dir", "copyright", "language",
        "theme", "nav", "brands_dir", "brands", "extra", "validation", "markdown_extensions", "mkdocs",
        "use_directory_urls", "allow_symlinks_to", "last_updated", "search",
    ]
    static let themeKeys: Set<String> = [
        "logo", "favicon", "primary", "accent", "templates", "palette", "features", "repo_url", "repo_name", "repo_icon", "social",
    ]
    static let brandKeys: Set<String> = ["name", "site_url", "theme", "icons", "forbidden_terms", "extra", "upgrades"]

    /// The site root (the folder holding `trellis.yml`).
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The site config, and every brand it names (or one default brand).
    /// - Parameter base: settings to start from (an MkDocs site's, when `trellis.yml` names one
    ///   with `mkdocs:`); keys in `trellis.yml` win, and `extra` and `theme` merge over them.
    public func load(configName: String = "trellis.yml", base: SiteConfig? = nil) -> (SiteConfig, [Brand], [Diagnostic]) {
        var config = base ?? SiteConfig()
        config.path = configName
        var reader = YAMLReader(path: configName)
        let url = root.appending(path: configName)
        guard let text = readText(url, path: configName, into: &reader) else {
            return (config, [], reader.diagnostics)
        }
        if let node = reader.parse(text) {
            config = readSite(node, path: configName, base: base, reader: &reader)
        }
        var diagnostics = reader.diagnostics
        var brands: [Brand] = []
        if config.brandIDs.isEmpty {
            var brand = Brand(id: "default", name: config.siteName)
            brand.siteURL = config.siteURL
            brand.theme = config.theme
            brand.extra = config.extra
            brand.settingPositions = config.settingPositions
            brands.append(brand)
        }
        for id in config.brandIDs {
            let (brand, problems) = loadBrand(id: id, config: config)
            diagnostics += problems
            if let brand { brands.append(brand) }
        }
        return (config, brands, diagnostics)
    }

    private func readText(_ url: URL, path: String, into reader: inout YAMLReader) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            reader.error(.io, nil, "cannot read '\(path)'")
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            reader.error(.invalidEncoding, nil, "'\(path)' is not valid UTF-8")
            return nil
        }
        return text
    }

    func readSite(_ node: Node, path: String, base: SiteConfig?, reader: inout YAMLReader) -> SiteConfig {
        var config = base ?? SiteConfig()
        config.path = path
        let e = reader.entries(of: node, known: Self.siteKeys, context: "the site config")
        Self.readSharedKeys(e, into: &config, reader: &reader)
        if let base { config.extra = base.extra.merging(e["extra"] == nil ? ValueMap() : config.extra) }
        config.mkdocsConfig = reader.string(e["mkdocs"]?.value, "mkdocs")
        if let v = reader.string(e["language"]?.value, "language") { config.language = v }
        if let v = reader.string(e["brands_dir"]?.value, "brands_dir") { config.brandsDir = v }
        if let theme = e["theme"]?.value {
            let own = readTheme(theme, reader: &reader, positions: &config.settingPositions)
            config.theme = (base?.theme ?? ThemeSettings()).overlaid(with: own)
        }
        if let ids = reader.stringList(e["brands"]?.value, "brands") {
            for (id, element) in zip(ids, e["brands"]!.value.sequence ?? []) {
                if id.isEmpty || id.contains("/") || id.hasPrefix(".") {
                    reader.error(.configType, element, "invalid brand id '\(id)'")
                } else if config.brandIDs.contains(id) {
                    reader.error(.configType, element, "brand '\(id)' is listed twice")
                } else {
                    config.brandIDs.append(id)
                }
            }
        }
        if let list = e["markdown_extensions"]?.value {
            // Options name Python objects as in mkdocs.yml (`!!python/name:…`).
            let resolved = MkDocsTagResolver(environment: ProcessInfo.processInfo.environment).resolve(list, reader: &reader)
            Self.readMarkdownExtensions(resolved, into: &config, reader: &reader)
        }
        if let validation = e["validation"]?.value { config.ruleSeverities = readSeverities(validation, reader: &reader) }
        if let node = e["last_updated"]?.value { Self.readLastUpdated(node, into: &config, reader: &reader) }
        if let search = e["search"]?.value { config.search = Self.readSearch(search, base: config.search, reader: &reader) }
        return config
    }

    /// `last_updated`: `true` (dates as the git-revision-date-localized plugin's defaults give
    /// them), `false`, or a map of that plugin's options (`type`, `locale`, `timezone`, …).
    static func readLastUpdated(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader) {
        if case .mapping = node {
            guard let options = reader.map(node, "last_updated") else { return }
            let (settings, problems) = RevisionDateSettings.read(options)
            for problem in problems { reader.error(.configType, node, "last_updated: \(problem)") }
            config.revisionDates = settings
        } else if let enabled = reader.bool(node, "last_updated") {
            config.revisionDates = enabled ? config.revisionDates ?? RevisionDateSettings() : nil
        }
    }

    /// `markdown_extensions`: names, or `name: {options}` as in `mkdocs.yml`.
    static func readMarkdownExtensions(_ list: Node, into config: inout SiteConfig, reader: inout YAMLReader) {
        if case .scalar(let scalar) = list, scalar.tag == Tag(.null) || scalar.string.isEmpty { return }
        guard let items = list.sequence else {
            reader.error(.configType, list, "expected a list of Markdown extensions, found \(YAMLReader.kind(of: list))")
            return
        }
        for item in items {
            var nameNode = item
            var options = ValueMap()
            if case .mapping(let mapping) = item, mapping.count == 1, let pair = mapping.first {
                nameNode = pair.key
                options = reader.map(pair.value, "markdown_extensions") ?? ValueMap()
            }
            guard let name = reader.string(nameNode, "markdown_extensions") else { continue }
            if MkDocsKnown.markdownExtensions.contains(name) || MarkdownExtension(mkdocsName: name) != nil {
                config.markdownExtensions.append(name)
                if !options.isEmpty { config.markdownExtensionOptions[name] = options }
            } else {
                var message = "unknown Markdown extension '\(name)'; it is ignored"
                if let hint = Suggestions.didYouMean(name, in: MkDocsKnown.markdownExtensions) { message += "; \(hint)" }
                reader.report(.unsupportedPlugin, nameNode, message)
            }
        }
    }

    /// A folder setting as paths below it are written: `docs/` and `./docs` are `docs`, so a
    /// page is `docs/a.md` in diagnostics, never `docs//a.md`.
    static func folderPath(_ value: String) -> String {
        let absolute = value.hasPrefix("/")
        var parts = value.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        while parts.count > 1, parts.first == "." { parts.removeFirst() }
        if parts.count > 1 { parts.removeAll { $0 == "." } }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? value : joined
    }

    /// The keys `trellis.yml` shares with `mkdocs.yml`, read the same way for both.
    static func readSharedKeys(
        _ e: [String: (key: Node, value: Node)], into config: inout SiteConfig, reader: inout YAMLReader
    ) {
        if let v = reader.string(e["site_name"]?.value, "site_name") { config.siteName = v }
        config.siteDescription = reader.string(e["site_description"]?.value, "site_description")
        config.siteURL = reader.string(e["site_url"]?.value, "site_url")
        for key in ["docs_dir", "site_dir", "allow_symlinks_to"] {
            if let node = e[key]?.value {
                config.settingPositions[key] = reader.place(of: node)
            }
        }
        if let v = reader.string(e["docs_dir"]?.value, "docs_dir") { config.docsDir = Self.folderPath(v) }
        if let v = reader.string(e["site_dir"]?.value, "site_dir") { config.siteDir = Self.folderPath(v) }
        if let v = reader.stringList(e["allow_symlinks_to"]?.value, "allow_symlinks_to") {
            config.allowSymlinksTo += v
        }
        config.copyright = reader.string(e["copyright"]?.value, "copyright")
        if let v = reader.bool(e["use_directory_urls"]?.value, "use_directory_urls") { config.directoryURLs = v }
        if let extra = reader.map(e["extra"]?.value, "extra") { config.extra = extra }
        if let nav = e["nav"]?.value { config.nav = MkDocsNavReader.read(nav, reader: &reader) }
    }

    func readTheme(_ node: Node, reader: inout YAMLReader, positions: inout [String: ConfigPosition]) -> ThemeSettings {
        var theme = ThemeSettings()
        let e = reader.entries(of: node, known: Self.themeKeys, context: "theme")
        for key in ["logo", "favicon", "templates"] {
            if let value = e[key]?.value {
                positions["theme." + key] = reader.place(of: value)
            }
        }
        theme.logo = reader.string(e["logo"]?.value, "logo")
        theme.favicon = reader.string(e["favicon"]?.value, "favicon")
        theme.templates = reader.string(e["templates"]?.value, "templates")
        for key in ["primary", "accent"] {
            guard let node = e[key]?.value, let colour = reader.string(node, key) else { continue }
            if ThemeColor.sanitize(colour) == nil {  // the same test the theme applies
                reader.error(.configType, node, "'\(colour)' is not a CSS colour for '\(key)'")
            } else if key == "primary" {
                theme.primary = colour
            } else {
                theme.accent = colour
            }
        }
        // Material's look, written as in `mkdocs.yml` (`repo_*` and `social` under `theme:`
        // here, since a brand may have its own).
        if let node = e["palette"]?.value {
            let (schemes, isList) = MaterialThemeReader.palette(node, reader: &reader)
            theme.palette = isList ? schemes : schemes.map { var s = $0; s.toggleIcon = nil; s.toggleName = nil; return s }
        }
        theme.features = reader.stringList(e["features"]?.value, "features")
        theme.repoURL = reader.string(e["repo_url"]?.value, "repo_url")
        theme.repoName = reader.string(e["repo_name"]?.value, "repo_name") ?? theme.repoURL.map(MaterialThemeReader.defaultRepoName)
        theme.repoIcon = reader.string(e["repo_icon"]?.value, "repo_icon")
        if let node = e["social"]?.value { theme.social = MaterialThemeReader.social(node, reader: &reader) }
        return theme
    }


    private func readSeverities(_ node: Node, reader: inout YAMLReader) -> [RuleID: Severity?] {
        guard case .mapping(let mapping) = node else {
            reader.error(.configType, node, "expected a map of rule IDs to levels for 'validation'")
            return [:]
        }
        var result: [RuleID: Severity?] = [:]
        for (key, value) in mapping {
            guard let id = key.scalar?.string else { continue }
            // YAML 1.1 reads a bare `off` as false.
            if case .scalar(let s) = value, s.tagName == .bool, value.bool == false {
                result[RuleID(rawValue: id)] = .some(nil)
                continue
            }
            guard let level = reader.string(value, id) else { continue }
            switch level.lowercased() {
            case "error": result[RuleID(rawValue: id)] = .error
            case "warning", "warn": result[RuleID(rawValue: id)] = .warning
            case "info", "note": result[RuleID(rawValue: id)] = .note
            case "off", "ignore": result[RuleID(rawValue: id)] = .some(nil)
            default: reader.error(.configType, value, "expected error, warning, info or off for '\(id)', found '\(level)'")
            }
        }
        return result
    }

    /// Loads `brands/<id>.yml`.
    func loadBrand(id: String, config: SiteConfig) -> (Brand?, [Diagnostic]) {
        let path = config.brandsDir + "/" + id + ".yml"
        guard FileManager.default.fileExists(atPath: root.appending(path: path).path) else {
            return (nil, [Diagnostic(.io, path: config.path, at: nil, message: "brand '\(id)' has no file '\(path)'")])
        }
        return loadBrand(file: root.appending(path: path), path: path, id: id, config: config)
    }

    /// Loads a brand file given on the command line (`--brand brands/acme.yml`): its id is the
    /// file name without extension, its settings overlay the site's as for a listed brand.
    public func loadBrand(file: URL, config: SiteConfig) -> (Brand?, [Diagnostic]) {
        let id = file.deletingPathExtension().lastPathComponent
        let base = root.standardizedFileURL.path + "/"
        let full = file.standardizedFileURL.path
        let path = full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
        return loadBrand(file: file, path: path, id: id, config: config)
    }

    private func loadBrand(file: URL, path: String, id: String, config: SiteConfig) -> (Brand?, [Diagnostic]) {
        var reader = YAMLReader(path: path)
        guard let text = readText(file, path: path, into: &reader) else { return (nil, reader.diagnostics) }
        guard let node = reader.parse(text) else { return (nil, reader.diagnostics) }
        let brand = readBrand(node, path: path, id: id, config: config, reader: &reader)
        return (brand, reader.diagnostics)
    }

    /// A brand file's settings over the site's.
    func readBrand(_ node: Node, path: String, id: String, config: SiteConfig, reader: inout YAMLReader) -> Brand {
        var brand = Brand(id: id, name: id)
        brand.path = path
        let e = reader.entries(of: node, known: Self.brandKeys, context: "brand '\(id)'")
        brand.name = reader.string(e["name"]?.value, "name") ?? config.siteName
        brand.siteURL = reader.string(e["site_url"]?.value, "site_url") ?? config.siteURL
        var positions = config.settingPositions
        let ownTheme = e["theme"].map { readTheme($0.value, reader: &reader, positions: &positions) } ?? ThemeSettings()
        brand.theme = config.theme.overlaid(with: ownTheme)
        brand.icons = reader.string(e["icons"]?.value, "icons")
        if let icons = e["icons"]?.value {
            positions["icons"] = ConfigPosition(path: path, location: reader.location(of: icons))
        }
        brand.settingPositions = positions
        brand.forbiddenTerms = reader.stringList(e["forbidden_terms"]?.value, "forbidden_terms") ?? []
        brand.extra = config.extra.merging(reader.map(e["extra"]?.value, "extra") ?? ValueMap())
        if let upgrades = e["upgrades"]?.value { brand.upgrades = BrandUpgrades.read(upgrades, reader: &reader) }
        return brand
    }
}
