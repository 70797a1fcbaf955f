/// One heading in a page's table of contents.
public struct TocEntry: Sendable, Hashable {
    /// The heading level, 1–6.
    public var level: Int
    /// The heading's `id`, the fragment a permalink points at.
    public var id: String
    /// The heading's text, plain (escaped when rendered).
    public var title: String
    /// Deeper headings under this one (h3 under h2).
    public var children: [TocEntry]

    public init(level: Int, id: String, title: String, children: [TocEntry] = []) {
        self.level = level
        self.id = id
        self.title = title
        self.children = children
    }

    /// Nests the page's headings, in document order, the way Material shows them: the page's h1
    /// is its title so it is left out, h2s are the entries, and each h3 sits under the h2 before
    /// it (an h3 before any h2 becomes an entry). Deeper headings are left out.
    public static func nest(_ headings: [TocEntry], levels: ClosedRange<Int> = 2...3) -> [TocEntry] {
        var result: [TocEntry] = []
        for heading in headings where levels.contains(heading.level) {
            let entry = TocEntry(level: heading.level, id: heading.id, title: heading.title)
            if heading.level > levels.lowerBound, let last = result.indices.last,
                result[last].level < heading.level
            {
                result[last].children.append(entry)
            } else {
                result.append(entry)
            }
        }
        return result
    }
}
