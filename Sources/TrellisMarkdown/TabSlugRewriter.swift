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
        let headingBefore = options.combineHeaderSlug ? Self.headingsBefore(sets, in: document) : [:]
        for set in sets {
            let prefix = options.combineHeaderSlug ? Self.headingID(before: set, in: document, headingBefore) : ""
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
    static func headingID(before set: NodeID, in document: MarkdownDocument, _ headingBefore: [NodeID: String]) -> String {
        var child = set
        while let parent = document.parent(of: child) {
            if let found = headingBefore[child] { return found }
            child = parent
        }
        return ""
    }

    /// For every node on the way out from a set, the id of the last heading among its earlier
    /// siblings (absent when none): each parent's children are walked once, however many sets
    /// it holds, so a page of many sets is not quadratic.
    static func headingsBefore(_ sets: [NodeID], in document: MarkdownDocument) -> [NodeID: String] {
        var parents = Set<NodeID>()
        for set in sets {
            var child = set
            while let parent = document.parent(of: child), parents.insert(parent).inserted { child = parent }
        }
        var result: [NodeID: String] = [:]
        for parent in parents {
            var last: String?
            var sibling = document.firstChild(of: parent)
            while let current = sibling {
                if let last { result[current] = last }
                if case .heading(_, let id?) = document.kind(of: current) { last = id }
                sibling = document.nextSibling(of: current)
            }
        }
        return result
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
