import TrellisCore

/// The nav mkdocs-literate-nav (0.6) makes: from the `nav_file` (default `SUMMARY.md`) of the
/// docs folder, each `[Title](folder/)` link reading that folder's own nav file, `*` entries
/// taking the pages and folders not named elsewhere, and a folder without a nav file inferred
/// from its files (pages first, then subfolders, in MkDocs' order). Without a root nav file
/// and with a `nav` in the config, that nav's `folder/` and wildcard entries are resolved the
/// same way. The result is a nav as the config writes one, for `BuildNavigation`.
struct LiterateNav {
    struct Options: Sendable {
        var navFile = "SUMMARY.md"
        var implicitIndex = false
        var tabLength = 4

        init() {}

        init(plugin options: ValueMap) {
            if case .string(let name)? = options["nav_file"] { navFile = name }
            if case .bool(let value)? = options["implicit_index"] { implicitIndex = value }
            if case .int(let value)? = options["tab_length"] { tabLength = value }
        }
    }

    struct Result {
        var entries: [NavEntry] = []
        /// The nav files read: MkDocs keeps them out of the nav without a warning.
        var navFiles: Set<String> = []
        /// Where a nav file names each page (its first mention), for what the nav reports.
        var origins: [String: ConfigPosition] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// Folder visits allowed in one build, keeping a pathological tree of nav files bounded.
    static let maxVisits = 10_000
    /// Nav files nested (through folders) deeper than this are left out, keeping recursion bounded.
    static let maxDepth = 64

    let options: Options
    /// The docs folder as written, for diagnostics' paths.
    let docsDir: String
    let globber: LiterateNavGlobber
    /// Whether a docs-relative path is a file of the docs folder (pages and others).
    let fileExists: (String) -> Bool
    let readFile: (String) -> String?

    private var seen: Set<String> = []
    private var navFiles: Set<String> = []
    var diagnostics: [Diagnostic] = []
    var origins: [String: ConfigPosition] = [:]
    private var visits = 0
    private var warnedRecursions: Set<String> = []

    init(
        options: Options, docsDir: String, pages: [String], fileExists: @escaping (String) -> Bool,
        readFile: @escaping (String) -> String?
    ) {
        self.options = options
        self.docsDir = docsDir
        self.globber = LiterateNavGlobber(pages: pages)
        self.fileExists = fileExists
        self.readFile = readFile
    }

    /// The plugin's `on_files`: the root nav file's nav, else the config's nav resolved.
    mutating func resolve(configNav: [NavEntry]?) -> Result {
        var result: [Raw] = []
        if configNav == nil || navFile(in: ".") != nil {
            result = markdownToNav(roots: ["."])
        }
        if result.isEmpty {
            var items: [Raw] = []
            for entry in configNav ?? [] { items.append(yamlItem(entry)) }
            result = resolveWildcards(items, roots: ["."])
        }
        var entries: [NavEntry] = []
        for item in result { entries.append(entry(item)) }
        return Result(entries: entries, navFiles: navFiles, origins: origins, diagnostics: diagnostics)
    }

    // MARK: - The plugin's NavParser

    /// A nav item before wildcards are resolved (`NavWithWildcardsItem`).
    indirect enum Raw {
        case path(String, line: Int?, file: String?)
        case wildcard(Wildcard)
        case titled(String?, Value)

        enum Value {
            case path(String, line: Int?, file: String?)
            case list([Raw])
            case directory(Wildcard)
            case wildcard(Wildcard)
        }
    }

    struct Wildcard {
        var value: String
        var fallback: String?
        /// Where a folder link was written, for the fallback's warning.
        var line: Int?
        var file: String?

        init(_ parts: [String], fallback: Bool = true, trimSlash: Bool = false) {
            let joined = PythonPath.join(parts)
            var norm = PythonPath.normpath(String(joined.drop(while: { $0 == "/" })))
            if parts.last?.hasSuffix("/") == true, !trimSlash { norm += "/" }
            value = norm
            self.fallback = fallback ? parts.last : nil
        }
    }

    private mutating func navFile(in root: String) -> (path: String, text: String)? {
        let path = PythonPath.normpath(PythonPath.join([root, options.navFile]))
        guard fileExists(path), let text = readFile(path) else { return nil }
        navFiles.insert(path)
        return (path, text)
    }

    private mutating func markdownToNav(roots: [String]) -> [Raw] {
        let root = roots[0]
        visits += 1
        guard visits <= Self.maxVisits, roots.count <= Self.maxDepth else { return [] }
        if let (path, text) = navFile(in: root) {
            do {
                if let list = try LiterateNavFile.parse(text, tabLength: options.tabLength) {
                    if !(options.implicitIndex && path == globber.index(in: root)) { seen.insert(path) }
                    var first: Raw?
                    if options.implicitIndex, let index = globber.index(in: root) {
                        first = .wildcard(Wildcard([root, "/" + index], fallback: false))
                    }
                    let items = listToNav(list, root: root, first: first, file: path)
                    return resolveWildcards(items, roots: roots)
                }
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .configSyntax, path: displayPath(path), at: SourceLocation(line: error.line, column: 1),
                        message: "literate-nav cannot read this nav: \(error.message)"))
                return []
            }
        }
        return resolveWildcards([.wildcard(Wildcard([root, "*"], fallback: false))], roots: roots)
    }

    private mutating func listToNav(_ list: [LiterateNavFile.Item], root: String, first: Raw?, file: String) -> [Raw] {
        var result: [Raw] = first.map { [$0] } ?? []
        if case .path(let path, _, _)? = first { seen.insert(path) }
        for item in list {
            var title = item.text
            var value: Raw.Value?
            if title == nil, let link = item.link, !link.href.isEmpty {
                value = resolveString(root: root, link.href, line: item.line, file: file)
                title = link.title
            }
            if let children = item.children {
                let head: Raw? = value.map { v in
                    switch v {
                    case .path(let p, let l, let f): return .path(p, line: l, file: f)
                    case .directory(let w), .wildcard(let w): return .wildcard(w)
                    case .list(let items): return .titled(nil, .list(items))
                    }
                }
                value = .list(listToNav(children, root: root, first: head, file: file))
            }
            guard let title else {
                diagnostics.append(nonFatal(file, item.line, "a nav item has no title (write `[Title](page.md)` or a title above a nested list)"))
                continue
            }
            guard let value else {
                if title.contains("*") {
                    result.append(.wildcard(Wildcard([root, title])))
                } else {
                    diagnostics.append(nonFatal(file, item.line, "the nav item '\(title)' has no link or nested list"))
                }
                continue
            }
            result.append(.titled(title, value))
        }
        return result
    }

    mutating func resolveString(root: String, _ link: String, line: Int?, file: String?) -> Raw.Value {
        if PythonPath.hasScheme(link) { return .path(link, line: line, file: file) }
        let absolute = PythonPath.normpath(PythonPath.join([root, link]))
        seen.insert(absolute)
        if link.hasSuffix("/"), globber.isFolder(absolute) {
            var wildcard = Wildcard([root, link], trimSlash: true)
            (wildcard.line, wildcard.file) = (line, file)
            return .directory(wildcard)
        }
        return .path(absolute, line: line, file: file)
    }

    private mutating func resolveWildcards(_ nav: [Raw], roots: [String]) -> [Raw] {
        for entry in nav {
            switch entry {
            case .path(let p, _, _), .titled(_, .path(let p, _, _)): seen.insert(p)
            default: break
            }
        }
        var resolved: [Raw] = []
        for entry in nav {
            switch entry {
            case .titled(let title, let value):
                var new: Raw.Value?
                switch value {
                case .list(let items):
                    let inner = resolveWildcards(items, roots: roots)
                    new = inner.isEmpty ? nil : .list(inner)
                case .directory(let wildcard):
                    if canRecurse(wildcard.value, roots: roots, from: wildcard) {
                        let inner = markdownToNav(roots: [wildcard.value] + roots)
                        new = inner.isEmpty ? nil : .list(inner)
                    } else {
                        new = wildcard.fallback.map { .path($0, line: wildcard.line, file: wildcard.file) }
                    }
                case .wildcard(let wildcard):
                    let inner = resolveWildcards([.wildcard(wildcard)], roots: roots)
                    new = inner.isEmpty ? wildcard.fallback.map { .path($0, line: nil, file: nil) } : .list(inner)
                case .path:
                    new = value
                }
                if let new { resolved.append(.titled(title, new)) }
            case .path:
                resolved.append(entry)
            case .wildcard(let wildcard):
                var matched = false
                for item in globber.glob(String(wildcard.value.reversed().drop(while: { $0 == "/" }).reversed())) {
                    matched = true
                    if seen.contains(item) { continue }
                    if globber.isFolder(item) {
                        let name = item.split(separator: "/").last.map(String.init) ?? item
                        let inner = markdownToNav(roots: [item] + roots)
                        if !inner.isEmpty { resolved.append(.titled(AwesomePages.folderTitle(name), .list(inner))) }
                    } else {
                        if wildcard.value.hasSuffix("/") { continue }
                        resolved.append(.titled(nil, .path(item, line: nil, file: nil)))
                    }
                    seen.insert(item)
                }
                if !matched, let fallback = wildcard.fallback { resolved.append(.path(fallback, line: nil, file: nil)) }
            }
        }
        return resolved
    }

    private mutating func canRecurse(_ root: String, roots: [String], from link: Wildcard) -> Bool {
        guard roots.contains(root) else { return true }
        let chain = ([root] + roots).reversed().map { "'\($0)'" }.joined(separator: " -> ")
        if warnedRecursions.insert(chain).inserted {
            diagnostics.append(
                Diagnostic(
                    .navFileMissingPage, path: link.file.map(displayPath), at: link.line.map { SourceLocation(line: $0, column: 1) },
                    message: "literate-nav: disallowing recursion \(chain)"))
        }
        return false
    }

    func displayPath(_ path: String) -> String { docsDir.isEmpty ? path : docsDir + "/" + path }

    private func nonFatal(_ file: String, _ line: Int, _ message: String) -> Diagnostic {
        Diagnostic(.configSyntax, path: displayPath(file), at: SourceLocation(line: line, column: 1), message: "literate-nav: " + message)
    }
}
