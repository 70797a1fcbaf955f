import Foundation
import TrellisMarkdown

/// Path arithmetic for site-relative URLs and docs-relative file paths (always `/`-separated).
enum URLPaths {
    /// The folder part of a path: `a/b.md` → `a/`, `b.md` → ``.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Resolves `relative` against `folder` (both docs-relative); nil when it climbs above the root.
    static func resolve(_ relative: String, inFolder folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false)
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case "", ".":
                if i == pieces.count - 1, piece == "" { parts.append("") }
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative URL from the page at `fromURL` (a folder URL such as `a/b/`) to `toPath`.
    static func relative(from fromURL: String, to toPath: String) -> String {
        let from = fromURL.split(separator: "/").map(String.init)
        var to = toPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if to.last == "" { to.removeLast() }
        let isFolder = toPath.hasSuffix("/") || toPath.isEmpty
        var common = 0
        while common < from.count, common < to.count - (isFolder ? 0 : 1), from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = Array(to[common...])
        var result = (ups + rest).joined(separator: "/")
        if isFolder { result = result.isEmpty ? "./" : result + "/" }
        return result
    }

    /// The `../` prefix from a page URL back to the site root.
    static func rootPrefix(of url: String) -> String {
        String(repeating: "../", count: url.split(separator: "/").count)
    }
}

/// A link destination taken apart the way the link checker needs it.
struct LinkDestination: Equatable {
    enum Kind: Equatable {
        /// `https:`, `mailto:`, `//host`: not ours to check without `--external`.
        case external
        /// `#fragment` on the same page.
        case sameDocument
        /// `/path`: absolute on the site.
        case absolute
        /// A relative path into the docs folder.
        case relative(path: String)
    }
    var kind: Kind
    var fragment: String?
    /// Any `?query` as written, kept on the rewritten link.
    var query: String?

    /// Splits with the Markdown module's `LinkTarget`, the same parser the link rewriter sees.
    init(_ destination: String) {
        let target = LinkTarget(destination: destination, kind: .link)
        fragment = target.fragment.map(String.init)
        query = target.query.map { "?" + $0 }
        let path = String(target.path)
        if target.isExternal {
            kind = .external
        } else if path.isEmpty {
            kind = .sameDocument
        } else if path.hasPrefix("/") {
            kind = .absolute
        } else {
            kind = .relative(path: path.removingPercentEncoding ?? path)
        }
    }

    /// Whether `s` has a URL scheme (`https:`, `mailto:`) or is protocol-relative.
    static func hasScheme(_ s: String) -> Bool {
        LinkTarget(destination: s, kind: .link).isExternal
    }
}
