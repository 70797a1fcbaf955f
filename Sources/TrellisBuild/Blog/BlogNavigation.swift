/// The blog's place in a navigation, as Material's `on_nav` makes it: posts, archive and
/// category views and further pages of posts are not items of their own (a navigation built
/// from the folder tree would list them), and an "Archive" and a "Categories" section are
/// added after the items beside the blog index when the index is inside a section, or at the
/// top when the blog is the docs folder itself (Material counts a blog index at the top of the
/// navigation, without a parent, as not in it).
extension Blog {
    /// `items` with the blog's pages arranged; `page` gives a published page's title and URL.
    func navigation(_ given: [NavItem], page: (String) -> (title: String, url: String)?) -> [NavItem] {
        var items = without(given)
        func section(_ title: String, _ kind: BlogView.Kind) -> NavItem? {
            let children = views.filter { $0.kind == kind }.compactMap { view -> NavItem? in
                guard let (title, url) = page(view.pages[0]) else { return nil }
                return NavItem(title: title, url: url, pagePath: view.pages[0])
            }
            return children.isEmpty ? nil : NavItem(title: title, url: nil, pagePath: nil, children: children)
        }
        let sections = [
            options.archive ? section("Archive", .archive) : nil,
            options.categories ? section("Categories", .category) : nil,
        ].compactMap { $0 }
        guard !sections.isEmpty else { return items }
        // Looked for before the blog's pages leave: a folder's section whose pages were all
        // posts is still a section.
        if given.contains(where: { $0.pagePath == indexPath && $0.children.isEmpty }) {
            if options.root == "." { items += sections }
            return items
        }
        if Self.append(sections, besidePage: indexPath, in: &items) { return items }
        if options.root == "." { items += sections }
        return items
    }

    /// Items without the pages the blog places itself.
    private func without(_ items: [NavItem]) -> [NavItem] {
        items.compactMap { item in
            if let path = item.pagePath, isGenerated(path) { return nil }
            var item = item
            guard !item.children.isEmpty else { return item }
            item.children = without(item.children)
            return item.children.isEmpty && item.url == nil ? nil : item
        }
    }

    /// Appends `sections` to the section holding the page at `path` (as one of its pages or as
    /// its own page); false when no section holds it.
    private static func append(_ sections: [NavItem], besidePage path: String, in items: inout [NavItem]) -> Bool {
        for i in items.indices {
            if items[i].pagePath == path || items[i].children.contains(where: { $0.pagePath == path && $0.children.isEmpty }) {
                items[i].children += sections
                return true
            }
            if append(sections, besidePage: path, in: &items[i].children) { return true }
        }
        return false
    }
}
