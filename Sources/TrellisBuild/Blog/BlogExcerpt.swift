import TrellisCore
import TrellisIcons
import TrellisMarkdown

/// A post's excerpt as Material renders it on a view (`structure/__init__.py`, `Excerpt`):
/// the post's Markdown (with `# title` put first when the body does not start with a level-1
/// heading) rendered with `toc`'s `baselevel: 2`, `anchorlink: true` and no permalinks, links
/// written from the view's URL, every `#anchor` link pointed at the post (the first one, the
/// title's, at the post itself), and cut at the excerpt separator.
struct BlogExcerpt: Sendable {
    /// The HTML before the separator.
    var html: String
    /// Whether anything followed the separator (Material then links "Continue reading").
    var hasMore: Bool
    /// The title heading's table of contents entry (`toc_depth: 2` after the shift).
    var tocEntry: TOCEntry?
    /// The ids of the excerpt's headings.
    var ids: Set<String>

    /// The excerpt of `post` (its page and expanded text) on the page at `viewURL`.
    static func render(
        _ post: BlogPost, page: SourcePage, text: PageText, viewURL: String, separator: String, icons: ShortcodeResolver,
        resolver: LinkResolver?, settings: MarkdownSettings
    ) -> BlogExcerpt {
        var settings = settings
        settings.renderer.permalinks = false
        settings.renderer.headingBaseLevel = 2
        settings.renderer.headingAnchorLinks = true
        settings.tocLevels = 1...1
        var text = text
        if !startsWithHeading1(text.text) {
            text = PageText(text: "# \(post.fallbackTitle)\n\n" + text.text, sourceMap: SourceMap())
        }
        let (rendered, _) = PageRenderer.render(
            page, text: text, icons: icons, resolver: resolver, settings: settings, linkBase: viewURL)
        let html = pointAnchors(rendered.html, at: BlogPaths.relativeURL(post.url, from: viewURL))
        var excerpt = BlogExcerpt(html: html, hasMore: false, tocEntry: rendered.toc.first, ids: rendered.ids)
        if let cut = html.range(of: separator) {
            excerpt.html = String(html[..<cut.lowerBound])
            excerpt.hasMore = true
        }
        return excerpt
    }

    /// Whether Markdown `text` starts with a level-1 heading (`# Title` or `Title` over `===`),
    /// which MkDocs then takes as the page's title.
    static func startsWithHeading1(_ text: String) -> Bool {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if line.prefix(4).contains(where: { $0 != " " }) == false { return false }
            if trimmed == "#" || trimmed.hasPrefix("# ") || trimmed.hasPrefix("#\t") { return true }
            guard let next = lines.next() else { return false }
            let underline = next.trimmingCharacters(in: .whitespaces)
            return !underline.isEmpty && underline.allSatisfy { $0 == "=" }
        }
        return false
    }

    /// Material's `ExcerptTreeprocessor`: each `<a href="#…">` points into the post, the first
    /// at the post itself.
    static func pointAnchors(_ html: String, at postURL: String) -> String {
        var out = ""
        var rest = Substring(html)
        var first = true
        while let open = rest.range(of: "<a ") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else {
                rest = rest[open.lowerBound...]
                break
            }
            var tag = String(rest[open.lowerBound...close])
            if let href = tag.range(of: " href=\"#") {
                let valueStart = tag.index(href.upperBound, offsetBy: -1)
                if let valueEnd = tag[valueStart...].firstIndex(of: "\"") {
                    let anchor = tag[valueStart..<valueEnd]
                    tag.replaceSubrange(valueStart..<valueEnd, with: first ? postURL : postURL + anchor)
                    first = false
                }
            }
            out += tag
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
