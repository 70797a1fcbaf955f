import TrellisCore
import TrellisIcons
import TrellisMarkdown

/// Stage: fills the pages of Material's blog views (index, archive, categories, and their
/// further pages) with their posts' excerpts, dates, categories, reading times and pagination,
/// as `blog.html` shows them below the view's own content (in parallel).
struct RenderBlogViews: BrandStage {
    let name = "render blog views"

    func run(_ state: inout BrandState, site: SiteState) throws {
        guard let blog = site.blog else { return }
        let position = Dictionary(
            state.pages.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let options = blog.options
        let readtimes: [Int?] = blog.posts.map { post in
            if let set = post.readtime, set != 0 { return set }
            guard options.readtime, let i = position[post.path], let html = state.pages[i].rendered.bodyHTML() else { return nil }
            return BlogReadTime.minutes(html: html, wordsPerMinute: options.readtimeWordsPerMinute)
        }
        let resolver = state.resolver
        let settings = state.markdownSettings(site: site)
        let icons = state.shortcodes(site: site)
        let symbols = Self.pagerSymbols(state.icons)
        let jobs = blog.viewPages.keys.sorted().compactMap { path in position[path].map { (path: path, at: $0) } }
        let records = state.pages
        let results = ParallelMap.map(jobs) { job -> RenderedPage in
            guard let (v, number) = blog.viewPages[job.path] else { return records[job.at].rendered }
            let view = blog.views[v]
            let page = records[job.at].source
            var result = records[job.at].rendered
            let viewURL = page.url
            func url(ofPage path: String) -> String? { site.pageIndex[path].map { site.pages[$0].url } }
            var shown = view.posts
            var pagination: String?
            if options.paginates(view.kind) {
                let step = options.perPage(view.kind)
                let from = min(number * step, shown.count)
                shown = Array(shown[from..<min(from + step, shown.count)])
                let count = (view.posts.count + step - 1) / step
                pagination = BlogViewMarkup.pager(
                    current: number + 1, count: count, format: options.paginationFormat, ifSinglePage: options.paginationIfSinglePage,
                    symbols: symbols
                ) { n in
                    BlogPaths.relativeURL(view.pages.indices.contains(n - 1) ? url(ofPage: view.pages[n - 1]) ?? "" : "", from: viewURL)
                }
            }
            var entries: [BlogViewMarkup.Entry] = []
            for p in shown {
                let post = blog.posts[p]
                guard let at = position[post.path] else { continue }
                let excerpt = BlogExcerpt.render(
                    post, page: records[at].source, text: records[at].text, viewURL: viewURL,
                    separator: options.excerptSeparator, icons: icons, resolver: resolver, settings: settings)
                var categories: [(title: String, href: String)] = []
                if options.categories {
                    for name in post.categories.prefix(max(0, options.excerptMaxCategories)) {
                        let path = Blog.categoryPath(name, options: options)
                        guard let target = url(ofPage: path) else { continue }
                        let title = position[path].map { records[$0].rendered.title } ?? name
                        categories.append((title, BlogPaths.relativeURL(target, from: viewURL)))
                    }
                }
                let authors: [(name: String, avatar: String)] =
                    options.authors
                    ? post.authors.prefix(max(0, options.excerptMaxAuthors)).compactMap { id in
                        blog.authors[id].map { ($0.name, Self.href($0.avatar, from: viewURL)) }
                    } : []
                entries.append(
                    BlogViewMarkup.Entry(
                        post: post, excerpt: excerpt, postHref: BlogPaths.relativeURL(post.url, from: viewURL),
                        categories: categories, authors: authors, readtime: readtimes[p],
                        dateText: BlogDateFormat.format(post.created, options.postDateFormat)))
            }
            result.html = BlogViewMarkup.content(header: records[job.at].rendered.bodyHTML() ?? "", entries: entries, pagination: pagination)
            result.spooledHTML = nil
            result.isBlogView = true
            for entry in entries { result.ids.formUnion(entry.excerpt.ids) }
            if options.showsTOC(view.kind), let first = result.toc.first {
                var insert = 1
                while insert < result.toc.count, result.toc[insert].level > first.level { insert += 1 }
                for entry in entries {
                    guard var item = entry.excerpt.tocEntry else { continue }
                    item.level = first.level + 1
                    result.toc.insert(item, at: insert)
                    insert += 1
                }
            }
            return result
        }
        for (job, page) in zip(jobs, results) { state.pages[job.at].rendered = page }
    }

    /// Material's chevron icons, as `partials/pagination.html` hands them to the pager.
    static func pagerSymbols(_ icons: IconLibrary) -> BlogViewMarkup.Symbols {
        func svg(_ name: String) -> String? {
            guard case .html(let html) = icons.lookup("material-" + name) else { return nil }
            let open = #"<span class="twemoji">"#, close = "</span>"
            guard html.hasPrefix(open), html.hasSuffix(close) else { return nil }
            return String(html.dropFirst(open.count).dropLast(close.count))
        }
        var symbols = BlogViewMarkup.Symbols()
        if let icon = svg("chevron-double-left") { symbols.first = icon }
        if let icon = svg("chevron-left") { symbols.previous = icon }
        if let icon = svg("chevron-right") { symbols.next = icon }
        if let icon = svg("chevron-double-right") { symbols.last = icon }
        return symbols
    }

    /// A link written in a template through MkDocs' `url` filter: an address with a scheme (or
    /// `//`, or `/`) as it is, a site path relative to the page.
    static func href(_ path: String, from pageURL: String) -> String {
        if path.hasPrefix("/") || path.contains("://") || path.hasPrefix("data:") { return path }
        return BlogPaths.relativeURL(path, from: pageURL)
    }
}
