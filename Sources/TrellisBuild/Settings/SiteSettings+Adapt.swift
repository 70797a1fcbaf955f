import TrellisCore
import TrellisMacros

extension SiteSettings {
    /// The settings and what reading them found. `diagnostics` belong to the config (an error
    /// there makes the site unusable); `blogDiagnostics` are the blog plugin's, which fail the
    /// build but leave the rest of it to run, as MkDocs reports them.
    struct Adapted {
        var settings = SiteSettings()
        var diagnostics: [Diagnostic] = []
        var blogDiagnostics: [Diagnostic] = []
    }

    /// The one adapter from the loaded config to the settings the stages read: `config` is the
    /// site config as `trellis.yml` (or `mkdocs.yml`) and the brand files make it, `mkdocs` the
    /// `mkdocs.yml` settings when an MkDocs config is read. Defaults are MkDocs' and its
    /// plugins'; an option Trellis cannot honour gives the diagnostic it always gave.
    static func adapt(config: SiteConfig, mkdocs: MkDocsSettings?, isPlainMkDocs: Bool) -> Adapted {
        var result = Adapted()
        var settings = SiteSettings()
        settings.isMkDocs = mkdocs != nil
        settings.isPlainMkDocs = isPlainMkDocs
        (settings.markdown, settings.templates.tocTitle, result.diagnostics) = MarkdownSettings.adapt(
            config: config, mkdocs: mkdocs)
        settings.macros = macroSettings(config: config, mkdocs: mkdocs, isPlainMkDocs: isPlainMkDocs)
        guard let mkdocs else {
            result.settings = settings
            return result
        }
        settings.snippets = mkdocs.markdownExtension("pymdownx.snippets").map { SnippetOptions($0.options) }
        settings.navigation.literateNav = mkdocs.plugin("literate-nav").map { LiterateNav.Options(plugin: $0.options) }
        if mkdocs.usesAwesomePages {
            settings.navigation.awesomePages = AwesomePages.Options(
                plugin: mkdocs.plugin("awesome-pages")?.options ?? ValueMap(), features: mkdocs.features)
        }
        settings.navigation.sectionIndex = mkdocs.plugin("section-index") != nil
        settings.navigation.materialIndexes = mkdocs.features.contains("navigation.indexes")
        settings.redirects.maps = mkdocs.redirectMaps
        settings.templates.extraCSS = mkdocs.extraCSS
        settings.templates.extraJavaScript = mkdocs.extraJavaScript
        // Material shows an edit button only with its `content.action.edit` feature.
        if mkdocs.features.contains("content.action.edit") { settings.templates.editLinks = settings.macros.repository }
        settings.inclusion = mkdocs.inclusion
        if let plugin = mkdocs.plugin("blog") {
            (settings.blog, result.blogDiagnostics) = blogSettings(plugin, mkdocs: mkdocs, config: config)
        }
        result.settings = settings
        return result
    }

    /// The macros' switch, undefined-variable policy and plugin options, and MkDocs' settings
    /// as the `config` variable shows them.
    private static func macroSettings(config: SiteConfig, mkdocs: MkDocsSettings?, isPlainMkDocs: Bool) -> MacroSettings {
        var macros = MacroSettings()
        guard let mkdocs else { return macros }
        let plugin = mkdocs.plugin("macros")
        macros.plugin = plugin.map { MacrosPluginSettings(options: $0.options) }
        if plugin != nil {
            macros.undefined = mkdocs.macrosOnUndefined.flatMap(UndefinedPolicy.init(rawValue:)) ?? .keep
        }
        if isPlainMkDocs {
            macros.enabled = plugin != nil
            macros.renderByDefault = plugin != nil
            if case .bool(let value)? = plugin?.options["render_by_default"] { macros.renderByDefault = value }
        }
        let repository = RepositorySettings(url: mkdocs.repoURL, name: mkdocs.repoName, editURI: mkdocs.editURI)
        macros.repository = repository
        var keys = ValueMap()
        keys["repo_url"] = repository.url.map(Value.string) ?? .null
        keys["repo_name"] = repository.name.map(Value.string) ?? .null
        keys["edit_uri"] = repository.editURI.map(Value.string) ?? .null
        keys["extra_css"] = .list(mkdocs.extraCSS.map(Value.string))
        keys["extra_javascript"] = .list(mkdocs.extraJavaScript.map(Value.string))
        keys["theme"] = .map(
            ValueMap([
                ("name", mkdocs.themeName.map(Value.string) ?? .null),
                ("features", .list(mkdocs.features.map(Value.string))),
                ("icon", .map(mkdocs.icons)),
                ("language", .string(config.language)),
                ("custom_dir", mkdocs.customDir.map(Value.string) ?? .null),
            ]))
        macros.mkdocsConfig = keys
        return macros
    }

    /// Material's blog plugin options, and what Trellis cannot build of them.
    private static func blogSettings(
        _ plugin: MkDocsExtension, mkdocs: MkDocsSettings, config: SiteConfig
    ) -> (BlogOptions, [Diagnostic]) {
        let configPath = config.path
        var (options, diagnostics) = BlogOptions.read(plugin.options, configPath: configPath, location: plugin.location)
        if mkdocs.plugins.filter({ $0.name == "blog" }).count > 1 {
            diagnostics.append(
                Diagnostic(
                    .unsupportedPlugin, path: configPath, at: plugin.location,
                    message: "blog: Trellis builds only the first instance of the blog plugin; the others are ignored"))
        }
        let language = config.language
        if !(language == "en" || language.hasPrefix("en-") || language.hasPrefix("en_")) {
            diagnostics.append(
                Diagnostic(
                    .unsupportedPlugin, path: configPath, at: plugin.location,
                    message: "blog: Trellis writes the blog's dates and labels in English, not in '\(language)'"))
        }
        for (key, path) in [("blog_dir", options.root), ("post_dir", options.postsPath)] where BlogPaths.leavesDocs(path) {
            diagnostics.append(
                Diagnostic(
                    .configType, path: configPath, at: plugin.location,
                    message: "blog: '\(key)' leads to '\(path)', outside the docs folder; the blog is not built"))
        }
        return (options, diagnostics)
    }
}
