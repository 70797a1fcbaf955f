/// Gives every heading a Python-Markdown-compatible id and collects the page's TOC.
///
/// Ids already on headings and the context's reserved ids count as taken, so the ids this
/// assigns never collide with them (`foo` → `foo_1`).
public struct HeadingIDRewriter: MarkdownRewriter {
    public var name: String { "heading ids" }
    /// Heading levels listed in the TOC (MkDocs Material shows 2–3 by default).
    public var tocLevels: ClosedRange<Int>

    public init(tocLevels: ClosedRange<Int> = 2...3) {
        self.tocLevels = tocLevels
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let headings = document.preorder().filter {
            if case .heading = document.kind(of: $0) { return true }
            return false
        }
        var slugger = HeadingSlugger(reserved: context.reservedIDs)
        for heading in headings {
            if case .heading(_, let id?) = document.kind(of: heading) { slugger.reserve(id) }
        }
        for heading in headings {
            guard case .heading(let level, let existing) = document.kind(of: heading) else { continue }
            let title = HeadingSlugger.collapseWhitespace(document.plainText(of: heading))
            let id = existing ?? slugger.id(forHeadingText: title)
            document.setKind(.heading(level: level, id: id), of: heading)
            context.headingIDs.append(id)
            if tocLevels.contains(level) {
                context.toc.append(TOCEntry(level: level, id: id, title: title))
            }
        }
    }
}
