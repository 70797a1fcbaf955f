import TrellisCore
import TrellisMacros

/// Stage: parses each page's macros once (in parallel); every brand then only renders them.
struct ParseMacros: SiteStage {
    let name = "parse macros"
    var runsInRender: Bool { true }

    func run(_ site: SiteState) throws {
        let (enabled, byDefault) = Self.macroSwitch(site)
        let macros = site.mkdocs?.plugin("macros")
        // The plugin's Python code, read first: a filter it defines is named as such.
        let python = macros.map { MacrosPluginData.python(site, options: $0.options) }
        let results = ParallelMap.map(site.pages) { page -> (MacroTemplate?, [Diagnostic]) in
            guard enabled, page.meta.renderMacros ?? byDefault else { return (nil, []) }
            let (template, diagnostics) = MacroTemplate.parse(
                String(page.body), file: page.file, sourceOffset: page.bodyOffset, python: python)
            return (template.isPlainText ? nil : template, diagnostics)
        }
        site.macroTemplates = results.map(\.0)
        site.macroIncludes = Self.includeLibrary(site, python: python)
        if let macros, results.contains(where: { $0.0 != nil }) {
            // The plugin reads `include_yaml` first; its own `git` replaces a key of that name.
            let (yaml, yamlDiagnostics) = MacrosPluginData.yamlVariables(site, options: macros.options)
            var builtins = yaml
            for (name, value) in MacrosPluginBuiltins.variables(root: site.root) { builtins[name] = value }
            site.macroBuiltins = builtins
            site.macroPython = python
            site.engine.emit(contentsOf: yamlDiagnostics)
        }
        site.engine.emit(contentsOf: results.flatMap(\.1))
    }

    /// Where `{% include %}` looks: the macros plugin's `include_dir`, else the docs folder.
    static func includeLibrary(_ site: SiteState, python: PythonMacros? = nil) -> MacroIncludeLibrary {
        var folder = site.config.docsDir
        if case .string(let dir)? = site.mkdocs?.plugin("macros")?.options["include_dir"], !dir.isEmpty { folder = dir }
        return MacroIncludeLibrary(
            folder: site.config.url(of: folder, root: site.root), folderPath: folder, project: site.project, python: python)
    }

    /// Whether the site renders macros at all, and on a page whose front matter has no
    /// `render_macros`. Trellis renders them on every page. A plain MkDocs site renders them
    /// only with the macros plugin, and then as its `render_by_default` says
    /// (default true); without the plugin, `{{` and `{%` are plain text, as MkDocs shows them.
    static func macroSwitch(_ site: SiteState) -> (enabled: Bool, byDefault: Bool) {
        guard let mkdocs = site.mkdocs, site.isPlainMkDocs else { return (true, true) }
        guard let macros = mkdocs.plugin("macros") else { return (false, false) }
        if case .bool(let value)? = macros.options["render_by_default"] { return (true, value) }
        return (true, true)
    }
}
