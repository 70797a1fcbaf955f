import Foundation

/// One brand's `sitemap.xml` as MkDocs 1.6 writes it from its `sitemap.xml` template: every
/// published page at its canonical URL (`site_url` joined with the page's URL), in the order
/// of MkDocs' files, each with its `lastmod` (the page's `update_date`, which is the build
/// date: neither MkDocs nor the git-revision-date-localized plugin sets it otherwise).
/// Without a `site_url` pages have no canonical URL, and the sitemap lists none, as in MkDocs.
struct Sitemap: Sendable, Equatable {
    /// The files a sitemap is written to.
    static let outputPaths = ["sitemap.xml", "sitemap.xml.gz"]

    struct Entry: Sendable, Equatable {
        /// The canonical URL, percent-encoded as the page's URL is.
        var location: String
        /// `YYYY-MM-DD`, or nil for none.
        var lastModified: String?
    }

    var entries: [Entry]

    /// The pages' URLs (relative to the site root, as `SourcePage.url`) under `siteURL`.
    init(pageURLs: [String], siteURL: String?, lastModified: String?) {
        guard let base = siteURL, !base.isEmpty else {
            entries = []
            return
        }
        let folder = base.hasSuffix("/") ? base : base + "/"
        entries = pageURLs.map { Entry(location: folder + $0, lastModified: lastModified) }
    }

    /// The text MkDocs' template renders, byte for byte (no newline after `</urlset>`).
    var xml: String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        for entry in entries {
            text += "\n    <url>\n         <loc>\(Self.escaped(entry.location))</loc>\n         "
            if let date = entry.lastModified { text += "<lastmod>\(date)</lastmod>" }
            text += "\n    </url>"
        }
        return text + "\n</urlset>"
    }

    /// Jinja's `|e` (markupsafe): `&`, `<`, `>`, `"` and `'`.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// MkDocs' `get_build_date()`: the build's day in UTC, `YYYY-MM-DD`.
    static func isoDay(_ date: Date) -> String {
        let (year, month, day) = utcDay(date)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The gzip header's time: MkDocs' `get_build_timestamp`, the latest `update_date` (a day)
    /// at midnight UTC, or the build time itself when there are no pages.
    static func gzipTime(buildDate: Date, hasPages: Bool) -> UInt32 {
        let seconds = buildDate.timeIntervalSince1970.rounded(.down)
        let time = hasPages ? (seconds / 86400).rounded(.down) * 86400 : seconds
        return UInt32(clamping: Int64(max(0, min(time, Double(UInt32.max)))))
    }

    private static func utcDay(_ date: Date) -> (Int, Int, Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
