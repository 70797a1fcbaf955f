import Foundation
import TrellisCore
import TrellisTemplates
import Yams

/// Loads an MkDocs `mkdocs.yml` into the same `SiteConfig` and default `Brand` that
/// `ConfigLoader` gives for `trellis.yml`, plus the MkDocs settings Trellis has no place for yet,
/// so existing MkDocs Material sites build unchanged. Diagnostics carry exact positions.
public struct MkDocsConfigLoader {
    static let siteKeys: Set<String> = [
        "site_name", "site_url", "site_description", "site_author", "docs_dir", "site_dir", "nav", "repo_url",
        "repo_name", "edit_uri", "edit_uri_template", "copyright", "extra", "extra_css", "extra_javascript",
        "extra_templates", "theme", "markdown_extensions", "plugins", "validation", "use_directory_urls", "strict",
        "dev_addr", "hooks", "watch", "remote_branch", "remote_name", "exclude_docs", "not_in_nav", "draft_docs",
        "allow_symlinks_to",
    ]
    static let themeKeys: Set<String> = [
        "name", "custom_dir", "palette", "logo", "favicon", "icon", "features", "language", "font", "locale",
        "direction", "static_templates",
    ]

    /// The site root (the folder holding `mkdocs.yml`).
    public let root: URL
    /// Where `!ENV` tags look up variables.
    public let environment: [String: String]

    public init(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.root = root
        self.environment = environment
    }

    /// The site config, its one brand and the MkDocs-only settings of `root/configName`.
    public func load(configName: String = "mkdocs.yml") -> (SiteConfig, [Brand], MkDocsSettings, [Diagnostic]) {
        var reader = YAMLReader(path: configName)
        guard let data = FileManager.default.contents(atPath: root.appending(path: configName).path) else {
            reader.error(.io, nil, "cannot read '\(configName)'")
            return (Self.defaultConfig(path: configName), [], MkDocsSettings(), reader.diagnostics)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            reader.error(.invalidEncoding, nil, "'\(configName)' is not valid UTF-8")
            return (Self.defaultConfig(path: configName), [], MkDocsSettings(), reader.diagnostics)
        }
        return read(text, path: configName)
    }

    /// Reads `mkdocs.yml` text; `path` is the name diagnostics print.
    public func read(_ text: String, path: String = "mkdocs.yml") -> (SiteConfig, [Brand], MkDocsSettings, [Diagnostic]) {
        var reader = YAMLReader(path: path)
        var config = Self.defaultConfig(path: path)
        var settings = MkDocsSettings()
        if let parsed = reader.parse(text, lastKeyWins: true) {
            var node = MkDocsTagResolver(environment: environment).resolve(parsed, reader: &reader)
            node = applyingInherit(node, path: path, reader: &reader)
            readSite(node, into: &config, settings: &settings, reader: &reader)
        }
        var brand = Brand(id: "default", name: config.siteName)
        brand.siteURL = config.siteURL
        brand.theme = config.theme
        brand.extra = config.extra
        brand.settingPositions = config.settingPositions
        return (config, [brand], settings, reader.diagnostics)
    }

    static func defaultConfig(path: String) -> SiteConfig {
        var config = SiteConfig()
        config.path = path
        config.docsDir = "docs"
        config.siteName = "My Docs"
        return config
    }

    private func readSite(_ node: Node, into config: inout SiteConfig, settings: inout MkDocsSettings, reader: inout YAMLReader) {
        let e = reader.entries(of: node, known: Self.siteKeys, context: "mkdocs.yml")
        ConfigLoader.readSharedKeys(e, into: &config, reader: &reader)
        if let validation = e["validation"]?.value {
            config.ruleSeverities = MkDocsValidation.read(validation, reader: &reader)
        }
        if let theme = e["theme"]?.value { readTheme(theme, into: &config, settings: &settings, reader: &reader) }
        settings.repoURL = reader.string(e["repo_url"]?.value, "repo_url")
        settings.repoName = reader.string(e["repo_name"]?.value, "repo_name")
        if let url = settings.repoURL, !url.isEmpty {
            config.theme.repoURL = url
            config.theme.repoName = settings.repoName ?? MaterialThemeReader.defaultRepoName(url)
        }
        config.theme.social = MaterialThemeReader.social(in: config.extra)
        settings.editURI = reader.string(e["edit_uri"]?.value, "edit_uri")
        settings.extraCSS = reader.stringList(e["extra_css"]?.value, "extra_css") ?? []
        settings.extraJavaScript = readScripts(e["extra_javascript"]?.value, reader: &reader)
        if let v = reader.bool(e["strict"]?.value, "strict") { settings.strict = v }
        settings.devAddress = reader.string(e["dev_addr"]?.value, "dev_addr")
        settings.hooks = reader.stringList(e["hooks"]?.value, "hooks") ?? []
        if case .sequence(let items)? = e["hooks"]?.value {
            // MkDocs imports each hook as a Python module; a page it would change comes out unchanged.
            for item in items {
                guard case .scalar(let hook) = item else { continue }
                reader.report(.unsupportedPlugin, item, "hook '\(hook.string)' is Python code, which Trellis does not run; it is ignored")
            }
        }
        settings.watch = reader.stringList(e["watch"]?.value, "watch") ?? []
        if let node = e["markdown_extensions"]?.value {
            settings.markdownExtensions = readExtensions(
                node, kind: "markdown extension", known: MkDocsKnown.markdownExtensions, reader: &reader)
        }
        if let node = e["plugins"]?.value {
            settings.plugins = readExtensions(node, kind: "plugin", known: MkDocsKnown.plugins, reader: &reader)
        }
        if let plugin = settings.plugin("git-revision-date-localized") {
            let (dates, problems) = RevisionDateSettings.read(plugin.options)
            config.revisionDates = dates
            reader.append(
                problems.map {
                    Diagnostic(.configType, path: reader.path, at: plugin.location, message: "git-revision-date-localized: \($0)")
                })
        }
        let (search, searchProblems) = SearchSettings.mkdocs(plugin: settings.plugin("search"), configPath: reader.path)
        config.search = search
        reader.append(searchProblems)
        readInclusion(e, configPath: reader.path, settings: &settings, reader: &reader)
    }

    private func readTheme(_ node: Node, into config: inout SiteConfig, settings: inout MkDocsSettings, reader: inout YAMLReader) {
        // `theme: material` is the older short form.
        if case .scalar = node {
            settings.themeName = reader.string(node, "theme")
            return
        }
        let e = reader.entries(of: node, known: Self.themeKeys, context: "theme")
        settings.themeName = reader.string(e["name"]?.value, "name")
        if let v = reader.string(e["language"]?.value, "language") { config.language = v }
        settings.features = reader.stringList(e["features"]?.value, "features") ?? []
        config.theme.features = settings.features
        if let node = e["icon"]?.value {
            if case .mapping = node {
                settings.icons = reader.map(node, "icon") ?? ValueMap()
                config.theme.repoIcon = settings.icons["repo"]?.stringValue
            } else {
                // Material reads `theme.icon.*` keys; MkDocs does not check the type, so a
                // string here changes nothing in its build.
                reader.report(
                    .ignoredConfigValue, node,
                    "expected a map of icons for 'icon' (repo, admonition, …), found \(YAMLReader.kind(of: node)); it is ignored, as Material ignores it")
            }
        }
        if let node = e["custom_dir"]?.value, let dir = reader.string(node, "custom_dir") {
            settings.customDir = dir
            config.settingPositions["theme.custom_dir"] = reader.place(of: node)
        }
        for key in ["logo", "favicon"] {
            guard let node = e[key]?.value, let value = reader.string(node, key) else { continue }
            // MkDocs resolves theme files against the docs folder; Trellis against the site root.
            let path = ThemeSettings.isAddress(value) ? value : config.docsDir + "/" + value
            if key == "logo" { config.theme.logo = path } else { config.theme.favicon = path }
            config.settingPositions["theme." + key] = reader.place(of: node)
        }
        if settings.themeName == "material", config.theme.logo == nil {
            config.theme.logoIcon = settings.icons["logo"]?.stringValue ?? "material/library"
        }
        if let node = e["palette"]?.value {
            // Only a list of schemes gives a toggle (Material includes its palette form then).
            let (schemes, isList) = MaterialThemeReader.palette(node, reader: &reader)
            config.theme.palette = isList ? schemes : schemes.map { var s = $0; s.toggleIcon = nil; s.toggleName = nil; return s }
        }
    }

    /// `extra_javascript` entries are paths or, since MkDocs 1.5, maps with a `path`.
    private func readScripts(_ node: Node?, reader: inout YAMLReader) -> [String] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            reader.error(.configType, node, "expected a list for 'extra_javascript', found \(YAMLReader.kind(of: node))")
            return []
        }
        return items.compactMap { item in
            if case .mapping = item {
                return reader.string(reader.entries(of: item, known: ["path", "type", "async", "defer"], context: "extra_javascript")["path"]?.value, "path")
            }
            return reader.string(item, "extra_javascript")
        }
    }

    /// A list of names or single-key maps (`- name: {options}`), or one map of names to options.
    private func readExtensions(_ node: Node, kind: String, known: Set<String>, reader: inout YAMLReader) -> [MkDocsExtension] {
        var entries: [(Node, Node?)] = []
        switch node {
        case .sequence(let items):
            for item in items {
                if case .mapping(let mapping) = item, mapping.count == 1, let pair = mapping.first {
                    entries.append((pair.key, pair.value))
                } else if case .scalar = item {
                    entries.append((item, nil))
                } else {
                    reader.error(.configType, item, "expected a \(kind) name or 'name: {options}', found \(YAMLReader.kind(of: item))")
                }
            }
        case .mapping(let mapping):
            entries = mapping.map { ($0.key, $0.value) }
        default:
            reader.error(.configType, node, "expected a list of \(kind)s, found \(YAMLReader.kind(of: node))")
        }
        var result: [MkDocsExtension] = []
        for (nameNode, optionsNode) in entries {
            guard let written = reader.string(nameNode, kind) else { continue }
            let options = optionsNode.flatMap { reader.map($0, written) } ?? ValueMap()
            if case .bool(false)? = options["enabled"] { continue }
            var name = MkDocsKnown.extensionName(written)
            // Material's built-in plugins (`material/search`) stand in for the plain ones.
            if name.hasPrefix("material/") { name = String(name.dropFirst("material/".count)) }
            guard known.contains(name) else {
                reader.report(.unsupportedPlugin, nameNode, "unknown \(kind) '\(written)'; it is ignored")
                continue
            }
            result.append(MkDocsExtension(name: name, options: options, location: reader.location(of: nameNode)))
        }
        return result
    }
}
