/// The Material for MkDocs `theme.features` the default theme honours, as flags.
///
/// Built once per site from the feature names (`navigation.tabs`, `content.code.copy`, …);
/// templates see each flag by name (`hasTabs`, `hasCodeCopy`, …) and the theme's script reads
/// the ones it acts on from `data-trellis-features` on `<body>`.
public struct ThemeFeatures: Sendable, Hashable {
    /// `navigation.tabs`: top-level sections as tabs under the header.
    public var tabs = false
    /// `navigation.tabs.sticky`: the tabs stay visible when scrolling.
    public var tabsSticky = false
    /// `navigation.sections`: top-level sections (below the tabs, with tabs) render as groups.
    public var sections = false
    /// `navigation.expand`: every section of the sidebar starts expanded.
    public var expand = false
    /// `navigation.path`: breadcrumbs above the title.
    public var path = false
    /// `navigation.top`: a back-to-top button.
    public var backToTop = false
    /// `navigation.footer`: previous and next page links in the footer.
    public var footerLinks = false
    /// `toc.integrate`: the table of contents inside the sidebar, under the page.
    public var tocIntegrate = false
    /// `toc.follow`: the table of contents scrolls to keep the current entry visible.
    public var tocFollow = false
    /// `content.code.copy`: a copy button on every code block.
    public var codeCopy = false
    /// `content.tabs.link`: content tabs with the same label switch together.
    public var tabsLink = false

    public init() {}

    /// The flags of Material feature names; names the theme does not act on are ignored.
    public init<Names: Sequence<String>>(material names: Names) {
        for name in names {
            switch name {
            case "navigation.tabs": tabs = true
            case "navigation.tabs.sticky": tabsSticky = true
            case "navigation.sections": sections = true
            case "navigation.expand": expand = true
            case "navigation.path": path = true
            case "navigation.top": backToTop = true
            case "navigation.footer": footerLinks = true
            case "toc.integrate": tocIntegrate = true
            case "toc.follow": tocFollow = true
            case "content.code.copy": codeCopy = true
            case "content.tabs.link": tabsLink = true
            default: break
            }
        }
    }

    /// The feature names the theme's script acts on, space-separated, in a fixed order.
    var scriptNames: String {
        [
            (tabsSticky && tabs, "navigation.tabs.sticky"), (backToTop, "navigation.top"), (tocFollow, "toc.follow"),
            (codeCopy, "content.code.copy"), (tabsLink, "content.tabs.link"),
        ].filter(\.0).map(\.1).joined(separator: " ")
    }
}

/// One colour scheme of Material's `theme.palette`: the first is the page's default, and a list
/// of several with `toggle`s gives a button in the header that cycles through them.
public struct PaletteScheme: Sendable, Hashable {
    /// `data-md-color-scheme`: `default`, `slate` or a site's own name.
    public var scheme: String
    /// `data-md-color-primary`: a Material colour name, or `custom` (the site's CSS decides).
    public var primary: String
    /// `data-md-color-accent`, likewise.
    public var accent: String
    /// The media query that selects this scheme when the reader has not chosen one
    /// (`(prefers-color-scheme: dark)`), if any.
    public var media: String?
    /// The toggle shown while this scheme is active (it switches to the next), if any.
    public var toggle: PaletteToggle?

    public init(scheme: String = "default", primary: String = "indigo", accent: String = "indigo", media: String? = nil, toggle: PaletteToggle? = nil) {
        self.scheme = scheme
        self.primary = primary
        self.accent = accent
        self.media = media
        self.toggle = toggle
    }
}

/// A palette toggle: its label and icon.
public struct PaletteToggle: Sendable, Hashable {
    /// The button's title (`Switch to dark mode`).
    public var name: String
    /// The icon's SVG markup (trusted: from the icon library), or empty.
    public var iconSVG: String

    public init(name: String, iconSVG: String) {
        self.name = name
        self.iconSVG = iconSVG
    }
}

/// The header's link to the site's repository (MkDocs' `repo_url` and `repo_name`).
public struct RepositoryLink: Sendable, Hashable {
    public var url: String
    public var name: String
    /// The icon's SVG markup (trusted: from the icon library), or empty.
    public var iconSVG: String

    public init(url: String, name: String, iconSVG: String) {
        self.url = url
        self.name = name
        self.iconSVG = iconSVG
    }
}

/// One of the footer's social links (Material's `extra.social`).
public struct SocialLink: Sendable, Hashable {
    public var url: String
    /// The link's title: its `name`, or the link's host.
    public var title: String
    /// The icon's SVG markup (trusted: from the icon library), or empty.
    public var iconSVG: String

    public init(url: String, title: String, iconSVG: String) {
        self.url = url
        self.title = title
        self.iconSVG = iconSVG
    }
}
