/// One entry of a site's navigation tree, as the `nav:` setting of `mkdocs.yml` describes it.
///
/// A page has a `url`; a section has `children` and usually no `url` (with a `url` it is a
/// section with an index page, like Material's `navigation.indexes`). URLs are relative to the
/// site root (`guide/install.html`); links elsewhere (`https://…`) are kept as they are.
public struct NavNode: Sendable, Hashable {
    public var title: String
    public var url: String?
    public var children: [NavNode]

    public init(title: String, url: String? = nil, children: [NavNode] = []) {
        self.title = title
        self.url = url
        self.children = children
    }

    /// A page entry.
    public static func page(_ title: String, _ url: String) -> NavNode {
        NavNode(title: title, url: url)
    }

    /// A section entry.
    public static func section(_ title: String, _ children: [NavNode]) -> NavNode {
        NavNode(title: title, children: children)
    }

    /// Whether `url` leaves the site (`https://…`, `mailto:…`, `//host/…`), so it is never a page.
    public static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") || url.hasPrefix("/") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

/// One entry of a page's sidebar: a view of a `NavNode` as seen from that page.
public struct SidebarItem: Sendable, Hashable {
    public var title: String
    /// Where the entry links, relative to the site root: a page's URL, a collapsed section's
    /// first page, an expanded section's own index page or nil.
    public var url: String?
    /// The entry is a section (it has children in the nav tree), expanded or not.
    public var isSection: Bool
    /// The entry is the current page.
    public var isActive: Bool
    /// The entry is the current page or one of its ancestors.
    public var isInActiveTrail: Bool
    /// The entry's children: only non-empty for the sections on the current page's trail.
    public var children: [SidebarItem]

    public init(
        title: String, url: String?, isSection: Bool = false, isActive: Bool = false,
        isInActiveTrail: Bool = false, children: [SidebarItem] = []
    ) {
        self.title = title
        self.url = url
        self.isSection = isSection
        self.isActive = isActive
        self.isInActiveTrail = isInActiveTrail
        self.children = children
    }

    /// Whether the section shows its children on this page.
    public var isExpanded: Bool { !children.isEmpty }

    /// The number of entries, this one included, counted without recursion.
    public var totalCount: Int {
        var count = 0
        var stack: [SidebarItem] = [self]
        while let item = stack.popLast() {
            count += 1
            stack.append(contentsOf: item.children)
        }
        return count
    }
}

/// A link to another page (previous/next in the footer).
public struct PageLink: Sendable, Hashable {
    public var title: String
    /// Relative to the site root.
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
