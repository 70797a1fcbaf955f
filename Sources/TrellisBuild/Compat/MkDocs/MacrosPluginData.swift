import Foundation
import TrellisCore
import TrellisMacros

/// What the MkDocs macros plugin reads besides `extra`: the YAML files of its `include_yaml`
/// (variables, merged as its `update()` merges them), and the Python code of its `module_name`
/// (default `main.py`) and `modules`, whose functions Trellis cannot run but can name.
enum MacrosPluginData {
    /// The variables of `include_yaml`, in order: `- file.yml` merges the file's top-level
    /// keys, `- key: file.yml` puts the file under `key`. Paths are relative to the project
    /// folder; a missing file is skipped, as the plugin only logs it.
    static func yamlVariables(_ site: SiteState, includes: [MacrosPluginSettings.YAMLInclude]) -> (ValueMap, [Diagnostic]) {
        var variables = ValueMap()
        var diagnostics: [Diagnostic] = []
        for include in includes {
            let (key, file) = (include.key, include.file)
            guard case .inside(let real) = site.project.follow(site.root.appending(path: file).standardizedFileURL.path),
                let data = FileManager.default.contents(atPath: real)
            else { continue }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(Diagnostic(.invalidEncoding, path: file, at: nil, message: "'\(file)' is not valid UTF-8"))
                continue
            }
            var reader = YAMLReader(path: file)
            let node = reader.parse(text, lastKeyWins: true)
            diagnostics += reader.diagnostics
            guard let node else { continue }
            var content = YAMLReader.value(of: node)
            if let key { content = .map(ValueMap([(key, content)])) }
            if case .map(let map) = content { update(&variables, with: map) }
        }
        return (variables, diagnostics)
    }

    /// The plugin's `update(d1, d2)`: a new key is added; an existing number, string or bool is
    /// replaced; maps merge key by key; anything else already there (a list, null) stays.
    static func update(_ target: inout ValueMap, with source: ValueMap) {
        for (key, value) in source {
            switch target[key] {
            case nil: target[key] = value
            case .int?, .double?, .string?, .bool?: target[key] = value
            case .map(var existing)?:
                if case .map(let incoming) = value {
                    update(&existing, with: incoming)
                    target[key] = .map(existing)
                }
            case .list?, .null?: break
            }
        }
    }

    /// The functions of the site's Python module (`module_name`, default `main`: `main.py` or a
    /// `main/` package) and of its `modules` (installed pluglets, which Trellis cannot read).
    static func python(_ site: SiteState, plugin: MacrosPluginSettings) -> PythonMacros {
        var modules: [PythonMacros.Module] = []
        let moduleName = plugin.moduleName
        let file = site.root.appending(path: moduleName + ".py").path
        let folder = site.root.appending(path: moduleName).path
        if case .inside(let real) = site.project.follow(file), let source = read(real) {
            modules.append(
                PythonMacros.Module(
                    functions: functions(in: source), variables: variables(in: source),
                    source: "`define_env` in \(moduleName).py (macros plugin `module_name`)"))
        } else if case .inside(let real) = site.project.follow(folder) {
            let sources = ((try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []).sorted()
                .filter { $0.hasSuffix(".py") }.compactMap { read(real + "/" + $0) }
            if !sources.isEmpty {
                modules.append(
                    PythonMacros.Module(
                        functions: sources.reduce(into: Set<String>()) { $0.formUnion(functions(in: $1)) },
                        variables: sources.reduce(into: Set<String>()) { $0.formUnion(variables(in: $1)) },
                        source: "`define_env` in \(moduleName)/ (macros plugin `module_name`)"))
            }
        }
        for name in plugin.modules {
            modules.append(PythonMacros.Module(functions: [], source: "the pluglet '\(name)' (macros plugin `modules`)"))
        }
        return PythonMacros(modules: modules)
    }

    private static func read(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The hooks the plugin calls itself, which are no macros.
    private static let hooks: Set<String> = ["define_env", "on_pre_page_macros", "on_post_page_macros", "on_post_build"]

    /// Variables a module sets: `env.variables['name'] = …`, `env.variables["name"] = …` and
    /// `env.variables.name = …`.
    static func variables(in source: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(source)
        while let range = rest.range(of: "env.variables") {
            rest = rest[range.upperBound...]
            var name: Substring
            if rest.hasPrefix("['") || rest.hasPrefix("[\"") {
                name = rest.dropFirst(2).prefix { $0 != "'" && $0 != "\"" && $0 != "]" && !$0.isNewline }
            } else if rest.hasPrefix(".") {
                name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            } else {
                continue
            }
            let after = rest.drop { $0 != "=" && !$0.isNewline }
            // An assignment (`=`, not `==`), not a read such as `env.variables.get`.
            guard after.hasPrefix("="), !after.hasPrefix("=="), !name.isEmpty,
                !["get", "update", "items", "keys", "values", "setdefault"].contains(String(name))
            else { continue }
            names.insert(String(name))
        }
        return names
    }

    /// Names a module defines as functions (`def name(`) or registers under another name
    /// (`env.macro(f, 'name')`), as far as a reading of its text shows.
    static func functions(in source: String) -> Set<String> {
        var names = Set<String>()
        for line in source.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for prefix in ["def ", "async def "] where trimmed.hasPrefix(prefix) {
                let name = trimmed.dropFirst(prefix.count).drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty, !name.hasPrefix("_"), !hooks.contains(String(name)) { names.insert(String(name)) }
            }
            if let range = trimmed.range(of: "env.macro(") {
                let arguments = trimmed[range.upperBound...].prefix { $0 != ")" }
                let parts = arguments.split(separator: ",")
                if parts.count == 2 {
                    let alias = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                    if !alias.isEmpty { names.insert(alias) }
                }
            }
        }
        return names
    }
}
