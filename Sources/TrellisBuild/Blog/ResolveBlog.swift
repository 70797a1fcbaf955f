import Foundation
import TrellisCore

/// Stage: lays out Material's blog (the `blog` plugin of an MkDocs site): reads each post's
/// metadata, moves posts to their post URLs, leaves drafts out, and adds the pages the plugin
/// generates (the blog index if there is none, archive and category views, further pages of
/// posts) to the site's pages, so every later stage treats them as pages.
struct ResolveBlog: SiteStage {
    let name = "resolve blog"

    func run(_ site: SiteState) throws {
        guard let mkdocs = site.mkdocs, let plugin = mkdocs.plugin("blog") else { return }
        let configPath = site.config.path
        var (options, diagnostics) = BlogOptions.read(plugin.options, configPath: configPath, location: plugin.location)
        if mkdocs.plugins.filter({ $0.name == "blog" }).count > 1 {
            diagnostics.append(
                Diagnostic(
                    .unsupportedPlugin, .warning, path: configPath, at: plugin.location,
                    message: "blog: Trellis builds only the first instance of the blog plugin; the others are ignored"))
        }
        let language = site.config.language
        if !(language == "en" || language.hasPrefix("en-") || language.hasPrefix("en_")) {
            diagnostics.append(
                Diagnostic(
                    .unsupportedPlugin, .warning, path: configPath, at: plugin.location,
                    message: "blog: Trellis writes the blog's dates and labels in English, not in '\(language)'"))
        }
        for (key, path) in [("blog_dir", options.root), ("post_dir", options.postsPath)] where BlogPaths.leavesDocs(path) {
            diagnostics.append(
                Diagnostic(
                    .configType, path: configPath, at: plugin.location,
                    message: "blog: '\(key)' leads to '\(path)', outside the docs folder; the blog is not built"))
        }
        site.engine.emit(contentsOf: diagnostics)
        guard !BlogPaths.leavesDocs(options.root), !BlogPaths.leavesDocs(options.postsPath) else { return }
        let now = site.options.today?.timeIntervalSince1970 ?? Date().timeIntervalSince1970
        let (blog, pages, problems) = Self.layout(
            pages: site.pages, staticFiles: site.files.staticFiles, options: options, docsPath: site.config.docsDir, configPath: configPath, directoryURLs: site.config.directoryURLs,
            now: now, authors: BlogAuthors.read(docsDir: site.docsDir, docsPath: site.config.docsDir, options: options))
        site.engine.emit(contentsOf: problems)
        site.blog = blog
        site.pages = pages
        site.pageIndex = [:]
        for (i, page) in pages.enumerated() {
            site.pageIndex[page.path] = i
            site.sources[page.file.path] = page.file
        }
    }

    /// The blog and the site's pages with posts moved, drafts left out and views added.
    static func layout(
        pages: [SourcePage], staticFiles: [String] = [], options: BlogOptions, docsPath: String, configPath: String = "mkdocs.yml",
        directoryURLs: Bool, now: Double,
        authors: (authors: [String: BlogAuthor], diagnostics: [Diagnostic]) = ([:], [])
    ) -> (Blog, [SourcePage], [Diagnostic]) {
        var diagnostics = authors.diagnostics
        let indexPath = BlogPaths.normalize(options.root == "." ? "index.md" : options.root + "/index.md")
        var blog = Blog(options: options, indexPath: indexPath)
        blog.authors = authors.authors
        var byPath: [String: SourcePage] = [:]
        for page in pages { byPath[page.path] = page }
        let postsPrefix = options.postsPath
        for file in staticFiles where file.hasPrefix(postsPrefix) {
            let moved = BlogPaths.normalize(file.replacingOccurrences(of: postsPrefix, with: options.root))
            if moved != file, moved != "." { blog.mediaPaths[file] = moved }
        }
        var posts: [BlogPost] = []
        var drafts: Set<String> = []
        // Material matches the posts folder by string prefix (`src_path.startswith`).
        for page in pages where page.path.hasPrefix(postsPrefix) && page.path != indexPath {
            let (read, problems) = BlogPostReader.read(page)
            diagnostics += problems
            guard var post = read else {
                blog.unreadablePosts.insert(page.path)
                continue
            }
            if Blog.isExcluded(post, options: options, now: now) {
                drafts.insert(page.path)
                continue
            }
            for id in post.authors where options.authors && authors.authors[id] == nil {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, .error, path: page.file.path, at: nil,
                        message: "the post names the author '\(id)', who is not in the authors file '\(docsPath)/\(options.authorsFile.replacingOccurrences(of: "{blog}", with: options.root))'"))
            }
            for name in post.categories where !options.categoriesAllowed.isEmpty && !options.categoriesAllowed.contains(name) {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, .error, path: page.file.path, at: nil,
                        message: "the post's category '\(name)' is not in the blog plugin's 'categories_allowed'"))
            }
            post.hasSeparator = page.body.contains(options.excerptSeparator)
            if options.excerptRequired, !post.hasSeparator {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, .error, path: page.file.path, at: nil,
                        message: "the post has no excerpt separator '\(options.excerptSeparator)', which 'post_excerpt: required' asks for"))
            }
            post.virtualPath = Blog.postPath(post, options: options)
            if BlogPaths.leavesDocs(post.virtualPath) {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, .error, path: page.file.path, at: nil,
                        message: "the post's URL '\(post.virtualPath)' (from 'post_url_format' and its slug) leads outside the docs folder"))
                blog.unreadablePosts.insert(page.path)
                continue
            }
            post.url = SourcePage.url(forPath: post.virtualPath, isIndex: isIndexName(post.virtualPath), directoryURLs: directoryURLs)
            posts.append(post)
        }
        // Newest first, pinned posts before the others; equal ones keep their file order.
        posts = posts.enumerated().sorted { a, b in
            if a.element.pin != b.element.pin { return a.element.pin }
            if a.element.created.instant != b.element.created.instant { return a.element.created > b.element.created }
            return a.offset < b.offset
        }.map(\.element)
        blog.posts = posts
        for (i, post) in posts.enumerated() { blog.postIndex[post.path] = i }

        var generated: [String: String] = [:]
        var outside: Set<String> = []
        func view(_ kind: BlogView.Kind, name: String, path: String) -> BlogView {
            if BlogPaths.leavesDocs(path) { outside.insert(path) }
            if byPath[path] == nil, generated[path] == nil { generated[path] = "# \(name)" }
            return BlogView(kind: kind, name: name, pages: [path])
        }
        if byPath[indexPath] == nil { generated[indexPath] = "# Blog\n\n" }
        var views = [BlogView(kind: .index, name: "", posts: Array(posts.indices), pages: [indexPath])]
        if options.archive {
            var archives: [BlogView] = []
            for (i, post) in posts.enumerated() {
                let path = Blog.archivePath(post.created, options: options)
                if let at = archives.firstIndex(where: { $0.pages[0] == path }) {
                    archives[at].posts.append(i)
                } else {
                    var archive = view(.archive, name: BlogDateFormat.format(post.created, options.archiveDateFormat), path: path)
                    archive.posts = [i]
                    archives.append(archive)
                }
            }
            views += archives.filter { !BlogPaths.leavesDocs($0.pages[0]) }
        }
        if options.categories {
            var categories: [BlogView] = []
            for (i, post) in posts.enumerated() {
                for name in post.categories {
                    let path = Blog.categoryPath(name, options: options)
                    if let at = categories.firstIndex(where: { $0.pages[0] == path }) {
                        categories[at].posts.append(i)
                    } else {
                        var category = view(.category, name: name, path: path)
                        category.posts = [i]
                        categories.append(category)
                    }
                }
            }
            categories.removeAll { BlogPaths.leavesDocs($0.pages[0]) }
            categories.sort { $0.name < $1.name }
            if options.categoriesSortReverse { categories.reverse() }
            views += categories
        }
        for v in views.indices where options.paginates(views[v].kind) {
            let step = options.perPage(views[v].kind)
            let first = views[v].pages[0]
            // The view's title: its page's, or the heading of the page the blog made for it.
            let title = byPath[first]?.title ?? (views[v].kind == .index ? "Blog" : views[v].name)
            for at in stride(from: step, to: views[v].posts.count, by: step) {
                let path = Blog.paginationPath(first, number: 1 + at / step, options: options)
                if BlogPaths.leavesDocs(path) {
                    outside.insert(path)
                    break
                }
                if byPath[path] == nil, generated[path] == nil {
                    generated[path] =
                        options.paginationKeepContent ? (byPath[first].map { String($0.file.text) } ?? generated[first] ?? "") : "# \(title)"
                }
                views[v].pages.append(path)
            }
        }
        blog.views = views
        generated = generated.filter { !BlogPaths.leavesDocs($0.key) }
        for path in outside.sorted() {
            diagnostics.append(
                Diagnostic(
                    .configType, path: configPath, at: nil,
                    message: "blog: the page '\(path)' (from the plugin's URL formats) would be outside the docs folder; it is not written"))
        }
        for (v, view) in views.enumerated() {
            for (n, path) in view.pages.enumerated() where blog.viewPages[path] == nil { blog.viewPages[path] = (v, n) }
        }

        var result: [SourcePage] = []
        for page in pages where !drafts.contains(page.path) {
            if let i = blog.postIndex[page.path] {
                let post = posts[i]
                result.append(page.placed(at: post.virtualPath, isIndex: isIndexName(post.virtualPath), directoryURLs: directoryURLs))
            } else {
                result.append(page)
            }
        }
        for (path, text) in generated.sorted(by: { $0.key < $1.key }) {
            let file = SourceFile(path: docsPath + "/" + path, text: text)
            let (meta, bodyOffset, _) = FrontMatter.split(file)
            result.append(
                SourcePage(
                    path: path, file: file, meta: meta, bodyOffset: bodyOffset, isIndex: isIndexName(path),
                    directoryURLs: directoryURLs))
        }
        result.sort { $0.path < $1.path }
        return (blog, result, diagnostics)
    }

    static func isIndexName(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return name == "index.md" || name == "README.md"
    }
}
