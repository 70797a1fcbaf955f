import Foundation

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
    /// How heading text becomes an id (`toc`'s `slugify`).
    public var slugStyle: HeadingSlugStyle

    public init(tocLevels: ClosedRange<Int> = 2...3, reserveHTMLIDs: Bool = false, slugStyle: HeadingSlugStyle = .pythonMarkdown) {
        self.tocLevels = tocLevels
        self.reserveHTMLIDs = reserveHTMLIDs
        self.slugStyle = slugStyle
    }

    /// The TOC levels of a `toc_depth` value as Python-Markdown reads it: `"2-3"` is 2…3, `"3"`
    /// (or `3`) is 1…3. A range naming no level (`"0"`, `"4-2"`) gives `7...7`, a level no
    /// heading has, so the TOC is empty; text that is not a number gives `nil`.
    public static func tocLevels(tocDepth: String) -> ClosedRange<Int>? {
        let parts = tocDepth.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count <= 2, let bottom = numbers.last ?? nil, let top = numbers.count == 2 ? numbers[0] : 1 else { return nil }
        let low = max(top, 1)
        let high = min(bottom, 6)
        return low <= high ? low...high : 7...7
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        var headings: [NodeID] = []
        var reserved = context.reservedIDs
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .heading:
                headings.append(node)
            case .htmlBlock(let html), .inlineHTML(let html), .rawHTML(let html), .htmlElement(let html, _, _):
                if reserveHTMLIDs { HTMLIDCollector.scanIDs(in: html, into: &reserved) }
            default:
                break
            }
        }
        // Python-Markdown's toc treats every id already on an element (attr_list's) as taken.
        reserved.formUnion(document.attributeIDs)
        var slugger = HeadingSlugger(reserved: reserved, style: slugStyle)
        for heading in headings {
            if case .heading(_, let id?) = document.kind(of: heading) { slugger.reserve(id) }
        }
        // The id of the first heading of each text's slug, for the collisions of later ones.
        var firstIDBySlug: [String: String] = [:]
        for heading in headings {
            guard case .heading(let level, let existing) = document.kind(of: heading) else { continue }
            let text = document.plainText(of: heading)
            let title = HeadingSlugger.collapseWhitespace(text)
            let slug = slugStyle.slugify(title)
            let id = existing ?? slugger.unique(slug)
            if let earlierID = firstIDBySlug[slug] {
                if existing == nil, id != slug {
                    let position = document.span(of: heading)?.start ?? TextPosition(line: 1, byteColumn: 1)
                    context.headingIDCollisions.append(
                        HeadingIDCollision(position: position, text: text, id: id, earlierID: earlierID))
                }
            } else {
                firstIDBySlug[slug] = id
            }
            document.setKind(.heading(level: level, id: id), of: heading)
            context.headingIDs.append(id)
            if tocLevels.contains(level) {
                context.toc.append(TOCEntry(level: level, id: id, title: title))
            }
        }
    }
}
