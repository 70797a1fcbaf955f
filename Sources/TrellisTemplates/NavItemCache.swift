import Foundation

/// The HTML of collapsed sidebar entries, rendered once through `partials/nav-item` and reused
/// by every page that shows the same entry.
///
/// A collapsed entry looks the same on every page at the same depth (its `href` carries the
/// page's `root`), so a 10,000-page site renders each of its top-level entries a handful of
/// times instead of 10,000. Owned by one `ThemeRenderer`, shared by its copies; safe to use from
/// many threads at once.
final class NavItemCache: @unchecked Sendable {
    /// Everything a collapsed entry's rendering depends on: its other fields are fixed (not
    /// active, not on the trail, not expanded, no children).
    private struct Key: Hashable {
        let title: String
        let href: String
        let hasHref: Bool
        let isSection: Bool
    }

    // @unchecked: `entries` is only touched while holding `lock`.
    private let lock = NSLock()
    /// Renderings without their last newline; nil when one cannot be spliced (it has none).
    private var entries: [Key: String?] = [:]

    /// Whether `item` looks the same on every page that shows it.
    static func isCacheable(_ item: PageContext.NavItem) -> Bool {
        !item.isInActiveTrail && !item.isActive && item.children.isEmpty
    }

    /// Each item's rendering without its last newline, from the cache or from `render`; nil
    /// for an item that `isCacheable` refuses or whose rendering cannot be spliced into a run
    /// (it has no last newline). One lock for the lookups, one for what was missing: `render`
    /// runs outside it, so two threads may render the same entry once each (the same result).
    func html(for items: [PageContext.NavItem], render: (PageContext.NavItem) -> String?) -> [String?] {
        let keys = items.map { item in
            Self.isCacheable(item)
                ? Key(title: item.title, href: item.href, hasHref: item.hasHref, isSection: item.isSection) : nil
        }
        let found: [String??] = lock.withLock { keys.map { key in key.flatMap { entries[$0] } } }
        var result: [String?] = []
        var missing: [(Key, String?)] = []
        for (index, key) in keys.enumerated() {
            guard let key else {
                result.append(nil)
                continue
            }
            if let cached = found[index] {
                result.append(cached)
                continue
            }
            let rendered = render(items[index]).flatMap { html in
                html.utf8.last == UInt8(ascii: "\n") ? String(decoding: html.utf8.dropLast(), as: UTF8.self) : nil
            }
            missing.append((key, rendered))
            result.append(rendered)
        }
        if !missing.isEmpty {
            lock.withLock { for (key, html) in missing { entries[key] = .some(html) } }
        }
        return result
    }
}
