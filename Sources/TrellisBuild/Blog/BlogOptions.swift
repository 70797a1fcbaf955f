import TrellisCore
import TrellisMarkdown

/// The options of Material's `blog` plugin, with Material's defaults (mkdocs-material 9.8,
/// `material/plugins/blog/config.py`).
struct BlogOptions: Sendable {
    var blogDir = "blog"
    var blogTOC = false

    var postDir = "{blog}/posts"
    var postDateFormat = "long"
    var postURLDateFormat = "yyyy/MM/dd"
    var postURLFormat = "{date}/{slug}"
    var postURLMaxCategories = 1
    var postSlugify: HeadingSlugStyle = .pymdownx(case: .lower)
    var postSlugifySeparator = "-"
    /// `post_excerpt: required`: a post without the separator stops the build.
    var excerptRequired = false
    var excerptMaxAuthors = 1
    var excerptMaxCategories = 5
    var excerptSeparator = "<!-- more -->"
    var readtime = true
    var readtimeWordsPerMinute = 265

    var archive = true
    var archiveDateFormat = "yyyy"
    var archiveURLDateFormat = "yyyy"
    var archiveURLFormat = "archive/{date}"
    var archivePagination: Bool?
    var archivePaginationPerPage: Int?
    var archiveTOC: Bool?

    var categories = true
    var categoriesURLFormat = "category/{slug}"
    var categoriesSlugify: HeadingSlugStyle = .pymdownx(case: .lower)
    var categoriesSlugifySeparator = "-"
    var categoriesSortReverse = false
    var categoriesAllowed: [String] = []
    var categoriesPagination: Bool?
    var categoriesPaginationPerPage: Int?
    var categoriesTOC: Bool?

    var authors = true
    var authorsFile = "{blog}/.authors.yml"

    var pagination = true
    var paginationPerPage = 10
    var paginationURLFormat = "page/{page}"
    var paginationFormat = "~2~"
    var paginationIfSinglePage = false
    var paginationKeepContent = false

    var draft = false
    var draftIfFutureDate = false

    /// `blog_dir`, normalised as `posixpath.normpath` does (`.` for the docs folder itself).
    var root: String { BlogPaths.normalize(blogDir) }
    /// The folder of posts, normalised (`posts` for `blog_dir: .`).
    var postsPath: String { BlogPaths.normalize(postDir.replacingOccurrences(of: "{blog}", with: root)) }

    /// Whether `kind`'s views are paginated, and how many posts a page shows.
    func paginates(_ kind: BlogView.Kind) -> Bool {
        switch kind {
        case .index: return pagination
        case .archive: return archivePagination ?? pagination
        case .category: return categoriesPagination ?? pagination
        }
    }

    func perPage(_ kind: BlogView.Kind) -> Int {
        let value: Int
        switch kind {
        case .index: value = paginationPerPage
        case .archive: value = archivePaginationPerPage ?? paginationPerPage
        case .category: value = categoriesPaginationPerPage ?? paginationPerPage
        }
        return max(1, value)
    }

    func showsTOC(_ kind: BlogView.Kind) -> Bool {
        switch kind {
        case .index: return blogTOC
        case .archive: return archiveTOC ?? blogTOC
        case .category: return categoriesTOC ?? blogTOC
        }
    }
}

extension BlogOptions {
    /// Options Material has that Trellis accepts without needing them (serving, profiles off).
    private static let ignored: Set<String> = [
        "enabled", "draft_on_serve", "archive_name", "categories_name", "authors_profiles_name", "pagination_template",
    ]

    /// Reads the plugin's options; what Trellis cannot honour is named in one warning.
    static func read(_ options: ValueMap, configPath: String, location: SourceLocation?) -> (BlogOptions, [Diagnostic]) {
        var o = BlogOptions()
        var unsupported: [String] = []
        var invalid: [String] = []
        func string(_ key: String, _ apply: (String) -> Void) {
            guard let value = options[key] else { return }
            if case .string(let s) = value { apply(s) } else { invalid.append(key) }
        }
        func bool(_ key: String, _ apply: (Bool) -> Void) {
            guard let value = options[key] else { return }
            if case .bool(let b) = value { apply(b) } else if value != .null { invalid.append(key) }
        }
        func int(_ key: String, _ apply: (Int) -> Void) {
            guard let value = options[key] else { return }
            if case .int(let n) = value { apply(n) } else if value != .null { invalid.append(key) }
        }
        string("blog_dir") { o.blogDir = $0 }
        bool("blog_toc") { o.blogTOC = $0 }
        string("post_dir") { o.postDir = $0 }
        string("post_date_format") { o.postDateFormat = $0 }
        string("post_url_date_format") { o.postURLDateFormat = $0 }
        string("post_url_format") { o.postURLFormat = $0 }
        int("post_url_max_categories") { o.postURLMaxCategories = $0 }
        string("post_slugify_separator") { o.postSlugifySeparator = $0 }
        string("post_excerpt") { value in
            if value == "required" { o.excerptRequired = true } else if value != "optional" { invalid.append("post_excerpt") }
        }
        int("post_excerpt_max_authors") { o.excerptMaxAuthors = $0 }
        int("post_excerpt_max_categories") { o.excerptMaxCategories = $0 }
        string("post_excerpt_separator") { o.excerptSeparator = $0 }
        bool("post_readtime") { o.readtime = $0 }
        int("post_readtime_words_per_minute") { o.readtimeWordsPerMinute = $0 }
        bool("archive") { o.archive = $0 }
        string("archive_date_format") { o.archiveDateFormat = $0 }
        string("archive_url_date_format") { o.archiveURLDateFormat = $0 }
        string("archive_url_format") { o.archiveURLFormat = $0 }
        bool("archive_pagination") { o.archivePagination = $0 }
        int("archive_pagination_per_page") { o.archivePaginationPerPage = $0 }
        bool("archive_toc") { o.archiveTOC = $0 }
        bool("categories") { o.categories = $0 }
        string("categories_url_format") { o.categoriesURLFormat = $0 }
        string("categories_slugify_separator") { o.categoriesSlugifySeparator = $0 }
        bool("categories_sort_reverse") { o.categoriesSortReverse = $0 }
        bool("categories_pagination") { o.categoriesPagination = $0 }
        int("categories_pagination_per_page") { o.categoriesPaginationPerPage = $0 }
        bool("categories_toc") { o.categoriesTOC = $0 }
        if let allowed = options["categories_allowed"] {
            if case .list(let items) = allowed { o.categoriesAllowed = items.compactMap(\.stringValue) } else { invalid.append("categories_allowed") }
        }
        bool("authors") { o.authors = $0 }
        string("authors_file") { o.authorsFile = $0 }
        bool("pagination") { o.pagination = $0 }
        int("pagination_per_page") { o.paginationPerPage = $0 }
        string("pagination_url_format") { o.paginationURLFormat = $0 }
        string("pagination_format") { o.paginationFormat = $0 }
        bool("pagination_if_single_page") { o.paginationIfSinglePage = $0 }
        bool("pagination_keep_content") { o.paginationKeepContent = $0 }
        bool("draft") { o.draft = $0 }
        bool("draft_if_future_date") { o.draftIfFutureDate = $0 }
        for (key, apply) in [("post_slugify", { o.postSlugify = $0 }), ("categories_slugify", { o.categoriesSlugify = $0 })]
            as [(String, (HeadingSlugStyle) -> Void)]
        {
            guard let value = options[key] else { continue }
            if let style = slugStyle(value) { apply(style) } else { unsupported.append(key) }
        }
        if o.postSlugify.slugify("", separator: o.postSlugifySeparator) == nil { unsupported.append("post_slugify_separator") }
        if o.categoriesSlugify.slugify("", separator: o.categoriesSlugifySeparator) == nil {
            unsupported.append("categories_slugify_separator")
        }
        if options["categories_sort_by"] != nil { unsupported.append("categories_sort_by") }
        if case .bool(true)? = options["authors_profiles"] { unsupported.append("authors_profiles") }
        let known = Set(Self.readKeys).union(ignored)
        for key in options.keys.sorted() where !known.contains(key) && !unsupported.contains(key) {
            if key.hasPrefix("authors_profiles") { continue }
            unsupported.append(key)
        }
        var diagnostics: [Diagnostic] = []
        if !unsupported.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .unsupportedPlugin, path: configPath, at: location,
                    message: "blog: Trellis does not support \(unsupported.map { "'\($0)'" }.joined(separator: ", ")); "
                        + "\(unsupported.count == 1 ? "it is" : "they are") ignored"))
        }
        if !invalid.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .configType, path: configPath, at: location,
                    message: "blog: \(invalid.map { "'\($0)'" }.joined(separator: ", ")) \(invalid.count == 1 ? "has" : "have") "
                        + "a value of the wrong type; Material's default is used"))
        }
        return (o, diagnostics)
    }

    private static let readKeys = [
        "blog_dir", "blog_toc", "post_dir", "post_date_format", "post_url_date_format", "post_url_format",
        "post_url_max_categories", "post_slugify", "post_slugify_separator", "post_excerpt", "post_excerpt_max_authors",
        "post_excerpt_max_categories", "post_excerpt_separator", "post_readtime", "post_readtime_words_per_minute", "archive",
        "archive_date_format", "archive_url_date_format", "archive_url_format", "archive_pagination",
        "archive_pagination_per_page", "archive_toc", "categories", "categories_url_format", "categories_slugify",
        "categories_slugify_separator", "categories_sort_by", "categories_sort_reverse", "categories_allowed",
        "categories_pagination", "categories_pagination_per_page", "categories_toc", "authors", "authors_file",
        "authors_profiles", "pagination", "pagination_per_page", "pagination_url_format", "pagination_format",
        "pagination_if_single_page", "pagination_keep_content", "draft", "draft_if_future_date",
    ]

    /// A slug function written in the config (see `HeadingSlugStyle.configuredFunction`).
    private static func slugStyle(_ value: Value) -> HeadingSlugStyle? {
        HeadingSlugStyle.configuredFunction(value).flatMap { HeadingSlugStyle(pythonName: $0.name, keywords: $0.keywords) }
    }
}
