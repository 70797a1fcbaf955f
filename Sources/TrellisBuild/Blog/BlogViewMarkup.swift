import Foundation
import TrellisMarkdown

/// The HTML of a blog view's content as Material's `blog.html` writes it: the view's own page
/// in a header, each post's excerpt as `partials/post.html` writes it, then the pagination
/// (`partials/pagination.html`, the `paginate` package's pager), in English.
enum BlogViewMarkup {
    /// A post on a view: its excerpt with what Material shows above and below it.
    struct Entry {
        var post: BlogPost
        var excerpt: BlogExcerpt
        /// Links from the view to the post and its categories, with the categories' titles.
        var postHref: String
        var categories: [(title: String, href: String)]
        var authors: [(name: String, avatar: String)]
        var readtime: Int?
        var dateText: String
    }

    static func content(header: String, entries: [Entry], pagination: String?) -> String {
        var out = "<header class=\"md-typeset\">\n\(header)</header>\n"
        for entry in entries { out += article(entry) }
        if let pagination { out += "<nav class=\"md-pagination\">\n  \(pagination)\n</nav>\n" }
        return out
    }

    static func article(_ e: Entry) -> String {
        var out = "<article class=\"md-post md-post--excerpt\">\n  <header class=\"md-post__header\">\n"
        if !e.authors.isEmpty {
            out += "    <nav class=\"md-post__authors md-typeset\">\n"
            for author in e.authors {
                out += "      <span class=\"md-author\">\n        <img src=\"\(escape(author.avatar))\" alt=\"\(escape(author.name))\">\n      </span>\n"
            }
            out += "    </nav>\n"
        }
        out += "    <div class=\"md-post__meta md-meta\">\n      <ul class=\"md-meta__list\">\n"
        out += "        <li class=\"md-meta__item\">\n          <time datetime=\"\(e.post.created.pythonDescription)\">\(escape(e.dateText))</time></li>\n"
        if !e.categories.isEmpty {
            let links = e.categories.map { "<a href=\"\(escape($0.href))\" class=\"md-meta__link\">\(escape($0.title))</a>" }
            out += "        <li class=\"md-meta__item\">\n          in\n          \(links.joined(separator: ", \n          "))</li>\n"
        }
        if let time = e.readtime, time != 0 {
            out += "        <li class=\"md-meta__item\">\n          \(time == 1 ? "1 min read" : "\(time) min read")\n        </li>\n"
        }
        if e.post.pin { out += "        <span class=\"md-pin\"></span>\n" }
        out += "      </ul>\n"
        if e.post.draft == true { out += "      <span class=\"md-draft\">\n        Draft\n      </span>\n" }
        out += "    </div>\n  </header>\n  <div class=\"md-post__content md-typeset\">\n\(e.excerpt.html)"
        if e.excerpt.hasMore {
            out += "    <nav class=\"md-post__action\">\n      <a href=\"\(escape(e.postHref))\">\n        Continue reading\n      </a>\n    </nav>\n"
        }
        if e.post.pin { out += "    <hr>\n" }
        out += "  </div>\n</article>\n"
        return out
    }

    /// The symbols of the pager's `$link_first`, `$link_previous`, `$link_next` and `$link_last`
    /// (Material passes its chevron icons; `paginate`'s own are text arrows).
    struct Symbols {
        var first = "&lt;&lt;", previous = "&lt;", next = "&gt;", last = "&gt;&gt;"
    }

    /// The pager of page `current` (from 1) of `count`: `paginate`'s `pager` with Material's
    /// classes, for a format such as `~2~` (and its `$`-tokens); empty for a single page unless
    /// `ifSinglePage`.
    static func pager(
        current: Int, count: Int, format: String, ifSinglePage: Bool, symbols: Symbols = Symbols(), href: (Int) -> String
    ) -> String {
        if count == 0 || (count == 1 && !ifSinglePage) { return "" }
        var radius = 2
        if let tilde = format.range(of: #"~\d+~"#, options: .regularExpression) {
            radius = Int(format[tilde].dropFirst().dropLast()) ?? 2
        }
        func link(_ n: Int, _ text: String) -> String { "<a class=\"md-pagination__link\" href=\"\(href(n))\">\(text)</a>" }
        let left = max(1, current - radius), right = min(count, current + radius)
        var items: [String] = []
        if current != 1, 1 < left { items.append(link(1, "1")) }
        if left - 1 > 1 { items.append("<span class=\"md-pagination__dots\">..</span>") }
        for n in left...max(left, right) {
            items.append(n == current ? "<span class=\"md-pagination__current\">\(n)</span>" : link(n, String(n)))
        }
        if count - right > 1 { items.append("<span class=\"md-pagination__dots\">..</span>") }
        if current != count, right < count { items.append(link(count, String(count))) }
        // Every `~N~` is replaced by the range, as `re.sub` does.
        var result = format.replacingOccurrences(of: #"~\d+~"#, with: NSRegularExpression.escapedTemplate(for: items.joined(separator: " ")), options: .regularExpression)
        let tokens: [(String, String)] = [
            ("$link_first", current > 1 ? link(1, symbols.first) : ""),
            ("$link_last", current < count ? link(count, symbols.last) : ""),
            ("$link_previous", current > 1 ? link(current - 1, symbols.previous) : ""),
            ("$link_next", current < count ? link(current + 1, symbols.next) : ""),
            ("$first_page", "1"), ("$last_page", String(count)), ("$page_count", String(count)), ("$page", String(current)),
        ]
        for (token, value) in tokens { result = result.replacingOccurrences(of: token, with: value) }
        return result
    }

    /// Text or an attribute value escaped for HTML (`&`, `<`, `>`, `"`).
    static func escape(_ text: String) -> String {
        HTMLEscaping.escaped(text)
    }
}
