import TrellisCore
import TrellisMarkdown

/// A page's body rendered for one brand, with what the later stages need to know about it.
struct RenderedPage: Sendable {
    var html: String
    /// The page's title (`SourcePage.title(heading:)` with its first level-1 heading after
    /// macros): the nav's, `<title>`'s and search's, and `page.title`'s on a Trellis site.
    var title: String
    /// The title the page's own text gives it (`title` before a nav gives it another).
    var ownTitle = ""
    var toc: [TOCEntry]
    /// Every anchor target of the page (heading ids and raw HTML ids).
    var ids: Set<String>
    var links: [PageLink]
    /// Every heading with its id, text and position, in document order.
    var headings: [PageHeading] = []
    /// Headings numbered because an earlier heading has the same slug, as the heading ids
    /// were assigned (see `HeadingIDCollision`).
    var headingIDCollisions: [PageHeadingCollision] = []
    /// Links whose text is empty (`[](x.md)`).
    var emptyLinks: [PageLink] = []
    /// Whether the page embeds a walkthrough (so it gets the player's script and stylesheet).
    var hasWalkthrough = false
    /// Whether the body has a level-1 heading (Markdown or raw HTML); if not, the theme shows
    /// the title as one, as Material does.
    var hasHeading1 = false
    /// A big page's HTML, kept out of memory (`html` is then empty).
    var spooledHTML: SpooledHTML?
    /// A view of Material's blog (index, archive, category): its theme shows no title heading.
    var isBlogView = false

    /// The page's body HTML; `nil` if its spool file cannot be read back.
    func bodyHTML() -> String? {
        guard let spooledHTML else { return html }
        return spooledHTML.read()
    }
}

/// A heading as the checks see it.
struct PageHeading: Sendable {
    var id: String
    var text: String
    var location: SourceLocation
}

/// A heading numbered because an earlier one has the same slug, at its place in the file.
struct PageHeadingCollision: Sendable {
    var heading: PageHeading
    /// The id of the earlier heading.
    var earlierID: String
}

/// A link or image reference found in a page, with the position of its destination.
struct PageLink: Sendable {
    var destination: String
    var location: SourceLocation
    var isImage: Bool
    /// For images: whether the alternative text is non-empty.
    var hasAltText = true
}
