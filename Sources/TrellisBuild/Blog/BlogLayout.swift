import TrellisCore

/// Where Material's blog puts things: post pages, archive and category views and their
/// further pages, as `_format_path_for_*` in its plugin computes them (docs-relative `.md`
/// paths, turned into URLs as MkDocs turns any page's path into one).
extension Blog {
    /// The path the post is written as: `post_url_format` with `{date}`, `{slug}`,
    /// `{categories}` and `{file}` filled in, under the blog folder.
    static func postPath(_ post: BlogPost, options o: BlogOptions) -> String {
        let categories = post.categories.prefix(max(0, o.postURLMaxCategories)).map { categorySlug($0, options: o) }
        let slug = post.slug ?? (o.postSlugify.slugify(post.title, separator: o.postSlugifySeparator) ?? "")
        let stem = String((post.path.split(separator: "/").last ?? "").split(separator: ".").dropLast().joined(separator: "."))
        let path = fill(
            o.postURLFormat,
            [
                "categories": categories.joined(separator: "/"),
                "date": BlogDateFormat.format(post.created, o.postURLDateFormat), "file": stem, "slug": slug,
            ])
        return BlogPaths.page(root: o.root, path)
    }

    static func categorySlug(_ name: String, options o: BlogOptions) -> String {
        o.categoriesSlugify.slugify(name, separator: o.categoriesSlugifySeparator) ?? name
    }

    static func archivePath(_ date: BlogDate, options o: BlogOptions) -> String {
        BlogPaths.page(root: o.root, fill(o.archiveURLFormat, ["date": BlogDateFormat.format(date, o.archiveURLDateFormat)]))
    }

    static func categoryPath(_ name: String, options o: BlogOptions) -> String {
        BlogPaths.page(root: o.root, fill(o.categoriesURLFormat, ["slug": categorySlug(name, options: o)]))
    }

    /// The `number`th page (from 2) of the view whose page is `viewPath`: `page/2` beside a
    /// view's file, or `page/2/index` under an index view's folder (so it is an index page too).
    static func paginationPath(_ viewPath: String, number: Int, options o: BlogOptions) -> String {
        var path = fill(o.paginationURLFormat, ["page": String(number)])
        let name = viewPath.split(separator: "/").last.map(String.init) ?? viewPath
        var base = String(viewPath.dropLast(name.count)) + String(name.split(separator: ".").dropLast().joined(separator: "."))
        if SourcePage.hasIndexName(viewPath) {
            base = String(viewPath.dropLast(name.count))
            path += "/index"
        }
        if base.hasSuffix("/") { base.removeLast() }
        return BlogPaths.page(root: base.isEmpty ? "." : base, path)
    }

    /// Python's `str.format` with named fields only: `{name}` is replaced, `{{`/`}}` are braces,
    /// an unknown field stays as written.
    static func fill(_ format: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(format)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            out += rest[..<open]
            let after = rest.index(after: open)
            if after < rest.endIndex, rest[after] == rest[open] {
                out.append(rest[open])
                rest = rest[rest.index(after: after)...]
                continue
            }
            if rest[open] == "{", let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
                continue
            }
            out.append(rest[open])
            rest = rest[after...]
        }
        return out + rest
    }

    /// Whether Material leaves the post out: a draft (unless `draft: true` in the plugin), or,
    /// with `draft_if_future_date`, a post dated after `now` that does not say either way.
    static func isExcluded(_ post: BlogPost, options o: BlogOptions, now: Double) -> Bool {
        if o.draft { return false }
        if post.draft == nil, o.draftIfFutureDate { return post.created.instant > now }
        return post.draft ?? false
    }
}
