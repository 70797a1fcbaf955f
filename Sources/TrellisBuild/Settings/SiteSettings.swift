import Foundation
import TrellisCore
import TrellisMacros

/// The settings the build stages read, made once by the config stage from `mkdocs.yml`,
/// `trellis.yml` and brand files (see `SiteSettings.adapt`). Each MkDocs plugin and extension
/// option Trellis honours has a typed field here, with MkDocs' (or the plugin's) default, so
/// no stage reads `mkdocs.yml`'s option maps.
struct SiteSettings: Sendable {
    /// Whether `mkdocs.yml` configures the site, on its own or under `trellis.yml`.
    var isMkDocs = false
    /// An MkDocs site built as MkDocs builds it: `mkdocs.yml` on its own, with no `trellis.yml`
    /// on top and no `--brand` files (see `SiteState.isPlainMkDocs`).
    var isPlainMkDocs = false
    /// How pages are parsed and rendered (the brand adds its directives).
    var markdown = MarkdownSettings()
    var macros = MacroSettings()
    /// `pymdownx.snippets`' options on an MkDocs site that lists it (nil: no snippets).
    var snippets: SnippetOptions?
    var navigation = NavigationSettings()
    var redirects = RedirectSettings()
    var templates = TemplateSettings()
    /// `exclude_docs`, `draft_docs`, `not_in_nav` and the `exclude` plugin (nil: a Trellis site
    /// builds every file it discovers).
    var inclusion: DocsInclusion?
    /// Material's `blog` plugin, the first if listed twice (nil: no blog).
    var blog: BlogOptions?
}

/// How pages' macros are expanded.
struct MacroSettings: Sendable {
    /// Whether macros are rendered at all, and on a page whose front matter has no
    /// `render_macros`. Trellis renders them on every page; a plain MkDocs site only with the
    /// macros plugin, then as its `render_by_default` says (default true).
    var enabled = true
    var renderByDefault = true
    /// What an undefined variable does: Trellis is strict; the macros plugin follows its
    /// `on_undefined` (default `keep`).
    var undefined: UndefinedPolicy = .strict
    /// The macros plugin's options, when the MkDocs site enables it.
    var plugin: MacrosPluginSettings?
    /// The MkDocs settings the `config` variable shows besides Trellis's own (`repo_url`,
    /// `theme`, …), in MkDocs' order; nil on a Trellis site.
    var mkdocsConfig: ValueMap?
    /// The repository `page.edit_url` links into (MkDocs sites only).
    var repository: RepositorySettings?
}

/// The options of the MkDocs macros plugin (mkdocs-macros-plugin 1.x) Trellis reads.
struct MacrosPluginSettings: Sendable, Equatable {
    /// One `include_yaml` entry: a file whose keys are merged in, or put under `key`.
    struct YAMLInclude: Sendable, Equatable {
        var key: String?
        var file: String
    }

    /// `include_dir`: where `{% include %}` looks (nil: the docs folder).
    var includeDir: String?
    /// `module_name`: the site's Python module (`main.py` or a `main/` package).
    var moduleName = "main"
    /// `modules`: installed pluglets.
    var modules: [String] = []
    /// `include_yaml`, in order.
    var includeYAML: [YAMLInclude] = []

    init() {}

    /// Reads the plugin's options; values of the wrong type are skipped, as the plugin skips them.
    init(options: ValueMap) {
        if case .string(let dir)? = options["include_dir"], !dir.isEmpty { includeDir = dir }
        if case .string(let name)? = options["module_name"], !name.isEmpty { moduleName = name }
        if case .list(let pluglets)? = options["modules"] {
            for case .string(let name) in pluglets { modules.append(name) }
        }
        if case .list(let entries)? = options["include_yaml"] {
            for entry in entries {
                switch entry {
                case .string(let path): includeYAML.append(YAMLInclude(key: nil, file: path))
                case .map(let map) where map.count == 1:
                    guard let only = map.first(where: { _ in true }), case .string(let path) = only.value else { continue }
                    includeYAML.append(YAMLInclude(key: only.key, file: path))
                default: continue
                }
            }
        }
    }
}

/// The site's source repository (MkDocs' `repo_url`, `repo_name`, `edit_uri`).
struct RepositorySettings: Sendable, Equatable {
    var url: String?
    var name: String?
    /// The edit link path, relative to `url`.
    var editURI: String?

    /// MkDocs' edit link: `edit_uri` (with a trailing slash) plus the page's path, resolved
    /// against `repo_url` as Python's `urljoin` does.
    func editURL(for path: String) -> String? {
        guard let editURI, !editURI.isEmpty else { return nil }
        let relative = (editURI.hasSuffix("/") ? editURI : editURI + "/") + path
        // MkDocs resolves against the repository URL as a folder.
        guard let repo = url, let base = URL(string: repo.hasSuffix("/") ? repo : repo + "/") else {
            return relative
        }
        return URL(string: relative, relativeTo: base)?.absoluteString ?? relative
    }
}

/// How a brand's navigation is made besides the configured `nav`: the MkDocs nav plugins and
/// Material's navigation features.
struct NavigationSettings: Sendable {
    /// mkdocs-literate-nav's options, when the site enables it.
    var literateNav: LiterateNav.Options?
    /// mkdocs-awesome-pages-plugin's options, when the site enables it.
    var awesomePages: AwesomePages.Options?
    /// mkdocs-section-index: sections become their first page.
    var sectionIndex = false
    /// Material's `navigation.indexes` feature.
    var materialIndexes = false
}

/// The redirects plugin's `redirect_maps`: old page path to new page path or URL.
struct RedirectSettings: Sendable, Equatable {
    var maps: [String: String] = [:]

    /// Each redirect's old page path and the output path its page is written to, in path
    /// order. A redirect from a published page is written over that page's output, as
    /// mkdocs-redirects does: it claims no path of its own.
    func pages(published: Set<String>, directoryURLs: Bool) -> [(from: String, outputPath: String)] {
        maps.keys.sorted().compactMap { from in
            published.contains(from) ? nil : (from, Self.outputPath(of: from, directoryURLs: directoryURLs))
        }
    }

    /// The URL of the redirect page from `from` (percent-encoded, for links).
    static func url(of from: String, directoryURLs: Bool) -> String {
        SourcePage.url(forPath: from, isIndex: SourcePage.hasIndexName(from), directoryURLs: directoryURLs)
    }

    /// The file the redirect page from `from` is written to (not encoded).
    static func outputPath(of from: String, directoryURLs: Bool) -> String {
        SourcePage.outputPath(forPath: from, isIndex: SourcePage.hasIndexName(from), directoryURLs: directoryURLs)
    }
}

/// What the theme's page templates show besides the pages and the brand's look.
struct TemplateSettings: Sendable {
    /// MkDocs' `extra_css` and `extra_javascript`, linked after the theme's own, relative to the
    /// site root or absolute.
    var extraCSS: [String] = []
    var extraJavaScript: [String] = []
    /// `toc`'s `title`: the table of contents' heading (Material's "Table of contents" when nil).
    var tocTitle: String?
    /// The repository edit buttons link into: only with Material's `content.action.edit`.
    var editLinks: RepositorySettings?
}
