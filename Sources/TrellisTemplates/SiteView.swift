/// What every page of one brand's site shares: names, brand assets, colours, footer text.
///
/// Build it once per brand and put it in each `PageView`. URLs of brand files (`logoURL`,
/// `faviconURL`, `extraCSS`, …) are relative to the site root (`assets/logo.svg`) and rendered
/// relative to each page, so the site works under any base path and from `file://`; absolute
/// URLs (`https://…`) are kept as they are.
public struct SiteView: Sendable, Hashable {
    /// `site_name`: the `<title>` suffix.
    public var siteName: String
    /// The brand's display name, shown in the header next to the logo.
    public var brandName: String
    public var logoURL: String?
    public var faviconURL: String?
    /// The header colour; any value, sanitised when rendered (`ThemeColor.sanitize`).
    public var primaryColor: String?
    /// The link and highlight colour; sanitised likewise.
    public var accentColor: String?
    /// The footer's copyright notice, HTML (as in MkDocs, `&copy;` and links are allowed).
    public var copyrightHTML: String?
    /// The `lang` of `<html>`.
    public var language: String
    /// The `generator` meta tag ("Trellis 1.0").
    public var generator: String
    /// Where the header's brand link goes, relative to the site root. `index.html` rather than
    /// `./` so it works from `file://` too.
    public var homeURL: String
    /// `extra_css`: stylesheets linked after the theme's.
    public var extraCSS: [String]
    /// `extra_javascript`: scripts loaded after the theme's.
    public var extraJavaScript: [String]
    /// CSS put in `<style>` elements after `extraCSS` (a site theme's own, trusted as
    /// `extra_css` is).
    public var inlineCSS: [String] = []
    /// Material's `theme.palette`: the colour schemes, the first the default; empty for one
    /// default scheme. Several with toggles give the header a button switching between them.
    public var palette: [PaletteScheme] = []
    /// Material's `theme.features` the theme honours.
    public var features = ThemeFeatures()
    /// The header's repository link (`repo_url`), if any.
    public var repository: RepositoryLink?
    /// The table of contents' heading (`toc`'s `title`, as Material takes it).
    public var tocTitle = "Table of contents"
    /// The header's icon (SVG markup, trusted: from the icon library) when there is no logo.
    public var logoIconSVG: String?
    /// The footer's social links (`extra.social`).
    public var social: [SocialLink] = []
    /// Whether the brand has a search index (`search/index.js`), so the theme shows a search box.
    public var hasSearch = false

    public init(
        siteName: String, brandName: String? = nil, logoURL: String? = nil, faviconURL: String? = nil,
        primaryColor: String? = nil, accentColor: String? = nil, copyrightHTML: String? = nil,
        language: String = "en", generator: String = "Trellis", homeURL: String = "index.html",
        extraCSS: [String] = [], extraJavaScript: [String] = []
    ) {
        self.siteName = siteName
        self.brandName = brandName ?? siteName
        self.logoURL = logoURL
        self.faviconURL = faviconURL
        self.primaryColor = primaryColor
        self.accentColor = accentColor
        self.copyrightHTML = copyrightHTML
        self.language = language
        self.generator = generator
        self.homeURL = homeURL
        self.extraCSS = extraCSS
        self.extraJavaScript = extraJavaScript
    }
}
