/// A site's navigation tree, indexed once so each page's sidebar and prev/next links cost only
/// what that page shows.
///
/// A sidebar lists the top-level entries and expands only the sections on the current page's
/// trail; every other section collapses to a link to its first page. So a page's HTML grows with
/// the top level and its own sections, never with the whole site: rendering every page of a
/// 10,000-page site stays linear. Build it once per build (it is `Sendable`), then ask it from
/// any thread.
public struct NavigationIndex: Sendable {
    /// Sections deeper than this are never expanded: it bounds both page size and the nesting
    /// the templates recurse through.
    public static let maxExpandedDepth = 12

    struct Entry: Sendable {
        var title: String
        var url: String?
        var parent: Int?
        var children: [Int]
        var depth: Int
        /// The entry's own page, or the first page under it: where a collapsed section links.
        var firstPage: String?
    }

    private(set) var entries: [Entry] = []
    private(set) var topLevel: [Int] = []
    private(set) var entryForURL: [String: Int] = [:]
    /// Pages in reading order, each once, external links left out.
    private var pageOrder: [Int] = []
    private var orderIndex: [Int: Int] = [:]

    /// Indexes `nodes`, the top level of the navigation. Iterative, so any depth is safe.
    public init(_ nodes: [NavNode]) {
        // Pre-order walk with an explicit stack; children pushed in reverse to keep their order.
        var stack: [(node: NavNode, parent: Int?, depth: Int)] = nodes.reversed().map { ($0, nil, 0) }
        while let (node, parent, depth) = stack.popLast() {
            let index = entries.count
            entries.append(
                Entry(title: node.title, url: node.url, parent: parent, children: [], depth: depth, firstPage: nil))
            if let parent { entries[parent].children.append(index) } else { topLevel.append(index) }
            if let url = node.url, !NavNode.isExternal(url), entryForURL[url] == nil {
                entryForURL[url] = index
                orderIndex[index] = pageOrder.count
                pageOrder.append(index)
            }
            for child in node.children.reversed() { stack.append((child, index, depth + 1)) }
        }
        // Children come after their parent in pre-order, so a reverse sweep sees them first.
        for index in entries.indices.reversed() {
            if let url = entries[index].url {
                entries[index].firstPage = url
            } else {
                let firstChild = entries[index].children.first { entries[$0].firstPage != nil }
                entries[index].firstPage = firstChild.flatMap { entries[$0].firstPage }
            }
        }
    }

    /// The number of entries in the whole tree.
    public var count: Int { entries.count }

    /// The sidebar as seen from the page at `url` (relative to the site root). A page missing
    /// from the nav gets the top level, all collapsed (but for what `options` expands).
    public func sidebar(for url: String?, options: SidebarOptions = SidebarOptions()) -> [SidebarItem] {
        let active = url.flatMap { entryForURL[$0] }
        return topLevel.map { item(for: $0, active: active, trail: trail(of: active), options: options) }
    }

    /// The entry and its ancestors.
    func trail(of entry: Int?) -> Set<Int> {
        var trail = Set<Int>()
        var cursor = entry
        while let index = cursor {
            trail.insert(index)
            cursor = entries[index].parent
        }
        return trail
    }

    private func item(for index: Int, active: Int?, trail: Set<Int>, options: SidebarOptions) -> SidebarItem {
        let entry = entries[index]
        let inTrail = trail.contains(index)
        let opened = inTrail || options.expandAll || options.sectionDepth == entry.depth
        let expand = opened && entry.depth < Self.maxExpandedDepth && !entry.children.isEmpty
        return SidebarItem(
            title: entry.title,
            // An expanded section is a heading over its pages; a collapsed one stands in for them.
            url: expand ? entry.url : entry.url ?? entry.firstPage,
            isSection: !entry.children.isEmpty,
            isActive: index == active,
            isInActiveTrail: inTrail,
            children: expand ? entry.children.map { item(for: $0, active: active, trail: trail, options: options) } : []
        )
    }

    /// The pages before and after `url` in reading order (MkDocs' previous/next page).
    public func neighbours(of url: String) -> (previous: PageLink?, next: PageLink?) {
        guard let index = entryForURL[url], let position = orderIndex[index] else { return (nil, nil) }
        func link(_ position: Int) -> PageLink? {
            guard pageOrder.indices.contains(position) else { return nil }
            let entry = entries[pageOrder[position]]
            return entry.url.map { PageLink(title: entry.title, url: $0) }
        }
        return (link(position - 1), link(position + 1))
    }

    /// The titles from the top level down to the page at `url`, the page included (breadcrumbs).
    public func trail(to url: String) -> [String] {
        var titles: [String] = []
        var cursor = entryForURL[url]
        while let index = cursor {
            titles.append(entries[index].title)
            cursor = entries[index].parent
        }
        return titles.reversed()
    }
}
