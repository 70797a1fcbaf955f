import TrellisCore

extension ResolveBlog {
    /// The blog's views in Material's order (the index, the archive newest first, the
    /// categories by name), each with its further pages of posts; the text of each page the
    /// blog makes (where the docs have none at that path); the paths left out for leading out
    /// of the docs folder.
    static func views(
        of posts: [BlogPost], indexPath: String, existing: [String: SourcePage], options: BlogOptions
    ) -> (views: [BlogView], generated: [String: String], outside: Set<String>) {
        var generated: [String: String] = [:]
        var outside: Set<String> = []
        func view(_ kind: BlogView.Kind, name: String, path: String) -> BlogView {
            if BlogPaths.leavesDocs(path) { outside.insert(path) }
            if existing[path] == nil, generated[path] == nil { generated[path] = "# \(name)" }
            return BlogView(kind: kind, name: name, pages: [path])
        }
        if existing[indexPath] == nil { generated[indexPath] = "# Blog\n\n" }
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
            // The further pages' title: their page's own (front matter, first heading, else its
            // file name, as MkDocs titles a page that is not the home page), or the heading of
            // the page the blog made for it.
            let title = existing[first].map { page in
                page.meta.title ?? SourcePage.firstHeading(in: page.file.text, from: page.bodyOffset) ?? SourcePage.fileTitle(page.path)
            } ?? (views[v].kind == .index ? "Blog" : views[v].name)
            for at in stride(from: step, to: views[v].posts.count, by: step) {
                let path = Blog.paginationPath(first, number: 1 + at / step, options: options)
                if BlogPaths.leavesDocs(path) {
                    outside.insert(path)
                    break
                }
                if existing[path] == nil, generated[path] == nil {
                    generated[path] =
                        options.paginationKeepContent ? (existing[first].map { String($0.file.text) } ?? generated[first] ?? "") : "# \(title)"
                }
                views[v].pages.append(path)
            }
        }
        generated = generated.filter { !BlogPaths.leavesDocs($0.key) }
        return (views, generated, outside)
    }
}
