import Foundation
import TrellisCore

/// Where a link in a page leads, for one brand. Used both to rewrite links while rendering
/// and to check them afterwards, so the two can never disagree.
struct LinkResolver: Sendable {
    enum Resolution: Equatable {
        /// Not ours: another site, an absolute path, or a link with a scheme.
        case external
        /// `#fragment` on the same page (an empty fragment is just "top").
        case sameDocument(fragment: String?)
        /// A page of this brand.
        case page(path: String, fragment: String?)
        /// A static file of the docs folder.
        case file(path: String)
        /// A page that exists but is not published for this brand.
        case unpublishedPage(path: String)
        /// A docs file MkDocs' `exclude_docs` or `draft_docs` leave out of the site; the link
        /// still leads to where it would be (`url`, from the site root), as MkDocs writes it.
        case excluded(path: String, url: String)
        /// Nothing at that path.
        case missing(path: String)
        /// The path climbs above the docs folder.
        case outsideRoot
    }

    let pagePaths: Set<String>
    let publishedPaths: Set<String>
    let staticFiles: Set<String>
    let urls: [String: String]
    /// Files written somewhere other than their path (a blog's post media), by path.
    var fileOutputPaths: [String: String] = [:]
    /// Excluded files (see `DiscoveredFiles.excluded`) and their URLs.
    var excluded: [String: String] = [:]

    /// Resolves `destination`, written in the page at `pagePath`.
    func resolve(_ destination: String, fromPage pagePath: String) -> Resolution {
        let target = LinkDestination(destination)
        switch target.kind {
        case .external, .absolute:
            return .external
        case .sameDocument:
            return .sameDocument(fragment: target.fragment)
        case .relative(let path):
            guard let resolved = URLPaths.resolve(path, inFolder: URLPaths.folder(of: pagePath)) else {
                return .outsideRoot
            }
            for candidate in candidates(for: resolved) where pagePaths.contains(candidate) {
                return publishedPaths.contains(candidate)
                    ? .page(path: candidate, fragment: target.fragment) : .unpublishedPage(path: candidate)
            }
            if staticFiles.contains(resolved) { return .file(path: resolved) }
            for candidate in [resolved] + candidates(for: resolved) {
                if let url = excluded[candidate] { return .excluded(path: candidate, url: url) }
            }
            return .missing(path: resolved)
        }
    }

    /// A page path for `resolved`: itself, or a folder's index page. `page.md/` is the page, as
    /// MkDocs normalises the path (`posixpath.normpath` drops the slash).
    private func candidates(for resolved: String) -> [String] {
        if resolved.isEmpty || resolved.hasSuffix("/") {
            let page = resolved.dropLast()
            let asPage = page.hasSuffix(".md") || page.hasSuffix(".markdown") ? [String(page)] : []
            return asPage + [resolved + "index.md", resolved + "README.md"]
        }
        if resolved.hasSuffix(".md") || resolved.hasSuffix(".markdown") { return [resolved] }
        return [resolved + "/index.md", resolved + "/README.md"]
    }

    /// The path part of the link as it should appear in the page at `pageURL` (the Markdown
    /// link rewriter keeps any `?query#fragment`); nil leaves the link as written.
    func rewrite(_ destination: String, fromPage pagePath: String, pageURL: String) -> String? {
        switch resolve(destination, fromPage: pagePath) {
        case .page(let path, _):
            guard let url = urls[path] else { return nil }
            return URLPaths.relative(from: URLPaths.folder(of: pageURL), to: url)
        case .file(let path):
            return URLPaths.relative(from: URLPaths.folder(of: pageURL), to: PercentEncoding.path(fileOutputPaths[path] ?? path))
        case .excluded(_, let url):
            return URLPaths.relative(from: URLPaths.folder(of: pageURL), to: url)
        default:
            return nil
        }
    }
}
