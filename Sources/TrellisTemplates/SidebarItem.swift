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

    /// Whether this entry or one under it is the current page.
    public var containsActive: Bool {
        var stack: [SidebarItem] = [self]
        while let item = stack.popLast() {
            if item.isActive { return true }
            stack.append(contentsOf: item.children)
        }
        return false
    }

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
