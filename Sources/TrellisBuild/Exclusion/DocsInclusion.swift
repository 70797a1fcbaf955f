import Foundation
import TrellisCore

/// Which files of the docs folder an MkDocs site builds, from `exclude_docs`, `draft_docs` and
/// `not_in_nav` (MkDocs' inclusion levels) and the `exclude` plugin (mkdocs-exclude).
struct DocsInclusion: Sendable {
    /// MkDocs' `InclusionLevel`, as `mkdocs build` treats it.
    enum Level: Sendable, Equatable {
        /// `exclude_docs` (and MkDocs' default `.*`, `/templates/`) or `draft_docs`: neither a
        /// page nor copied; links and nav entries to it are noted, and still rewritten.
        case excluded
        /// `not_in_nav`: built, but left out of a derived nav and not reported when a nav omits it.
        case notInNav
        case included
    }

    /// MkDocs' default patterns, then the site's `exclude_docs`.
    var exclude = GitIgnoreSpec.mkdocsDefault
    var drafts: GitIgnoreSpec?
    var notInNav: GitIgnoreSpec?
    /// The `exclude` plugin's `glob` patterns (Python's `fnmatchcase`: `*` crosses folders).
    var pluginGlobs: [String] = []
    /// The `exclude` plugin's `regex` patterns, matched at the start of the path (`re.match`).
    var pluginRegexes: [NSRegularExpression] = []

    /// MkDocs' level for a docs-relative path (`set_exclusions`: exclude, then draft, then not in nav).
    func level(of path: String) -> Level {
        if exclude.matches(path) || drafts?.matches(path) == true { return .excluded }
        if notInNav?.matches(path) == true { return .notInNav }
        return .included
    }

    /// Whether the `exclude` plugin takes the file out of the site altogether, as if it were not
    /// there: it is neither built nor known to links.
    func removedByPlugin(_ path: String) -> Bool {
        if pluginGlobs.contains(where: { Glob.matches(path, $0) }) { return true }
        let range = NSRange(path.startIndex..., in: path)
        return pluginRegexes.contains { $0.firstMatch(in: path, options: .anchored, range: range) != nil }
    }

    /// The `exclude` plugin's options: `glob` and `regex`, each a string or a list of strings.
    /// Returns the problems (a pattern that is no regex, options the plugin does not have).
    mutating func readExcludePlugin(_ plugin: MkDocsExtension, configPath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func strings(_ key: String) -> [String] {
            switch plugin.options[key] {
            case .string(let s)?: return [s]
            case .list(let items)?:
                return items.compactMap { item in
                    if let s = item.stringValue { return s }
                    diagnostics.append(
                        Diagnostic(.configType, path: configPath, at: plugin.location, message: "expected strings in the exclude plugin's '\(key)'"))
                    return nil
                }
            case nil, .null?: return []
            default:
                diagnostics.append(
                    Diagnostic(
                        .configType, path: configPath, at: plugin.location,
                        message: "expected a string or a list of strings for the exclude plugin's '\(key)'"))
                return []
            }
        }
        pluginGlobs = strings("glob")
        for pattern in strings("regex") {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                pluginRegexes.append(regex)
            } else {
                diagnostics.append(
                    Diagnostic(
                        .configType, path: configPath, at: plugin.location,
                        message: "the exclude plugin's regex '\(pattern)' is not a valid regular expression"))
            }
        }
        diagnostics += MkDocsPluginOptions.unsupported(plugin, supported: ["glob", "regex"], configPath: configPath)
        return diagnostics
    }
}

/// Plugin options Trellis does not reproduce: one warning per plugin naming them.
enum MkDocsPluginOptions {
    static func unsupported(
        _ plugin: MkDocsExtension, supported: Set<String>, configPath: String
    ) -> [Diagnostic] {
        let unknown = plugin.options.keys.filter { !supported.contains($0) && $0 != "enabled" }.sorted()
        guard !unknown.isEmpty else { return [] }
        let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
        return [
            Diagnostic(
                .unsupportedPlugin, path: configPath, at: plugin.location,
                message: "the \(plugin.name) plugin's option\(unknown.count == 1 ? "" : "s") \(names) \(unknown.count == 1 ? "is" : "are") not supported; ignored")
        ]
    }
}
