/// Material's `navigation.indexes` on a configured (or literate) nav: a section's first child
/// that is an index page (`index.md` or `README.md`) becomes the section's link and leaves its
/// children, as Material's `nav-item.html` renders it; the section keeps its title.
/// (`AwesomePages` applies the feature to the navs it builds itself.)
enum MaterialIndexes {
    static func apply(_ items: [NavItem]) -> [NavItem] {
        items.map { item in
            var item = item
            if item.url == nil, item.pagePath == nil, !item.isExternal,
                let index = item.children.firstIndex(where: { $0.children.isEmpty && isIndexPage($0.pagePath) })
            {
                item.url = item.children[index].url
                item.pagePath = item.children[index].pagePath
                item.children.remove(at: index)
            }
            item.children = apply(item.children)
            return item
        }
    }

    /// MkDocs' `Page.is_index`: the file's name is `index` (`README` counts as `index`).
    static func isIndexPage(_ path: String?) -> Bool {
        path.map(SourcePage.hasIndexName) ?? false
    }
}
