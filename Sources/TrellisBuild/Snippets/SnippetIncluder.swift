import Foundation
import TrellisCore

/// Replaces snippet notation in a page with the files' lines as `pymdownx.snippets` 13.1.2 does
/// (its `parse_snippets`), keeping the map back to the page's file.
struct SnippetIncluder: Sendable {
    let bases: [Base]
    /// Where snippets (and the symlinks leading to them) may be read from.
    let project: ProjectFolder
    var options = SnippetOptions()
    /// The site root, which snippet files are reported relative to.
    var root: URL?
    /// The config, where problems of `auto_append`'s snippets are reported.
    var configPath = "mkdocs.yml"
    /// A plain MkDocs site: what pymdownx passes over in silence (a missing snippet without
    /// `check_paths`, a snippet including itself) is a note, so `strict` fails where MkDocs does.
    var plainMkDocs = false
    /// The base paths as the config names them, for messages.
    var describedBases = "the site root"

    /// How deep snippets may include snippets (pymdownx stops near Python's recursion limit).
    static let maxNesting = 64
    /// How many lines snippets may add to one page, so a few files including each other twice
    /// cannot make a page of billions of lines.
    static let maxLines = 1_000_000
    /// How many snippets one page may include (as many as macros' `include`s).
    static let maxIncludes = 32_768

    init(bases: [URL], project: ProjectFolder, options: SnippetOptions = SnippetOptions()) {
        self.init(bases: bases.map(Base.folder), project: project, options: options)
    }

    init(bases: [Base], project: ProjectFolder, options: SnippetOptions = SnippetOptions()) {
        self.bases = bases
        self.project = project
        self.options = options
    }

    /// The page with its snippets included, its problems, and the real paths of the files read.
    func include(into page: PageText, file: SourceFile) -> (PageText, [Diagnostic], Set<String>) {
        guard SnippetSyntax.hasScissors(page.text) || !options.autoAppend.isEmpty else { return (page, [], []) }
        var lines: [SnippetExpansion.Line] = []
        var offset = 0
        for raw in page.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lines.append(.init(text: String(decoding: raw, as: UTF8.self), origin: offset))
            offset += raw.count + 1
        }
        if !options.autoAppend.isEmpty {
            let appended = "\n\n-8<-\n\(options.autoAppend.joined(separator: "\n\n"))\n-8<-\n"
            lines += appended.split(separator: "\n", omittingEmptySubsequences: false).map { .init(text: String($0), origin: -1) }
        }
        let pageFolder = (root ?? URL(fileURLWithPath: "/")).appending(path: file.path).deletingLastPathComponent()
        var expansion = SnippetExpansion(includer: self, page: page, file: file, bases: bases.map { $0.url(pageFolder: pageFolder) })
        let output = expansion.parse(lines, in: .page, isSection: false, depth: 0)
        let total = page.text.utf8.count
        let lastLine = lines.last { $0.origin >= 0 }?.origin ?? 0
        var text = ""
        var map = SourceMap()
        for (i, line) in output.enumerated() {
            if i > 0 {
                // The newline belongs to the line before it.
                text += "\n"
                switch output[i - 1].kind {
                case .copy(let start) where start + output[i - 1].text.utf8.count < total:
                    map.appendCopy(sourceStart: start + output[i - 1].text.utf8.count, length: 1)
                case .copy(let start), .escaped(let start, _), .generated(let start):
                    map.appendGenerated(sourceStart: start < 0 ? lastLine : start, length: 1)
                }
            }
            text += line.text
            let length = line.text.utf8.count
            switch line.kind {
            case .copy(let start):
                map.appendCopy(sourceStart: start, length: length)
            case .escaped(let start, let removed):
                map.appendCopy(sourceStart: start, length: removed)
                map.appendCopy(sourceStart: start + removed + 1, length: length - removed)
            case .generated(let start):
                map.appendGenerated(sourceStart: start < 0 ? lastLine : start, length: length)
            }
        }
        return (PageText(text: text, sourceMap: map.composed(with: page.sourceMap)), expansion.diagnostics, expansion.readPaths)
    }

    /// Where a snippet file is: the real path and the path to report it at.
    enum Found: Equatable {
        case file(real: String, shown: String)
        case missing
        /// The file is a symlink, or under one, that leads outside the project (the real path).
        case outside(String)
    }

    /// The first base path that has `name` (pymdownx's `get_snippet_path`): under a folder (not
    /// climbing out of it with `restrict_base_path`), or a base that is a file and `name` its
    /// name. Unlike pymdownx, a path (or a symlink on the way) must stay inside the project.
    func find(_ name: String, in bases: [URL]) -> Found {
        let fm = FileManager.default
        for base in bases {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: base.path, isDirectory: &isFolder) else { continue }
            let root = base.standardizedFileURL.path
            let url: URL
            if isFolder.boolValue {
                url = (name.hasPrefix("/") ? URL(fileURLWithPath: name) : base.appending(path: name)).standardizedFileURL
                if options.restrictBasePath, !url.path.hasPrefix(root == "/" ? "/" : root + "/") { continue }
            } else {
                url = base.deletingLastPathComponent().appending(path: name).standardizedFileURL
                guard url.resolvingSymlinksInPath().path == base.resolvingSymlinksInPath().path else { continue }
            }
            switch project.follow(url.path) {
            case .outside(let target):
                return .outside(target)
            case .inside(let real):
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                return .file(real: real, shown: shown(url.path))
            case .missing, .loop:
                continue
            }
        }
        return .missing
    }

    /// A `base_path` entry: a path, or MkDocs' bare `!relative`, the folder of the page.
    enum Base: Sendable, Equatable {
        case folder(URL)
        case pageFolder

        /// `$config_dir` and `$docs_dir` (with what follows a `/`) as MkDocs' `!relative` tag
        /// expands them, `$page_dir` for a bare `!relative`, other paths from the site root.
        init(_ name: String, root: URL, docsDir: URL) {
            let (prefix, suffix) = name.firstIndex(of: "/").map { (String(name[..<$0]), String(name[name.index(after: $0)...])) } ?? (name, "")
            switch prefix {
            case "$page_dir" where suffix.isEmpty: self = .pageFolder
            case "$config_dir": self = .folder(suffix.isEmpty ? root : root.appending(path: suffix))
            case "$docs_dir": self = .folder(suffix.isEmpty ? docsDir : docsDir.appending(path: suffix))
            default: self = .folder(name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appending(path: name))
            }
        }

        func url(pageFolder: URL) -> URL {
            switch self {
            case .folder(let url): return url
            case .pageFolder: return pageFolder
            }
        }
    }

    /// A path relative to the site root where it is under it.
    func shown(_ path: String) -> String {
        guard let root = root?.standardizedFileURL.path, path.hasPrefix(root + "/") else { return path }
        return String(path.dropFirst(root.count + 1))
    }
}
