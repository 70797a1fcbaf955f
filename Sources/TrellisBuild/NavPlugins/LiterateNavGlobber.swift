/// mkdocs-literate-nav's `MkDocsGlobber`: the docs pages in MkDocs' file order, the folders
/// that hold them, and each folder's index page, matched with shell patterns part by part.
struct LiterateNavGlobber: Sendable {
    /// Page paths in MkDocs' order: a folder's pages (index first, then by name) before its subfolders'.
    private(set) var files: [String] = []
    /// Folders holding pages, in the order the pages reach them ("" is the docs folder).
    private(set) var folders: [String] = []
    private var folderSet: Set<String> = []
    private var indexes: [String: String] = [:]

    init(pages: [String]) {
        files = pages.sorted { Self.walkKey($0) < Self.walkKey($1) }
        for path in files {
            var parts = path.split(separator: "/").map(String.init)
            let name = parts.removeLast()
            let folder = parts.joined(separator: "/")
            // MkDocs names README.md "index" too; index.md comes later in its order and wins.
            if SourcePage.hasIndexName(name) { indexes[folder] = path }
            while true {
                let current = parts.joined(separator: "/")
                if folderSet.insert(current).inserted { folders.append(current) }
                if parts.isEmpty { break }
                parts.removeLast()
            }
        }
    }

    /// MkDocs' walk order (`os.walk` with sorted names, `index`/`README` first) as a sort key.
    static func walkKey(_ path: String) -> WalkKey {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        return WalkKey(folders: parts, notIndex: !SourcePage.hasIndexName(name), name: name)
    }

    struct WalkKey: Comparable {
        var folders: [String]
        var notIndex: Bool
        var name: String

        static func < (a: WalkKey, b: WalkKey) -> Bool {
            for (x, y) in zip(a.folders, b.folders) where x != y { return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) }
            if a.folders.count != b.folders.count { return a.folders.count < b.folders.count }
            if a.notIndex != b.notIndex { return !a.notIndex }
            return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
    }

    func isFolder(_ path: String) -> Bool { folderSet.contains(Self.key(path)) }

    /// The folder's index page (`index.md`, else `README.md`), if it has one.
    func index(in root: String) -> String? { indexes[Self.key(root)] }

    /// Pages, then folders, whose path matches `pattern` segment by segment.
    func glob(_ pattern: String) -> [String] {
        let parts = pattern.split(separator: "/").map(String.init).filter { $0 != "." }
        func matches(_ path: String) -> Bool {
            let segments = path.split(separator: "/").map(String.init)
            return segments.count == parts.count && zip(segments, parts).allSatisfy { Glob.matches($0, $1) }
        }
        return files.filter(matches) + folders.filter { !$0.isEmpty && matches($0) }
    }

    /// A path as the folder keys store it: no leading `/` or `./`, "" for the docs folder.
    private static func key(_ path: String) -> String {
        let normalized = PythonPath.normpath("/" + path)
        return String(normalized.drop(while: { $0 == "/" }))
    }
}

/// Python's `posixpath.join` and `posixpath.normpath`, which the plugins' paths go through.
enum PythonPath {
    static func join(_ parts: [String]) -> String {
        var result = ""
        for part in parts {
            if part.hasPrefix("/") || result.isEmpty {
                result = part
            } else if result.hasSuffix("/") {
                result += part
            } else {
                result += "/" + part
            }
        }
        return result
    }

    static func normpath(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        let absolute = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if let last = out.last, last != ".." {
                    out.removeLast()
                } else if !absolute {
                    out.append(part)
                }
            } else {
                out.append(part)
            }
        }
        let joined = out.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `urlsplit` finds a scheme or a host (`https://…`, `mailto:…`, `//host`).
    static func hasScheme(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
