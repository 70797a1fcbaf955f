/// mkdocs-section-index (0.3): a section whose first child is a page the nav gives no title
/// of its own becomes that page, with the section's title and the other children under it,
/// so the section's name links to the page.
enum SectionIndex {
    /// The nav with such sections turned into pages, and the titles those pages take.
    static func apply(_ items: [NavItem]) -> (items: [NavItem], titles: [String: String]) {
        var titles: [String: String] = [:]
        func convert(_ items: [NavItem]) -> [NavItem] {
            items.map { item in
                guard item.url == nil, item.pagePath == nil, !item.isExternal, !item.children.isEmpty else { return item }
                var section = item
                let first = section.children[0]
                if first.children.isEmpty, !first.isExternal, !first.titleFromNav, let path = first.pagePath, first.url != nil {
                    section.url = first.url
                    section.pagePath = path
                    section.children.removeFirst()
                    if titles[path] == nil { titles[path] = section.title }
                }
                section.children = convert(section.children)
                return section
            }
        }
        return (convert(items), titles)
    }
}
