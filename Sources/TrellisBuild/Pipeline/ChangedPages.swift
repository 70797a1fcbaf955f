import Foundation
import TrellisCore

/// `--changed-since REF`: the report keeps only pages changed since a git ref (committed,
/// staged, unstaged or untracked) and the pages that link to them, the fast check for a pull
/// request. Config and theme changes keep everything.
enum ChangedPages {
    static func filter(_ diagnostics: [Diagnostic], site: SiteState) -> [Diagnostic] {
        guard let ref = site.options.changedSince else { return diagnostics }
        guard let changed = changedFiles(since: ref, root: site.root) else {
            return diagnostics + [
                Diagnostic(.unavailableInput, path: nil, at: nil, message: "cannot ask git what changed since '\(ref)'; reporting everything")
            ]
        }
        let docsPrefix = site.config.docsDir + "/"
        let changedPages = Set(changed.filter { $0.hasPrefix(docsPrefix) }.map { String($0.dropFirst(docsPrefix.count)) })
        // A change outside the docs folder (config, brands, theme) can affect every page.
        if changed.contains(where: { !$0.hasPrefix(docsPrefix) && !$0.hasPrefix(site.config.siteDir + "/") }) {
            return diagnostics
        }
        var scope = changedPages
        let linkedFrom = site.usage.recorded.linkedFrom
        for page in changedPages { scope.formUnion(linkedFrom[page] ?? []) }
        let paths = Set(scope.map { docsPrefix + $0 })
        return diagnostics.filter { d in d.path.map(paths.contains) ?? false }
    }

    /// Files changed since `ref`, relative to the repository root made relative to the site
    /// root; nil when git cannot answer.
    static func changedFiles(since ref: String, root: URL) -> Set<String>? {
        guard let diff = git(["diff", "--name-only", "--relative", ref, "--", "."], in: root),
            let untracked = git(["ls-files", "--others", "--exclude-standard", "--", "."], in: root)
        else { return nil }
        let lines = (diff + "\n" + untracked).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return Set(lines)
    }

    private static func git(_ arguments: [String], in folder: URL) -> String? {
        guard let result = Subprocess.run(["git", "-C", folder.path] + arguments), result.status == 0 else { return nil }
        return result.output
    }
}
