import Foundation
import TrellisCore

/// A Markdown page as read from the docs folder, before any brand is applied.
public struct SourcePage: Sendable {
    /// The path under the docs folder, with `/` separators (`kubernetes/kubeconfig.md`).
    public let path: String
    /// The page's file; its path is relative to the site root (`content/kubernetes/kubeconfig.md`).
    public let file: SourceFile
    /// The page's URL relative to the site root: `kubernetes/kubeconfig/` with directory URLs
    /// (the default), `kubernetes/kubeconfig.html` without (MkDocs' `use_directory_urls: false`),
    /// percent-encoded as MkDocs encodes it (`a b.md` → `a%20b/`): every href to the page, in
    /// the nav, in links and in `page.url`, is built from it.
    public private(set) var url: String
    /// The output file under a brand's folder (`kubernetes/kubeconfig/index.html`), named as
    /// the page is (`a b/index.html`), not encoded.
    public private(set) var outputPath: String
    public var meta: PageMeta
    /// Where the body starts in `file`, after the front matter.
    public let bodyOffset: Int
    /// The title as written, before macros: `title(heading:)` with the first `# ` heading of the
    /// file. It is what MkDocs' macros plugin gives as `{{ page.title }}` (unless the nav gives
    /// one); the nav, `<title>`, search and `page.title` on a Trellis site use the page's
    /// `RenderedPage.title`, from its first level-1 heading after macros, and fall back to
    /// this only for a page they have no rendering of.
    public let title: String
    /// Whether this is its folder's index page (`index.md`, or `README.md` without one).
    public let isIndex: Bool

    /// Whether this is the site's home page (`index.md` at the top of the docs folder).
    public var isHomepage: Bool { isIndex && !path.contains("/") }

    /// The file's stem as MkDocs names it (`File.name`): the last path component without its
    /// extension, with `README` read as `index`.
    static func fileName(_ path: String) -> String {
        let last = path.split(separator: "/").last ?? Substring(path)
        // Python's `splitext`: a name's leading dots are not an extension's.
        let stem = last.lastIndex(of: ".").flatMap { $0 == last.startIndex ? nil : last[..<$0] } ?? last
        return stem == "README" ? "index" : String(stem)
    }

    /// Whether the file at `path` is named as an index page (MkDocs' `File.name == 'index'`:
    /// `index.md`, `README.md`, `index.markdown`; not `reindex.md`). Its URL is its folder's,
    /// unless the folder has an `index` page too, which wins over a `README` (see `indexPages`).
    static func hasIndexName(_ path: String) -> Bool {
        fileName(path) == "index"
    }

    /// The index page of each folder among `paths`: the page named `index`, or the `README`
    /// of a folder without one (MkDocs leaves that README out of the site).
    static func indexPages(_ paths: [String]) -> Set<String> {
        var foldersWithIndex: Set<Substring> = []
        for path in paths where hasIndexName(path) && !isReadme(path) { foldersWithIndex.insert(folder(of: path)) }
        return Set(paths.filter { hasIndexName($0) && (!isReadme($0) || !foldersWithIndex.contains(folder(of: $0))) })
    }

    private static func isReadme(_ path: String) -> Bool {
        let last = path.split(separator: "/").last ?? Substring(path)
        return last.hasPrefix("README.")
    }

    /// `a/b/c.md` → `a/b/`, `c.md` → ``.
    private static func folder(of path: String) -> Substring {
        path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)]
    }

    /// The file the page at `path` is written to: `a/` → `a/index.html`, `a.html` → `a.html`.
    static func outputPath(forPath path: String, isIndex: Bool, directoryURLs: Bool = true) -> String {
        let url = unencodedURL(forPath: path, isIndex: isIndex, directoryURLs: directoryURLs)
        return url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }

    /// The body text, after the front matter.
    public var body: Substring {
        let utf8 = file.text.utf8
        return Substring(file.text[utf8.index(utf8.startIndex, offsetBy: bodyOffset)...])
    }

    /// Whether the page is published for `brand`.
    public func isPublished(for brand: String) -> Bool {
        meta.brands.map { $0.contains(brand) } ?? true
    }

    init(path: String, file: SourceFile, meta: PageMeta, bodyOffset: Int, isIndex: Bool, directoryURLs: Bool = true) {
        self.path = path
        self.file = file
        self.meta = meta
        self.bodyOffset = bodyOffset
        self.isIndex = isIndex
        self.url = Self.url(forPath: path, isIndex: isIndex, directoryURLs: directoryURLs)
        self.outputPath = Self.outputPath(forPath: path, isIndex: isIndex, directoryURLs: directoryURLs)
        let heading = meta.title == nil ? Self.firstHeading(in: file.text, from: bodyOffset) : nil
        self.title = Self.title(meta: meta, heading: heading, path: path)
    }

    /// The page's title given its first level-1 heading's text (see `title(meta:heading:path:)`).
    func title(heading: String?) -> String {
        Self.title(meta: meta, heading: heading, path: path)
    }

    /// The one rule every page title follows: the front matter's `title`, else the first
    /// level-1 heading's text, else a title made from the file name.
    private static func title(meta: PageMeta, heading: String?, path: String) -> String {
        meta.title ?? heading ?? titleFromName(path)
    }

    /// The page written where a page at `path` would be (its URL and output file), keeping its
    /// own path for links and diagnostics: Material's blog moves each post to its post URL.
    func placed(at path: String, isIndex: Bool, directoryURLs: Bool) -> SourcePage {
        var page = self
        page.url = Self.url(forPath: path, isIndex: isIndex, directoryURLs: directoryURLs)
        page.outputPath = Self.outputPath(forPath: path, isIndex: isIndex, directoryURLs: directoryURLs)
        return page
    }

    /// `a/b.md` → `a/b/`, an index page → its folder's URL; without directory URLs
    /// `a/b.md` → `a/b.html` and `a/index.md` → `a/index.html`, percent-encoded, as MkDocs
    /// writes them.
    static func url(forPath path: String, isIndex: Bool, directoryURLs: Bool = true) -> String {
        PercentEncoding.path(unencodedURL(forPath: path, isIndex: isIndex, directoryURLs: directoryURLs))
    }

    private static func unencodedURL(forPath path: String, isIndex: Bool, directoryURLs: Bool) -> String {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        let stem = String(name.dropLast(name.hasSuffix(".markdown") ? 9 : 3))
        if !directoryURLs {
            parts.append((isIndex ? "index" : stem) + ".html")
            return parts.joined(separator: "/")
        }
        if !isIndex { parts.append(stem) }
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    /// MkDocs' fallback: the file name with dashes and underscores as spaces, capitalised.
    static func titleFromName(_ path: String) -> String {
        var name = String(path.split(separator: "/").last ?? "")
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        if hasIndexName(path) {
            let parts = path.split(separator: "/")
            name = parts.count > 1 ? String(parts[parts.count - 2]) : "Home"
        }
        let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// MkDocs' title from the file name alone (`File.name`: `README` is `index`), for a page
    /// that is not the home page: dashes and underscores as spaces, capitalised if all lowercase.
    static func fileTitle(_ path: String) -> String {
        let name = fileName(path)
        let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.lowercased() == spaced ? spaced.prefix(1).uppercased() + spaced.dropFirst() : spaced
    }

    /// The first level-one ATX heading outside fenced code, as written.
    static func firstHeading(in text: String, from offset: Int) -> String? {
        var fence: Substring?
        let utf8 = text.utf8
        let body = text[utf8.index(utf8.startIndex, offsetBy: offset)...]
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop { $0 == " " }
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = line.prefix(3)
                continue
            }
            guard rawLine.count - line.count < 4, line.hasPrefix("# ") else { continue }
            var title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            while title.hasSuffix("#") { title = String(title.dropLast()) }
            title = title.trimmingCharacters(in: .whitespaces)
            if !title.isEmpty { return title }
        }
        return nil
    }
}
