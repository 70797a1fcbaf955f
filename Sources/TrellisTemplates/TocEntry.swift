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

    /// Nests the page's headings, in document order, the way MkDocs and Material show them:
    /// the headings in `levels` (`toc_depth`) nest as Python-Markdown's `toc` nests them (each
    /// under the nearest shallower heading before it), and when the first entry is the page's
    /// h1, its children are the table of contents (Material's `toc.html`).
    public static func nest(_ headings: [TocEntry], levels: ClosedRange<Int> = 2...3) -> [TocEntry] {
        let nested = pythonMarkdownNesting(headings.filter { levels.contains($0.level) })
        if let first = nested.first, first.level == 1 { return first.children }
        return nested
    }

    /// Python-Markdown's `nest_toc_tokens`: a heading deeper than the one before it becomes
    /// that one's child; a shallower one closes every open entry at its level or deeper.
    static func pythonMarkdownNesting(_ headings: [TocEntry]) -> [TocEntry] {
        // The open entries from the top level down: each one's place is the last child of
        // the one above it, so the tree is built by appending, and closed entries fold back.
        var stack: [TocEntry] = []
        var result: [TocEntry] = []
        func close() {
            guard let done = stack.popLast() else { return }
            if let last = stack.indices.last { stack[last].children.append(done) } else { result.append(done) }
        }
        for heading in headings {
            let entry = TocEntry(level: heading.level, id: heading.id, title: heading.title)
            if let top = stack.last, heading.level > top.level {
                stack.append(entry)
                continue
            }
            // Python-Markdown closes the previous entry, then every open parent at this level
            // or deeper; an entry shallower than the parents' level stays a sibling of them.
            close()
            while stack.count > 0, let top = stack.last, heading.level <= top.level { close() }
            stack.append(entry)
        }
        while !stack.isEmpty { close() }
        return result
    }
}
