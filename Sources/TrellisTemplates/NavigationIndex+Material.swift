/// Which sections a sidebar shows open besides those on the current page's trail (Material's
/// `navigation.sections` and `navigation.expand`).
public struct SidebarOptions: Sendable, Hashable {
    /// Sections at this depth (0: the top level) are always open, as groups
    /// (`navigation.sections`: the top level, or the level under the tabs with `navigation.tabs`).
    public var sectionDepth: Int?
    /// Every section is open (`navigation.expand`). The sidebar then grows with the whole nav.
    public var expandAll = false

    public init(sectionDepth: Int? = nil, expandAll: Bool = false) {
        self.sectionDepth = sectionDepth
        self.expandAll = expandAll
    }

    /// The options of a theme's features: with tabs, the groups are the tabs' sections.
    public init(_ features: ThemeFeatures) {
        self.init(sectionDepth: features.sections ? (features.tabs ? 1 : 0) : nil, expandAll: features.expand)
    }
}

/// One tab of Material's `navigation.tabs`: a top-level entry.
public struct NavTab: Sendable, Hashable {
    public var title: String
    /// The entry's page, or its first page for a section; relative to the site root.
    public var url: String?
    /// The current page is this entry or under it.
    public var isActive: Bool

    public init(title: String, url: String?, isActive: Bool) {
        self.title = title
        self.url = url
        self.isActive = isActive
    }
}

extension NavigationIndex {
    /// The top-level entries as tabs, as seen from the page at `url`.
    public func tabs(for url: String?) -> [NavTab] {
        let trail = trail(of: url.flatMap { entryForURL[$0] })
        return topLevel.map { NavTab(title: entries[$0].title, url: entries[$0].firstPage, isActive: trail.contains($0)) }
    }

    /// Material's breadcrumbs (`navigation.path`) for the page at `url`: the home page (the
    /// nav's page at `homeURL`, when the nav lists it at the top level), then each section above the page from
    /// the top, each linking to its first page. A section with an index page counts for that
    /// page too. Empty when that is fewer than two entries, as Material shows none then.
    public func path(to url: String, homeURL: String) -> [PageLink] {
        guard let active = entryForURL[url] else { return [] }
        var sections: [Int] = []
        var cursor = entries[active].children.isEmpty ? entries[active].parent : active
        while let index = cursor {
            sections.append(index)
            cursor = entries[index].parent
        }
        var links: [PageLink] = []
        // MkDocs' `nav.homepage`: the site's index page, only as a top-level page of the nav.
        if let home = entryForURL[homeURL], entries[home].parent == nil, entries[home].children.isEmpty {
            links.append(PageLink(title: entries[home].title, url: homeURL))
        }
        for index in sections.reversed() {
            guard let first = entries[index].firstPage else { continue }
            links.append(PageLink(title: entries[index].title, url: first))
        }
        return links.count > 1 ? links : []
    }
}
