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

    /// The item's rendering without its last newline, from the cache or from `render` (called
    /// outside the lock: two threads may render the same entry once each, with the same
    /// result). nil when it cannot be spliced into a run.
    func html(for item: PageContext.NavItem, render: () -> String?) -> String? {
        let key = Key(title: item.title, href: item.href, hasHref: item.hasHref, isSection: item.isSection)
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let rendered = render().flatMap { html in
            html.utf8.last == UInt8(ascii: "\n") ? String(decoding: html.utf8.dropLast(), as: UTF8.self) : nil
        }
        lock.withLock { entries[key] = .some(rendered) }
        return rendered
    }
}
