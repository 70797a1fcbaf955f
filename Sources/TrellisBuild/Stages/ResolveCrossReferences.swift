import Foundation
import TrellisCore
import TrellisMarkdown

/// Stage: the mkdocs-autorefs plugin's cross-references (`Autorefs`), once every page's ids are
/// known. A reference links to the page that has its identifier as a heading id or an anchor
/// id (the first page, in path order; the identifier as written, else in lower case), written
/// as the plugin writes it (`class="autorefs autorefs-internal"`, the heading's title); one
/// with no target is a warning and stays the text it was (`[text][identifier]`), as in MkDocs.
struct ResolveCrossReferences: PageStage {
    let name = "resolve cross-references"
    var runsInRender: Bool { true }

    struct Target: Sendable {
        /// The page's path and URL.
        var page: String
        var url: String
        var title: String?
    }

    func prepare(_ state: BrandState, site: SiteState) -> [String: Target]? {
        guard site.settings.markdown.extensions.contains(.autorefs) else { return nil }
        return Self.targets(state.pages)
    }

    func update(_ record: inout PageRecord, context targets: [String: Target], site: SiteState) -> [Diagnostic] {
        let page = record.source
        let rendered = record.rendered
        let diagnostics = rendered.links.compactMap { link -> Diagnostic? in
            guard let label = Autorefs.label(ofDestination: link.destination), Self.target(label, in: targets) == nil else {
                return nil
            }
            return Diagnostic(
                .brokenLink, path: page.file.path, at: link.location,
                message: "cross-reference '\(label)' names no heading or anchor id of any page; it stays text")
        }
        guard rendered.spooledHTML == nil, rendered.html.contains(Autorefs.scheme) else { return diagnostics }
        record.rendered.html = Self.rewrite(rendered.html, pageURL: page.url) { label in
            Self.target(label, in: targets).map { target in
                let base = target.page == page.path ? "" : URLPaths.relative(from: URLPaths.folder(of: page.url), to: target.url)
                return (base + "#" + target.id, target.title)
            }
        }
        return diagnostics
    }

    /// Every id of every page, the first page's for an id on several.
    static func targets(_ pages: [PageRecord]) -> [String: Target] {
        var targets: [String: Target] = [:]
        for record in pages {
            var titles: [String: String] = [:]
            for heading in record.rendered.headings where titles[heading.id] == nil { titles[heading.id] = heading.text }
            for id in record.rendered.ids where targets[id] == nil {
                targets[id] = Target(page: record.path, url: record.source.url, title: titles[id])
            }
        }
        return targets
    }

    static func target(_ label: String, in targets: [String: Target]) -> (id: String, page: String, url: String, title: String?)? {
        for id in [label, label.lowercased()] {
            if let target = targets[id] { return (id, target.page, target.url, target.title) }
        }
        return nil
    }

    /// `html` with each `<a href="trellis-autoref:…">` pointed at its target (`resolve` gives
    /// its URL, fragment included, and title), or turned back into its text.
    static func rewrite(
        _ html: String, pageURL: String, resolve: (String) -> (href: String, title: String?)?
    ) -> String {
        let marker = "href=\"" + Autorefs.scheme
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let found = rest.range(of: marker) {
            // The link: `<a ATTRS href="trellis-autoref:HEX" ATTRS>TEXT</a>`.
            let valueStart = rest.index(found.lowerBound, offsetBy: 6)
            guard let tagStart = rest[..<found.lowerBound].range(of: "<a ", options: .backwards),
                let hrefEnd = rest[found.upperBound...].firstIndex(of: "\""),
                let tagEnd = rest[hrefEnd...].firstIndex(of: ">"),
                let close = rest[tagEnd...].range(of: "</a>"),
                let label = Autorefs.label(ofDestination: rest[valueStart..<hrefEnd])
            else {
                out += rest[..<found.upperBound]
                rest = rest[found.upperBound...]
                continue
            }
            out += rest[..<tagStart.lowerBound]
            let text = rest[rest.index(after: tagEnd)..<close.lowerBound]
            if let (href, title) = resolve(label) {
                var tag = "<a class=\"autorefs autorefs-internal\""
                if let title, title != plainText(text) { tag += " title=\"\(XMLText.escapeAttribute(title))\"" }
                tag += " href=\"\(XMLText.escapeAttribute(href))\""
                // Attributes other than the href (an attribute list's) stay.
                let before = rest[tagStart.upperBound..<found.lowerBound].trimmingCharacters(in: .whitespaces)
                if !before.isEmpty { tag += " " + before }
                tag += rest[rest.index(after: hrefEnd)..<tagEnd]
                out += tag + ">" + text + "</a>"
            } else {
                out += "[" + text + "][" + (plainText(text) == label ? "" : XMLText.escape(label)) + "]"
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// The text of an HTML fragment without its tags (entities as written).
    static func plainText(_ html: Substring) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }
}
