/// Everything the page template needs for one page: computed in Swift, so templates stay
/// logic-less and a brand can override any of them without reimplementing behaviour.
public struct PageView: Sendable, Hashable {
    public var site: SiteView
    /// The page's title (plain text, escaped when rendered).
    public var title: String
    /// The `description` meta tag.
    public var description: String?
    /// The page's absolute URL, when the site has a `site_url`.
    public var canonicalURL: String?
    /// Where the page's source can be edited (MkDocs' `repo_url` + `edit_uri`), if anywhere.
    public var editURL: String?
    /// The way from this page back to the site root: `""` for `index.html`, `"../../"` for
    /// `guide/install/index.html`. See `PageView.root(forOutputPath:)`.
    public var root: String
    /// The page's body, HTML, rendered as it is.
    public var contentHTML: String
    /// Whether the template shows the title as the page's heading: the body has no level-1
    /// heading of its own (Material's `"<h1" not in page.content`).
    public var showsTitleHeading = false
    /// The nested table of contents (`TocEntry.nest`).
    public var toc: [TocEntry]
    /// The sidebar as seen from this page (`NavigationIndex.sidebar(for:)`).
    public var sidebar: [SidebarItem]
    public var previous: PageLink?
    public var next: PageLink?
    /// The breadcrumbs above the title (`NavigationIndex.path(to:homeURL:)`), shown with the
    /// `navigation.path` feature.
    public var path: [PageLink] = []
    /// The tabs under the header (`NavigationIndex.tabs(for:)`), shown with `navigation.tabs`.
    public var tabs: [NavTab] = []
    /// Stylesheets and scripts this page alone needs (the walkthrough's), relative to the site
    /// root, after the site's own.
    public var pageCSS: [String] = []
    public var pageJavaScript: [String] = []
    /// The page's last update and creation dates as the git-revision-date-localized plugin
    /// writes them (HTML: its `<span>`), when the site shows them.
    public var lastUpdatedHTML: String?
    public var createdHTML: String?

    public init(
        site: SiteView, title: String, description: String? = nil, canonicalURL: String? = nil,
        root: String = "", contentHTML: String, toc: [TocEntry] = [], sidebar: [SidebarItem] = [],
        previous: PageLink? = nil, next: PageLink? = nil, editURL: String? = nil
    ) {
        self.editURL = editURL
        self.site = site
        self.title = title
        self.description = description
        self.canonicalURL = canonicalURL
        self.root = root
        self.contentHTML = contentHTML
        self.toc = toc
        self.sidebar = sidebar
        self.previous = previous
        self.next = next
    }

    /// The `root` of a page written at `outputPath` (relative to the site root):
    /// `guide/install/index.html` → `../../`.
    public static func root(forOutputPath outputPath: String) -> String {
        let depth = outputPath.split(separator: "/", omittingEmptySubsequences: true).count - 1
        return String(repeating: "../", count: max(depth, 0))
    }
}
