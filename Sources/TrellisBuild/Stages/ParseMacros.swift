import TrellisCore
import TrellisMacros

/// Stage: parses each page's macros once (in parallel); every brand then only renders them.
struct ParseMacros: SiteStage {
    let name = "parse macros"
    var runsInRender: Bool { true }

    func run(_ site: inout SiteState) throws {
        let settings = site.settings.macros
        let macros = settings.plugin
        // The plugin's Python code, read first: a filter it defines is named as such.
        let python = macros.map { MacrosPluginData.python(site, plugin: $0) }
        let results = ParallelMap.map(site.pages) { page in Self.template(of: page, settings: settings, python: python) }
        site.macroTemplates = results.map(\.0)
        site.macroIncludes = Self.includeLibrary(site, python: python)
        if let macros, results.contains(where: { $0.0 != nil }) {
            // The plugin reads `include_yaml` first; its own `git` replaces a key of that name.
            let (yaml, yamlDiagnostics) = MacrosPluginData.yamlVariables(site, includes: macros.includeYAML)
            var builtins = yaml
            for (name, value) in MacrosPluginBuiltins.variables(root: site.root) { builtins[name] = value }
            site.macroBuiltins = builtins
            site.macroPython = python
            site.engine.emit(contentsOf: yamlDiagnostics)
        }
        site.engine.emit(contentsOf: results.flatMap(\.1))
    }

    /// A page's macro template (nil: nothing to expand) and its parse problems.
    static func template(of page: SourcePage, settings: MacroSettings, python: PythonMacros?) -> (MacroTemplate?, [Diagnostic]) {
        guard settings.enabled, page.meta.renderMacros ?? settings.renderByDefault else { return (nil, []) }
        let (template, diagnostics) = MacroTemplate.parse(String(page.body), file: page.file, sourceOffset: page.bodyOffset, python: python)
        return (template.isPlainText ? nil : template, diagnostics)
    }

    /// Where `{% include %}` looks: the macros plugin's `include_dir`, else the docs folder.
    static func includeLibrary(_ site: SiteState, python: PythonMacros? = nil) -> MacroIncludeLibrary {
        var folder = site.config.docsDir
        if let dir = site.settings.macros.plugin?.includeDir { folder = dir }
        return MacroIncludeLibrary(
            folder: site.config.url(of: folder, root: site.root), folderPath: folder, project: site.project, python: python)
    }
}
