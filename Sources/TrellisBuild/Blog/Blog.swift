/// A site's blog as Material's `blog` plugin lays it out: its posts (newest first, pinned ones
/// before) at their post URLs, and its views (the blog index, archive and category pages),
/// each split into pages of posts. Made once by `ResolveBlog`; read by the brand stages.
struct Blog: Sendable {
    var options: BlogOptions
    /// The blog index page (`blog/index.md`; `index.md` for `blog_dir: .`).
    var indexPath: String
    var posts: [BlogPost] = []
    /// The index first, then archive views (newest first), then category views (by name).
    var views: [BlogView] = []
    var authors: [String: BlogAuthor] = [:]
    /// Post path → position in `posts`.
    var postIndex: [String: Int] = [:]
    /// Page path of a view or one of its further pages → (view, page number from 0).
    var viewPages: [String: (view: Int, page: Int)] = [:]
    /// Posts whose metadata cannot be read (reported; Material stops there).
    var unreadablePosts: Set<String> = []
    /// Where files of the posts folder are written: Material drops the posts folder from their
    /// paths (`blog/posts/img/a.png` → `blog/img/a.png`), as `str.replace` does it.
    var mediaPaths: [String: String] = [:]

    init(options: BlogOptions, indexPath: String) {
        self.options = options
        self.indexPath = indexPath
    }

    /// Whether the page at `path` is one the blog writes or moves: a post, an archive or
    /// category view, or a further page of a view (all kept out of the folder navigation).
    /// Whether the blog made or owns the page (a view, a further page, a post).
    func owns(_ path: String) -> Bool {
        viewPages[path] != nil || postIndex[path] != nil
    }

    func isGenerated(_ path: String) -> Bool {
        if postIndex[path] != nil || unreadablePosts.contains(path) { return true }
        guard let (view, page) = viewPages[path] else { return false }
        return page > 0 || views[view].kind != .index
    }
}

/// One post: a page under the posts folder, with the metadata Material reads.
struct BlogPost: Sendable {
    /// The source page's docs-relative path (`posts/2024-07-02_alps.md`).
    var path: String
    /// The title Material slugs for the URL: front matter `title`, else a first line `# …`,
    /// else the file name.
    var title: String
    /// Front matter `title`, else the file name: what Material puts above an excerpt of a post
    /// whose body does not start with a level-1 heading.
    var fallbackTitle: String
    /// The post's own page: its path as if written there (`2024-07-02-alps.md`), its URL.
    var virtualPath = ""
    var url = ""
    var created: BlogDate
    var updated: BlogDate?
    var categories: [String] = []
    var authors: [String] = []
    var draft: Bool?
    var pin = false
    var readtime: Int?
    var slug: String?
    /// Whether the body holds the excerpt separator.
    var hasSeparator = false
}

/// An author of `.authors.yml`.
struct BlogAuthor: Sendable {
    var name: String
    var description: String
    var avatar: String
    var url: String?
}

/// A page listing posts: the blog index, a year of the archive or a category.
struct BlogView: Sendable {
    enum Kind: Sendable { case index, archive, category }
    var kind: Kind
    /// The archive's date or the category's name (the index has none).
    var name: String
    /// Positions in `Blog.posts`, in the blog's order.
    var posts: [Int] = []
    /// The view's page and each further page of posts (`page/2/…`), by docs-relative path.
    var pages: [String]
}

/// Path arithmetic as Material does it with `posixpath`.
enum BlogPaths {
    /// `posixpath.normpath`: `.` and empty parts dropped, `..` applied, `.` for nothing.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// Whether a normalised path climbs out of the docs folder (`..`, `../x`): Trellis writes
    /// nothing there, whatever the plugin's formats or a post's `slug` say.
    static func leavesDocs(_ path: String) -> Bool {
        path == ".." || path.hasPrefix("../")
    }

    /// `posixpath.join(root, normpath(path.strip("/")) + ".md")`, normalised.
    static func page(root: String, _ path: String) -> String {
        let trimmed = String(path.drop { $0 == "/" }.reversed().drop { $0 == "/" }.reversed())
        let inner = normalize(trimmed)
        let joined = root == "." ? inner : root + "/" + inner
        return normalize(joined) + ".md"
    }

    /// MkDocs' `get_relative_url(url, other)`: `url` as a link from the page at `other`.
    static func relativeURL(_ url: String, from other: String) -> String {
        var base = other
        if base != "." {
            let tail = base.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
            if tail.contains(".") { base = String(base.dropLast(tail.count)) }
        }
        let from = normalize(folderName(base)).split(separator: "/").filter { $0 != "." }
        let to = normalize(url).split(separator: "/").filter { $0 != "." }
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        let relative = parts.isEmpty ? "." : parts.joined(separator: "/")
        return url.hasSuffix("/") ? relative + "/" : relative
    }

    /// `posixpath.dirname`.
    private static func folderName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
