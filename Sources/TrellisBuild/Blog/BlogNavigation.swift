/// The blog's place in a navigation, as Material's `on_nav` makes it: posts, archive and
/// category views and further pages of posts are not items of their own (a navigation built
/// from the folder tree would list them), and an "Archive" and a "Categories" section are
/// added after the items beside the blog index, when the index is in the navigation (or the
/// blog is the docs folder itself).
extension Blog {
    /// `items` with the blog's pages arranged; `page` gives a published page's title and URL.
    func navigation(_ items: [NavItem], page: (String) -> (title: String, url: String)?) -> [NavItem] {
        var items = without(items)
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

    /// Appends `sections` to the list holding the page at `path` (as a page or as its
    /// section's own page); false when no list holds it.
    private static func append(_ sections: [NavItem], besidePage path: String, in items: inout [NavItem]) -> Bool {
        if items.contains(where: { $0.pagePath == path && $0.children.isEmpty }) {
            items += sections
            return true
        }
        for i in items.indices {
            if items[i].pagePath == path {
                items[i].children += sections
                return true
            }
            if append(sections, besidePage: path, in: &items[i].children) { return true }
        }
        return false
    }
}
