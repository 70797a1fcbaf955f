/// `pymdownx.tabbed` with `slugify`: each tab's radio input (and its label's `for`) gets the slug
/// of the tab's title instead of `__tabbed_<set>_<tab>`, with `combine_header_slug` prefixed by
/// the id of the heading the set is under (the nearest heading before it among its siblings, or
/// among an enclosing block's) and `separator` between them, made unique against the page's ids
/// as `toc.unique` does (pymdownx's `TabbedTreeprocessor`, which runs after `toc`).
///
/// The id is kept as the tab node's `id` attribute, which the tab set's header writes.
public struct TabSlugRewriter: MarkdownRewriter {
    public var name: String { "tab slugs" }
    public let options: TabSlugOptions

    public init(options: TabSlugOptions) {
        self.options = options
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        var sets: [NodeID] = []
        var taken = Set(document.attributeIDs)
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .tabbedSet: sets.append(node)
            case .heading(_, let id?): taken.insert(id)
            default: break
            }
        }
        guard !sets.isEmpty else { return }
        var slugger = HeadingSlugger(reserved: taken, style: options.style)
        for set in sets {
            let prefix = options.combineHeaderSlug ? Self.headingID(before: set, in: document) : ""
            for tab in document.children(of: set) {
                guard case .tab = document.kind(of: tab) else { continue }
                var title = ""
                if let first = document.firstChild(of: tab), case .containerTitle = document.kind(of: first) {
                    // `toc.strip_tags` collapses the label's white space (an icon leaves none).
                    title = HeadingSlugger.collapseWhitespace(document.plainText(of: first))
                }
                var slug = options.style.slugify(title, separator: options.separator) ?? options.style.slugify(title)
                if !prefix.isEmpty { slug = prefix + options.separator + slug }
                var attributes = document.attributes(of: tab)
                attributes.set("id", slugger.unique(slug))
                document.setAttributes(attributes, of: tab)
            }
        }
    }

    /// `get_parent_header_slug`: going out from the set, the id of the last heading before the
    /// block holding it, at the first level that has one.
    static func headingID(before set: NodeID, in document: MarkdownDocument) -> String {
        var child = set
        while let parent = document.parent(of: child) {
            var found: String?
            var sibling = document.firstChild(of: parent)
            while let current = sibling, current != child {
                if case .heading(_, let id?) = document.kind(of: current) { found = id }
                sibling = document.nextSibling(of: current)
            }
            if let found { return found }
            child = parent
        }
        return ""
    }
}

/// `pymdownx.tabbed`'s `slugify`, `combine_header_slug` and `separator`.
public struct TabSlugOptions: Sendable, Hashable {
    public var style: HeadingSlugStyle
    public var combineHeaderSlug = false
    public var separator = "-"

    public init(style: HeadingSlugStyle, combineHeaderSlug: Bool = false, separator: String = "-") {
        self.style = style
        self.combineHeaderSlug = combineHeaderSlug
        self.separator = separator
    }
}
