import TrellisCore

extension ResolveBlog {
    /// The posts Material publishes, newest first (pinned ones before), each at its post URL;
    /// the drafts it leaves out; the posts it cannot read, with what is wrong.
    static func readPosts(
        _ pages: [SourcePage], options: BlogOptions, indexPath: String, authors: [String: BlogAuthor], docsPath: String,
        directoryURLs: Bool, now: Double
    ) -> (posts: [BlogPost], drafts: Set<String>, unreadable: Set<String>, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var unreadable: Set<String> = []
        var posts: [BlogPost] = []
        var drafts: Set<String> = []
        // Material matches the posts folder by string prefix (`src_path.startswith`).
        for page in pages where page.path.hasPrefix(options.postsPath) && page.path != indexPath {
            let (read, problems) = BlogPostReader.read(page)
            diagnostics += problems
            guard var post = read else {
                unreadable.insert(page.path)
                continue
            }
            if Blog.isExcluded(post, options: options, now: now) {
                drafts.insert(page.path)
                continue
            }
            for id in post.authors where options.authors && authors[id] == nil {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, path: page.file.path, at: nil,
                        message: "the post names the author '\(id)', who is not in the authors file '\(docsPath)/\(options.authorsFile.replacingOccurrences(of: "{blog}", with: options.root))'"))
            }
            for name in post.categories where !options.categoriesAllowed.isEmpty && !options.categoriesAllowed.contains(name) {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, path: page.file.path, at: nil,
                        message: "the post's category '\(name)' is not in the blog plugin's 'categories_allowed'"))
            }
            post.hasSeparator = page.body.contains(options.excerptSeparator)
            if options.excerptRequired, !post.hasSeparator {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, path: page.file.path, at: nil,
                        message: "the post has no excerpt separator '\(options.excerptSeparator)', which 'post_excerpt: required' asks for"))
            }
            post.virtualPath = Blog.postPath(post, options: options)
            if BlogPaths.leavesDocs(post.virtualPath) {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, path: page.file.path, at: nil,
                        message: "the post's URL '\(post.virtualPath)' (from 'post_url_format' and its slug) leads outside the docs folder"))
                unreadable.insert(page.path)
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
        return (posts, drafts, unreadable, diagnostics)
    }
}
