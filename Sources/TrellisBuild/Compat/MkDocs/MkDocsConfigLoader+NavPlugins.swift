import TrellisCore

extension MkDocsConfigLoader {
    /// The nav plugins' options: literate-nav's `nav_file`, `implicit_index` and `tab_length`
    /// are checked as the plugin's config checks them (a wrong type stops MkDocs); its
    /// `markdown_extensions` and any option section-index does not have are named in one warning.
    static func navPluginProblems(_ settings: MkDocsSettings, configPath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let plugin = settings.plugin("literate-nav") {
            let expected: [(String, String, (Value) -> Bool)] = [
                ("nav_file", "a string", { $0.stringValue != nil }),
                ("implicit_index", "true or false", { if case .bool = $0 { true } else { false } }),
                ("tab_length", "an integer", { if case .int = $0 { true } else { false } }),
            ]
            for (key, kind, isValid) in expected {
                guard let value = plugin.options[key], !isValid(value) else { continue }
                diagnostics.append(
                    Diagnostic(
                        .configType, path: configPath, at: plugin.location,
                        message: "expected \(kind) for literate-nav's '\(key)'"))
            }
            diagnostics += MkDocsPluginOptions.unsupported(
                plugin, supported: ["nav_file", "implicit_index", "tab_length"], configPath: configPath)
        }
        if let plugin = settings.plugin("section-index") {
            diagnostics += MkDocsPluginOptions.unsupported(plugin, supported: [], configPath: configPath)
        }
        return diagnostics
    }
}
