import TrellisCore
import Yams

extension MkDocsConfigLoader {
    /// `exclude_docs`, `draft_docs` and `not_in_nav` (multi-line strings of gitignore patterns,
    /// as MkDocs' `PathSpec` option reads them: anything else, or a pattern pathspec refuses,
    /// stops the build) and the `exclude` plugin's patterns.
    func readInclusion(
        _ e: [String: (key: Node, value: Node)], configPath: String, settings: inout MkDocsSettings, reader: inout YAMLReader
    ) {
        func spec(_ key: String) -> GitIgnoreSpec? {
            guard let node = e[key]?.value else { return nil }
            guard case .scalar(let scalar) = node, scalar.tagName == .str else {
                if case .scalar(let scalar) = node, scalar.tagName == .null { return nil }
                reader.error(.configType, node, "expected a multiline string of patterns for '\(key)', found \(YAMLReader.kind(of: node))")
                return nil
            }
            do {
                return try GitIgnoreSpec(text: scalar.string)
            } catch let error as GitIgnoreSpec.InvalidPattern {
                reader.error(.configType, node, "invalid pattern '\(error.pattern)' in '\(key)'")
            } catch {
                reader.error(.configType, node, "invalid patterns in '\(key)'")
            }
            return nil
        }
        if let exclude = spec("exclude_docs") { settings.inclusion.exclude = GitIgnoreSpec.mkdocsDefault + exclude }
        settings.inclusion.drafts = spec("draft_docs")
        settings.inclusion.notInNav = spec("not_in_nav")
        if let plugin = settings.plugin("exclude") {
            reader.append(settings.inclusion.readExcludePlugin(plugin, configPath: configPath))
        }
        reader.append(Self.navPluginProblems(settings, configPath: configPath))
    }
}
