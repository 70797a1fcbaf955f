/// What a rule checks, and how serious its findings are unless the site config says otherwise.
public struct RuleDescriptor: Sendable, Hashable {
    public var id: RuleID
    public var defaultSeverity: Severity
    /// One sentence on what the rule finds.
    public var summary: String

    public init(_ id: RuleID, _ defaultSeverity: Severity, _ summary: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }
}

extension RuleID {
    public static let pageNotInNav: RuleID = "PageNotInNav"
    public static let orphanPage: RuleID = "OrphanPage"
    public static let missingAsset: RuleID = "MissingAsset"
    public static let unusedAsset: RuleID = "UnusedAsset"
    public static let absoluteSiteLink: RuleID = "AbsoluteSiteLink"
    public static let duplicateHeadingId: RuleID = "DuplicateHeadingId"
    public static let imageWithoutAlt: RuleID = "ImageWithoutAlt"
    public static let emptyLinkText: RuleID = "EmptyLinkText"
    public static let brandLeak: RuleID = "BrandLeak"
    public static let externalLink: RuleID = "ExternalLink"
    public static let unsupportedPlugin: RuleID = "UnsupportedPlugin"
    public static let missingSnippet: RuleID = "MissingSnippet"
    public static let staleVersion: RuleID = "StaleVersion"
    public static let directiveError: RuleID = "DirectiveError"
    public static let macroLimit: RuleID = "MacroLimit"
    public static let outputCollision: RuleID = "OutputCollision"
    public static let nestingLimit: RuleID = "NestingLimit"
    public static let duplicateKey: RuleID = "DuplicateKey"
    public static let blogPost: RuleID = "BlogPost"
    public static let excludedFileLink: RuleID = "ExcludedFileLink"
    public static let pythonMacro: RuleID = "PythonMacro"
    public static let blockSyntax: RuleID = "BlockSyntax"
}

/// Every rule Trellis reports, with its stable ID and default severity. Writers (SARIF) list
/// them; the site config's `validation` map overrides severities by ID.
public enum RuleCatalog {
    public static let all: [RuleDescriptor] = [
        RuleDescriptor(.brokenLink, .error, "A relative link points to a page or file that does not exist for this brand."),
        RuleDescriptor(.missingAnchor, .error, "A link's #fragment is not a heading id or explicit id of the target page."),
        RuleDescriptor(.missingImage, .error, "An image points to a file that does not exist."),
        RuleDescriptor(.missingAsset, .error, "A theme or brand asset (logo, favicon) does not exist."),
        RuleDescriptor(.outsideRoot, .error, "A reference leaves the docs folder."),
        RuleDescriptor(.undefinedVariable, .error, "A macro names a variable or attribute that is not defined."),
        RuleDescriptor(.unknownFilter, .error, "A macro uses a filter that does not exist."),
        RuleDescriptor(.macroSyntax, .error, "A macro tag is malformed or unterminated."),
        RuleDescriptor(.macroType, .error, "A macro applies an operation to values of the wrong type."),
        RuleDescriptor(.unknownIcon, .error, "An icon shortcode names an icon that does not exist."),
        RuleDescriptor(.navMissingPage, .error, "A nav entry names a page that does not exist."),
        RuleDescriptor(.pageNotInNav, .warning, "A page is not listed in the configured nav."),
        RuleDescriptor(.orphanPage, .warning, "No page links to this page and the nav does not list it."),
        RuleDescriptor(.unusedAsset, .warning, "A file in the docs folder is not referenced by any page."),
        RuleDescriptor(.absoluteSiteLink, .warning, "A link to the site's own domain should be relative."),
        RuleDescriptor(.duplicateHeadingId, .warning, "Two headings on a page have the same text, so one gets a numbered id."),
        RuleDescriptor(.imageWithoutAlt, .warning, "An image has no alternative text."),
        RuleDescriptor(.emptyLinkText, .warning, "A link has no text."),
        RuleDescriptor(.brandLeak, .error, "A brand's output names another brand or a term the brand forbids."),
        RuleDescriptor(.externalLink, .error, "An external link does not answer successfully (checked with --external)."),
        RuleDescriptor(.frontMatter, .error, "A page's front matter is malformed."),
        RuleDescriptor(.invalidEncoding, .error, "A file is not valid UTF-8."),
        RuleDescriptor(.configSyntax, .error, "A config file is not valid YAML."),
        RuleDescriptor(.configType, .error, "A config value has the wrong type or an invalid value."),
        RuleDescriptor(.unknownConfigKey, .warning, "A config file has a key Trellis does not know."),
        RuleDescriptor(.unsupportedPlugin, .warning, "An MkDocs plugin or Markdown extension Trellis does not support; it is ignored."),
        RuleDescriptor(.templateError, .error, "A theme template is malformed or cannot render."),
        RuleDescriptor(.io, .error, "A file cannot be read or written."),
        // New rules go last, so SARIF rule indices of existing ones stay put.
        RuleDescriptor(.missingSnippet, .error, "A `--8<--` snippet or a `{% include %}` names a file (or a snippet section) that does not exist, or a URL snippet Trellis does not download."),
        RuleDescriptor(
            .staleVersion, .warning,
            "A guide names a Kubernetes version the brand's catalogue does not offer or marks expired, or an upgrade that skips a minor version."),
        RuleDescriptor(.directiveError, .error, "A directive block (```walkthrough) cannot be rendered for this brand."),
        RuleDescriptor(
            .macroLimit, .error,
            "A macro would build a value larger than Trellis allows, or a page's macros would do more work than it allows."),
        RuleDescriptor(
            .outputCollision, .error,
            "Two sources are written to the same output path (or one to a path another needs as a folder), so one would be lost."),
        RuleDescriptor(
            .nestingLimit, .error,
            "Containers are nested deeper than Trellis renders (64 levels, 32 for `markdown` HTML and definition lists, and bodies copying at most 8 times the page); the deeper ones stay plain Markdown."),
        RuleDescriptor(
            .duplicateKey, .warning,
            "A map in an MkDocs config, front matter or .pages file gives a key twice; the last value is used, as MkDocs (PyYAML) reads it."),
        RuleDescriptor(
            .blogPost, .error,
            "A post of Material's blog plugin has no front matter, or its metadata (`date`, `categories`, `authors`, `draft`, …) is missing or of the wrong type; Material stops the build."),
        RuleDescriptor(
            .excludedFileLink, .note,
            "A link or nav entry names a docs file that MkDocs' exclude_docs or draft_docs leave out of the site."),
        RuleDescriptor(
            .pythonMacro, .error,
            "A macro calls a function of the site's Python module (the macros plugin's `module_name` or `modules`), which Trellis cannot run."),
        RuleDescriptor(
            .blockSyntax, .warning,
            "A `///` block names a type no enabled pymdownx.blocks extension has, or gives an argument or options pymdownx rejects; it stays text, as pymdownx leaves it."),
    ]

    /// The descriptor of `id`, if it is one of Trellis's rules.
    public static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
