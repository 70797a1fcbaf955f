/// Gives every heading a Python-Markdown-compatible id and collects the page's TOC.
///
/// Ids already on headings and the context's reserved ids count as taken, so the ids this
/// assigns never collide with them (`foo` → `foo_1`).
public struct HeadingIDRewriter: MarkdownRewriter {
    public var name: String { "heading ids" }
    /// Heading levels listed in the TOC (MkDocs Material shows 2–3 by default).
    public var tocLevels: ClosedRange<Int>
    /// Whether `id="…"` attributes in the page's raw HTML also count as taken. Off by default:
    /// Python-Markdown does not see ids inside raw HTML, and ids must match what it produced.
    public var reserveHTMLIDs: Bool

    public init(tocLevels: ClosedRange<Int> = 2...3, reserveHTMLIDs: Bool = false) {
        self.tocLevels = tocLevels
        self.reserveHTMLIDs = reserveHTMLIDs
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        var headings: [NodeID] = []
        var reserved = context.reservedIDs
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .heading:
                headings.append(node)
            case .htmlBlock(let html), .inlineHTML(let html), .rawHTML(let html):
                if reserveHTMLIDs { HTMLIDCollector.scanIDs(in: html, into: &reserved) }
            default:
                break
            }
        }
        var slugger = HeadingSlugger(reserved: reserved)
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
