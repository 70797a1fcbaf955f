import TrellisCore

/// A plugin or Markdown extension enabled in `mkdocs.yml`, with its options.
public struct MkDocsExtension: Sendable, Equatable {
    /// The name as Trellis knows it (`toc`, not `markdown.extensions.toc`).
    public var name: String
    public var options: ValueMap
    /// Where the name was written.
    public var location: SourceLocation?

    public init(name: String, options: ValueMap = ValueMap(), location: SourceLocation? = nil) {
        self.name = name
        self.options = options
        self.location = location
    }
}

/// The `mkdocs.yml` settings that have no place in `SiteConfig` yet, for the build to wire in.
public struct MkDocsSettings: Sendable {
    public var repoURL: String?
    public var repoName: String?
    /// The edit link path, relative to `repoURL` (MkDocs' `edit_uri`).
    public var editURI: String?
    /// Stylesheets and scripts, relative to the docs folder or absolute URLs.
    public var extraCSS: [String] = []
    public var extraJavaScript: [String] = []
    /// Material's `theme.features` (`navigation.indexes`, `content.code.copy`, …).
    public var features: [String] = []
    /// Material's `theme.icon` map (`repo`, `edit`, `logo`, admonition icons).
    public var icons = ValueMap()
    /// The theme's template overrides folder, relative to the site root.
    public var customDir: String?
    /// The theme name as written (`material`).
    public var themeName: String?
    /// Markdown extensions in the order written, known ones only.
    public var markdownExtensions: [MkDocsExtension] = []
    /// Plugins in the order written, known and enabled ones only; MkDocs' default is `search`.
    public var plugins: [MkDocsExtension] = [MkDocsExtension(name: "search")]
    public var strict = false
    public var devAddress: String?
    public var hooks: [String] = []
    public var watch: [String] = []
    /// `exclude_docs`, `draft_docs`, `not_in_nav` and the `exclude` plugin.
    var inclusion = DocsInclusion()

    public init() {}

    /// The enabled Markdown extension named `name`, if any, with the options MkDocs gives it:
    /// an extension listed twice keeps its last non-empty options (MkDocs' `mdx_configs`; the
    /// entry that gives them is the one found, for diagnostics), and
    /// `pymdownx.extra`/`extra` pass theirs to the extensions they bundle (`pymdownx.extra:
    /// {pymdownx.superfences: {…}}`), in the order written.
    public func markdownExtension(_ name: String) -> MkDocsExtension? {
        var found: MkDocsExtension?
        for entry in markdownExtensions {
            if entry.name == name {
                if found == nil || !entry.options.isEmpty { found = entry }
            } else if MkDocsKnown.bundles[entry.name]?.contains(name) == true, let bundled = entry.options[name]?.mapValue {
                if found == nil || !bundled.isEmpty { found = MkDocsExtension(name: name, options: bundled, location: entry.location) }
            }
        }
        return found
    }

    /// The enabled plugin named `name`, if any.
    public func plugin(_ name: String) -> MkDocsExtension? {
        plugins.first { $0.name == name }
    }

    /// The macros plugin's `on_undefined` (`keep`, `silent`, `strict`, `lax`), when set.
    public var macrosOnUndefined: String? {
        if case .string(let s)? = plugin("macros")?.options["on_undefined"] { return s }
        return nil
    }

    /// The redirects plugin's `redirect_maps`: old page path to new page path or URL.
    public var redirectMaps: [String: String] {
        guard case .map(let map)? = plugin("redirects")?.options["redirect_maps"] else { return [:] }
        var result: [String: String] = [:]
        for key in map.keys {
            if case .string(let target)? = map[key] { result[key] = target }
        }
        return result
    }

    /// Whether navigation comes from `.pages` files (the awesome-pages plugin).
    public var usesAwesomePages: Bool { plugin("awesome-pages") != nil }
}

/// The plugins and Markdown extensions Trellis runs now or will run, by MkDocs name.
enum MkDocsKnown {
    static let plugins: Set<String> = [
        "search", "macros", "awesome-pages", "redirects", "glightbox", "tags", "autorefs", "blog", "exclude", "literate-nav",
        "section-index", "git-revision-date-localized",
    ]
    /// Extensions that enable others (Python-Markdown's `extra`, pymdown-extensions' `extra`).
    static let bundles: [String: [String]] = {
        let extra = ["abbr", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables"]
        let pymdownExtra = [
            "pymdownx.betterem", "pymdownx.superfences", "footnotes", "attr_list", "def_list", "tables", "abbr", "md_in_html",
        ]
        return ["extra": extra, "markdown.extensions.extra": extra, "pymdownx.extra": pymdownExtra]
    }()

    static let markdownExtensions: Set<String> = [
        "admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "tables", "footnotes",
        "attr_list", "def_list", "pymdownx.tasklist", "toc", "smarty", "md_in_html", "pymdownx.emoji",
        "pymdownx.snippets", "pymdownx.highlight", "pymdownx.inlinehilite", "abbr", "meta", "fenced_code",
        "extra", "markdown.extensions.extra", "pymdownx.extra", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.caret",
        "pymdownx.tilde", "pymdownx.keys", "pymdownx.smartsymbols", "pymdownx.betterem", "pymdownx.arithmatex",
        "mdx_truly_sane_lists",
        "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab", "pymdownx.blocks.caption",
        "pymdownx.blocks.html", "pymdownx.blocks.definition",
    ]

    /// `markdown.extensions.toc` and `toc` are the same extension.
    static func extensionName(_ name: String) -> String {
        name.hasPrefix("markdown.extensions.") ? String(name.dropFirst("markdown.extensions.".count)) : name
    }
}
