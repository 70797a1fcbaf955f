import TrellisCore

/// From MkDocs' nav config to the plugin's items and back.
extension LiterateNav {
    /// A config nav entry as the plugin's `_resolve_yaml_nav` reads it.
    mutating func yamlItem(_ entry: NavEntry) -> Raw {
        switch entry {
        case .page(nil, let path, let location):
            if path.contains("*") { return .wildcard(Wildcard(["", path])) }
            return .path(path, line: location?.line, file: nil)
        case .page(let title?, let path, let location):
            if path.contains("*") { return .titled(title, .wildcard(Wildcard(["", path]))) }
            return .titled(title, resolveString(root: "", path, line: location?.line, file: nil))
        case .section(let title, let children):
            var items: [Raw] = []
            for child in children { items.append(yamlItem(child)) }
            return .titled(title, .list(items))
        case .link(let title, let url):
            return .titled(title, .path(url, line: nil, file: nil))
        }
    }

    mutating func entry(_ raw: Raw) -> NavEntry {
        switch raw {
        case .path(let path, let line, let file): return leaf(nil, path, line: line, file: file)
        case .wildcard(let wildcard): return leaf(nil, wildcard.value, line: nil, file: nil)
        case .titled(let title, .path(let path, let line, let file)): return leaf(title, path, line: line, file: file)
        case .titled(let title, .list(let items)):
            var children: [NavEntry] = []
            for item in items { children.append(entry(item)) }
            return .section(title: title ?? "", children: children)
        case .titled(let title, .directory(let w)), .titled(let title, .wildcard(let w)):
            return leaf(title, w.value, line: nil, file: nil)
        }
    }

    /// A page when the path is a docs file, else a link, as MkDocs' nav makes one. A config
    /// nav's missing page is left to `BuildNavigation`, which reports it in the config; one a
    /// nav file names is reported here, in that file, and stays a link as in MkDocs.
    private mutating func leaf(_ title: String?, _ path: String, line: Int?, file: String?) -> NavEntry {
        let location = line.map { SourceLocation(line: $0, column: 1) }
        if fileExists(path) || (file == nil && !PythonPath.hasScheme(path)) {
            if let file, origins[path] == nil { origins[path] = ConfigPosition(path: displayPath(file), location: location) }
            return .page(title: title, path: path, location: file == nil ? location : nil)
        }
        if let file, !PythonPath.hasScheme(path) {
            diagnostics.append(
                Diagnostic(
                    .navFileMissingPage, path: displayPath(file), at: line.map { SourceLocation(line: $0, column: 1) },
                    message: "the nav names '\(path)', which is not found among the documentation files"))
        }
        return .link(title: title ?? path, url: path)
    }
}
