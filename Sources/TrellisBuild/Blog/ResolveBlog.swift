import Foundation
import TrellisCore

/// Stage: lays out Material's blog (the `blog` plugin of an MkDocs site): reads each post's
/// metadata, moves posts to their post URLs, leaves drafts out, and adds the pages the plugin
/// generates (the blog index if there is none, archive and category views, further pages of
/// posts) to the site's pages, so every later stage treats them as pages.
struct ResolveBlog: SiteStage {
    let name = "resolve blog"

    func run(_ site: inout SiteState) throws {
        // The plugin's options, and what Trellis cannot build of them, are read with the config.
        guard let options = site.settings.blog else { return }
        let configPath = site.config.path
        guard !BlogPaths.leavesDocs(options.root), !BlogPaths.leavesDocs(options.postsPath) else { return }
        // `draft_if_future_date` compares with the build's time: `--today`, else
        // `SOURCE_DATE_EPOCH` (reproducible builds), else now.
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let now = site.options.today?.timeIntervalSince1970 ?? epoch ?? Date().timeIntervalSince1970
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
        let indexPath = BlogPaths.normalize(options.root == "." ? "index.md" : options.root + "/index.md")
        var blog = Blog(options: options, indexPath: indexPath)
        blog.authors = authors.authors
        for file in staticFiles where file.hasPrefix(options.postsPath) {
            let moved = BlogPaths.normalize(file.replacingOccurrences(of: options.postsPath, with: options.root))
            if moved != file, moved != "." { blog.mediaPaths[file] = moved }
        }
        let read = readPosts(
            pages, options: options, indexPath: indexPath, authors: authors.authors, docsPath: docsPath,
            directoryURLs: directoryURLs, now: now)
        blog.posts = read.posts
        blog.unreadablePosts = read.unreadable
        for (i, post) in read.posts.enumerated() { blog.postIndex[post.path] = i }
        var existing: [String: SourcePage] = [:]
        for page in pages { existing[page.path] = page }
        let made = views(of: read.posts, indexPath: indexPath, existing: existing, options: options)
        blog.views = made.views
        for (v, view) in made.views.enumerated() {
            for (n, path) in view.pages.enumerated() where blog.viewPages[path] == nil { blog.viewPages[path] = (v, n) }
        }
        var diagnostics = authors.diagnostics + read.diagnostics
        for path in made.outside.sorted() {
            diagnostics.append(
                Diagnostic(
                    .configType, path: configPath, at: nil,
                    message: "blog: the page '\(path)' (from the plugin's URL formats) would be outside the docs folder; it is not written"))
        }

        var result: [SourcePage] = []
        for page in pages where !read.drafts.contains(page.path) {
            if let i = blog.postIndex[page.path] {
                let post = read.posts[i]
                result.append(page.placed(at: post.virtualPath, isIndex: isIndexName(post.virtualPath), directoryURLs: directoryURLs))
            } else {
                result.append(page)
            }
        }
        for (path, text) in made.generated.sorted(by: { $0.key < $1.key }) {
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

    static func isIndexName(_ path: String) -> Bool { SourcePage.hasIndexName(path) }
}
