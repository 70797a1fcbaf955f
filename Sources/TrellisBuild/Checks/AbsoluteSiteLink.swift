import Foundation
import TrellisCore

/// A link that spells out the site's own address (`https://docs.example.com/a/`) where a
/// relative link would keep working for every brand and in previews.
struct AbsoluteSiteLink: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        let bases = brand.siteBases
        guard !bases.isEmpty else { return [] }
        return subject.rendered.links.compactMap { link in
            guard Self.isHTTP(link.destination), let target = Self.base(link.destination) else { return nil }
            guard bases.contains(where: { target.host == $0.host && target.path.hasPrefix($0.path) }) else { return nil }
            return Diagnostic(
                .absoluteSiteLink, path: subject.page.file.path, at: link.location,
                message: "'\(link.destination)' is this site's own address; use a relative link")
        }
    }

    /// A cheap test before parsing: most links are relative.
    static func isHTTP(_ url: String) -> Bool {
        let head = url.utf8.prefix(8).map { $0 | 0x20 }
        return head.starts(with: "http://".utf8) || head.starts(with: "https://".utf8)
    }

    /// Host (lowercased) and path (with a trailing slash) of an http(s) URL.
    static func base(_ url: String) -> (host: String, path: String)? {
        guard isHTTP(url), let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased()
        else { return nil }
        var path = components.path.isEmpty ? "/" : components.path
        if !path.hasSuffix("/") { path += "/" }
        return (host, path)
    }
}
