/// One change to a parsed page's tree (ids on headings, icons, link targets).
///
/// Rewriters are small values, one per file, run in the order `MarkdownPipeline` lists them;
/// what they learn about the page (TOC, problems) goes into the shared `RewriteContext`.
public protocol MarkdownRewriter: Sendable {
    /// A short human name for logs and timings ("heading ids").
    var name: String { get }

    /// Changes `document` in place; must be iterative (pages can nest 10,000 deep).
    func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext)
}

/// What the rewriters of one page share: the parsed text and what they found.
public struct RewriteContext: Sendable {
    /// The text cmark parsed, for positions and raw-source searches.
    public let source: ParsedText
    /// Ids already taken on the page before headings get theirs.
    public var reservedIDs: Set<String>
    /// Every heading's id in document order (filled by `HeadingIDRewriter`).
    public var headingIDs: [String] = []
    /// The page's table of contents (filled by `HeadingIDRewriter`).
    public var toc: [TOCEntry] = []
    /// Headings numbered because an earlier heading has the same slug (filled by `HeadingIDRewriter`).
    public var headingIDCollisions: [HeadingIDCollision] = []
    /// Shortcodes that looked like icons but are not known (filled by `IconShortcodeRewriter`).
    public var iconProblems: [IconProblem] = []
    /// Directive blocks that could not be rendered (filled by `FencedDirectiveRewriter`).
    public var directiveProblems: [DirectiveProblem] = []
    /// The names of the directives rendered on the page, once each, in order of first use.
    public var renderedDirectives: [String] = []
    /// The destination each rewritten link or image had before `LinkRewriter` changed it.
    public var originalDestinations: [NodeID: String] = [:]
    /// The page's abbreviations (filled by `AbbreviationDefinitionRewriter`).
    public var abbreviations = Abbreviations()

    public init(source: ParsedText, reservedIDs: Set<String> = []) {
        self.source = source
        self.reservedIDs = reservedIDs
    }
}

/// One entry of a page's table of contents.
public struct TOCEntry: Hashable, Sendable {
    /// The heading level, 1–6.
    public var level: Int
    /// The heading's id, the target of `#id` links.
    public var id: String
    /// The heading's plain text, whitespace collapsed (not HTML-escaped).
    public var title: String

    public init(level: Int, id: String, title: String) {
        self.level = level
        self.id = id
        self.title = title
    }
}
