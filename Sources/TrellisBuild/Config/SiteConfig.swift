import TrellisCore

/// The site-wide settings from `trellis.yml`, shared by every brand.
public struct SiteConfig: Sendable {
    public var siteName = "Documentation"
    public var siteDescription: String?
    /// The default base URL; a brand's own `site_url` wins.
    public var siteURL: String?
    /// The folder of Markdown guides, relative to the site root (or absolute).
    public var docsDir = "content"
    /// The output folder, relative to the site root (or absolute); each brand gets
    /// `<siteDir>/<brand>/`.
    public var siteDir = "site"
    /// Folders outside the project that symlinked pages, files and snippets may lead into,
    /// relative to the site root or absolute (`allow_symlinks_to`).
    public var allowSymlinksTo: [String] = []
    /// Whether each brand is written to its own subfolder of `siteDir` (false only for a
    /// single-brand MkDocs site, which is written to `siteDir` as MkDocs does).
    public var brandSubfolders = true
    public var copyright: String?
    /// MkDocs' `use_directory_urls`: `guide/install/` (true) or `guide/install.html` (false).
    public var directoryURLs = true
    public var language = "en"
    public var theme = ThemeSettings()
    /// The navigation as written, or nil to derive it from the folder tree.
    public var nav: [NavEntry]?
    public var brandsDir = "brands"
    /// Brand ids in the order given; empty means one default brand built from the site alone.
    public var brandIDs: [String] = []
    /// Variables every brand shares; a brand's `extra` deep-merges over them.
    public var extra = ValueMap()
    /// Where the site theme's path settings were written.
    public var settingPositions: [String: ConfigPosition] = [:]
    /// An `mkdocs.yml` this site builds on (`mkdocs: mkdocs.yml` in `trellis.yml`): its settings
    /// are the base, `trellis.yml` adds brands and overrides.
    public var mkdocsConfig: String?
    /// Markdown extensions beyond CommonMark, by their MkDocs names (`admonition`,
    /// `pymdownx.tabbed`, …).
    public var markdownExtensions: [String] = []
    /// The options given to extensions listed as `name: {options}` (as in `mkdocs.yml`).
    public var markdownExtensionOptions: [String: ValueMap] = [:]
    /// Dates of each page's last (and first) commit, shown on pages (`last_updated` in
    /// `trellis.yml`, the git-revision-date-localized plugin in `mkdocs.yml`); nil: none.
    public var revisionDates: RevisionDateSettings?
    /// Per-rule severity overrides (`off` drops a rule).
    public var ruleSeverities: [RuleID: Severity?] = [:]
    /// The config file, relative to the site root (for diagnostics).
    public var path = "trellis.yml"
    /// The search index and box: on by default; MkDocs' `search` plugin on an MkDocs site.
    public var search = SearchSettings()

    public init() {}
}

/// A place in a config file.
public struct ConfigPosition: Sendable, Equatable {
    public var path: String
    public var location: SourceLocation?
}

/// Look and feel settings; site-level ones are defaults for every brand.
public struct ThemeSettings: Sendable, Equatable {
    public var logo: String?
    public var favicon: String?
    public var primary: String?
    public var accent: String?
    /// A folder of template overrides, relative to the site root.
    public var templates: String?
    /// Material's `palette` as a list of schemes (a toggle switches between them); nil when
    /// not given, empty never. A single `palette` map is one scheme.
    public var palette: [PaletteSetting]?
    /// Material's `features` (`navigation.tabs`, `content.code.copy`, …).
    public var features: [String]?
    /// The header's repository link: `repo_url`, `repo_name` (MkDocs derives one from the
    /// host when not given) and the icon path (`theme.icon.repo`).
    public var repoURL: String?
    public var repoName: String?
    public var repoIcon: String?
    /// The footer's social links (Material's `extra.social`).
    public var social: [SocialSetting]?
    /// The header's icon when there is no `logo` (Material's `theme.icon.logo`, by default
    /// `material/library` on a Material site).
    public var logoIcon: String?

    public init() {}

    /// Whether a logo or favicon is an address used as written (`https://…`, `/img/logo.svg`),
    /// as Material's `url` filter leaves one, rather than a file of the site to copy.
    public static func isAddress(_ value: String) -> Bool {
        value.hasPrefix("/") || PythonPath.hasScheme(value)
    }

    /// Where the header and `<link rel="icon">` find a logo or favicon, relative to the site
    /// root: an address as written, a file at its copy in `assets/brand/`.
    static func outputURL(of value: String) -> String {
        isAddress(value) ? value : brandAssetPath(value)
    }

    /// Where a brand file (logo, favicon) is copied in the output: `assets/brand/<name>`.
    static func brandAssetPath(_ path: String) -> String {
        "assets/brand/" + (path.split(separator: "/").last.map(String.init) ?? path)
    }

    /// These settings with `other`'s set values on top.
    public func overlaid(with other: ThemeSettings) -> ThemeSettings {
        var result = self
        result.logo = other.logo ?? logo
        result.favicon = other.favicon ?? favicon
        result.primary = other.primary ?? primary
        result.accent = other.accent ?? accent
        result.templates = other.templates ?? templates
        result.palette = other.palette ?? palette
        result.features = other.features ?? features
        result.repoURL = other.repoURL ?? repoURL
        result.repoName = other.repoName ?? repoName
        result.repoIcon = other.repoIcon ?? repoIcon
        result.social = other.social ?? social
        result.logoIcon = other.logoIcon ?? logoIcon
        return result
    }
}

/// One entry of a configured navigation, MkDocs style.
public indirect enum NavEntry: Sendable, Equatable {
    /// A page by its path under the docs folder; the title defaults to the page's own.
    case page(title: String?, path: String, location: SourceLocation?)
    case section(title: String, children: [NavEntry])
    case link(title: String, url: String)

    /// The titles a configured nav gives its pages (`- Title: page.md`; the first, for a page
    /// listed twice): their titles before any other, as MkDocs gives them.
    static func titles(in entries: [NavEntry]) -> [String: String] {
        var titles: [String: String] = [:]
        var stack = Array(entries.reversed())
        while let entry = stack.popLast() {
            switch entry {
            case .page(let title?, let path, _): if titles[path] == nil { titles[path] = title }
            case .section(_, let children): stack += children.reversed()
            case .page, .link: break
            }
        }
        return titles
    }
}

/// One brand: its name, look, base URL and variables.
public struct Brand: Sendable {
    public var id: String
    public var name: String
    public var siteURL: String?
    public var theme = ThemeSettings()
    /// A folder of the brand's own icons (`<set>/<name>.svg`), relative to the site root.
    public var icons: String?
    /// Terms that must never appear in this brand's output.
    public var forbiddenTerms: [String] = []
    /// The brand's variables, already merged over the site's `extra`.
    public var extra = ValueMap()
    /// The brand file, relative to the site root (for diagnostics).
    public var path: String?
    /// Where each path-valued setting was written (`theme.logo`, `icons`, …), for diagnostics
    /// about the files they name.
    public var settingPositions: [String: ConfigPosition] = [:]
    /// The brand's version catalogue and walkthrough scenario (`upgrades:`), if it has one.
    public var upgrades: BrandUpgrades?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
