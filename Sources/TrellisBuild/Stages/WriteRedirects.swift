import Foundation
import TrellisCore

/// Stage: the `redirects` plugin's `redirect_maps` (`old.md: new.md` or an external URL), written
/// as small pages at the old page's URL that send readers on, keeping any `#fragment`, with
/// the same markup as mkdocs-redirects. Lint checks the targets and writes nothing.
struct WriteRedirects: BrandStage {
    let name = "write redirects"

    func run(_ state: inout BrandState, site: SiteState) throws {
        let redirects = site.settings.redirects
        let maps = redirects.maps
        guard !maps.isEmpty else { return }
        let directoryURLs = site.config.directoryURLs
        let urls = Dictionary(site.pages.map { ($0.path, $0.url) }, uniquingKeysWith: { a, _ in a })
        for (from, to) in maps.sorted(by: { $0.key < $1.key }) where state.outputPlan.keeps(.redirect, from) {
            let fromURL = RedirectSettings.url(of: from, directoryURLs: directoryURLs)
            if state.publishedPaths.contains(from) {
                // mkdocs-redirects writes its pages after the build, over a page of that path.
                site.engine.emit(
                    Diagnostic(
                        .redirectOverPage, path: site.config.path, at: nil,
                        message: "the redirect from '\(from)' replaces that page's output, as mkdocs-redirects does"))
            }
            let target: String
            if LinkDestination.hasScheme(to) || to.hasPrefix("/") {
                target = to
            } else {
                let (path, fragment) = Self.split(to)
                guard let url = urls[path] else {
                    site.engine.emit(
                        Diagnostic(
                            .brokenLink, path: site.config.path, at: nil,
                            message: "the redirect from '\(from)' points to '\(to)', which does not exist"))
                    continue
                }
                target = URLPaths.relative(from: URLPaths.folder(of: fromURL), to: url) + (fragment.map { "#" + $0 } ?? "")
            }
            try state.output?.write(Data(Self.page(to: target).utf8), to: RedirectSettings.outputPath(of: from, directoryURLs: directoryURLs))
        }
    }

    static func split(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    /// mkdocs-redirects' page, with the target escaped for HTML and for the script string.
    static func page(to target: String) -> String {
        let html = target.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
        let script = target.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "<", with: "\\u003c")
        return """
            <!doctype html>
            <html lang="en">
            <head>
                <meta charset="utf-8">
                <title>Redirecting...</title>
                <link rel="canonical" href="\(html)">
                <meta name="robots" content="noindex">
                <script>var anchor=window.location.hash.substr(1);location.href="\(script)"+(anchor?"#"+anchor:"")</script>
                <meta http-equiv="refresh" content="0; url=\(html)">
            </head>
            <body>
            Redirecting...
            </body>
            </html>

            """
    }
}
