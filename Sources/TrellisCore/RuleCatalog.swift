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

/// One kind of finding a rule reports at a severity of its own: the rule's other findings stop
/// the build, this one does not (a rate-limited external link may be fine), or the reverse.
/// It is reported under the rule's ID, so severity overrides and CI tools that group by ID
/// cover it; its severity is decided here, in the catalogue, as every rule's is.
public struct RuleVariant: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule whose ID the finding is reported under.
    public let rule: RuleID
    /// A stable name within the rule (`RateLimited`; `ExternalLink.RateLimited` in full).
    public let name: String
    public let defaultSeverity: Severity
    /// One sentence on what the finding is and why its severity differs from the rule's.
    public let summary: String

    init(_ rule: RuleID, _ name: String, _ defaultSeverity: Severity, _ summary: String) {
        self.rule = rule
        self.name = name
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }

    public var description: String { "\(rule).\(name)" }

    public static func == (a: RuleVariant, b: RuleVariant) -> Bool { a.rule == b.rule && a.name == b.name }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(name)
    }
}

extension RuleVariant {
    public static let rateLimitedExternalLink = RuleVariant(
        .externalLink, "RateLimited", .warning,
        "An external link still answers 429 (too many requests) after the retries: it may be fine, so this only warns.")
    public static let navFileMissingPage = RuleVariant(
        .navMissingPage, "NavFile", .warning,
        "A nav file of the awesome-pages or literate-nav plugin (`.pages`, `SUMMARY.md`) names a page that does not exist, or leads back into itself; the plugins warn and go on.")
    public static let ignoredConfigValue = RuleVariant(
        .configType, "Ignored", .warning,
        "A config value MkDocs or Material ignore (a wrong type, an unknown palette colour, a search separator that is not a regular expression); Trellis ignores it too and uses the default.")
    public static let unavailableInput = RuleVariant(
        .io, "Unavailable", .warning,
        "Something the build can do without cannot be read or written (git for --changed-since, the external link cache, git-revision-date's ignored commits file); the build goes on without it.")
    public static let duplicateSymlink = RuleVariant(
        .io, "DuplicateSymlink", .warning,
        "A symlink leads to a folder already published through another symlink; it is not followed, so those files are published once.")
    public static let themeSettingIcon = RuleVariant(
        .unknownIcon, "ThemeSetting", .warning,
        "A theme setting (a palette toggle, the repository icon) names an icon that does not exist; the theme's default icon is shown.")
    public static let uncheckedSnippet = RuleVariant(
        .missingSnippet, "Unchecked", .note,
        "On an MkDocs site, a snippet pymdownx.snippets leaves out without a word: a missing file or section when `check_paths` is off, a URL with `url_download` off, a snippet that includes itself.")
    public static let leftOutSnippet = RuleVariant(
        .missingSnippet, "LeftOut", .warning,
        "A snippet Trellis leaves out that the site may expect: a URL MkDocs would download (`url_download` without `check_paths`), or a snippet that includes itself on a Trellis site.")
    public static let renderExcludedPage = RuleVariant(
        .configType, "RenderExcluded", .warning,
        "`trellis render` was given a page the site's `exclude_docs` or `draft_docs` leave out: the build writes no page for it, so nothing is printed.")
    public static let renderOtherBrandPage = RuleVariant(
        .frontMatter, "RenderOtherBrand", .warning,
        "`trellis render` was given a page whose front matter's `brands` leave out the brand rendered: the build writes no page for it, so nothing is printed.")
    public static let redirectOverPage = RuleVariant(
        .outputCollision, "RedirectOverPage", .note,
        "A `redirect_maps` entry names a page the site has: the redirect page replaces that page's output, as mkdocs-redirects writes it.")
}

/// Every rule Trellis reports, with its stable ID and default severity, and the few findings
/// a rule reports at another severity (`variants`). The diagnostic engine takes every
/// diagnostic's severity from here; the site config's `validation` map overrides severities
/// by ID and `--strict` promotes warnings on top. Writers (SARIF) list the rules.
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

    /// The findings reported under a rule's ID at a severity of their own.
    public static let variants: [RuleVariant] = [
        .rateLimitedExternalLink, .navFileMissingPage, .ignoredConfigValue, .unavailableInput, .duplicateSymlink, .themeSettingIcon,
        .uncheckedSnippet, .leftOutSnippet, .renderExcludedPage, .renderOtherBrandPage, .redirectOverPage,
    ]

    private static let descriptors: [RuleID: RuleDescriptor] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The descriptor of `id`, if it is one of Trellis's rules.
    public static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        descriptors[id]
    }

    /// The severity of a finding of rule `id` (of `variant`, when the finding is one) before
    /// the site's overrides: an ID outside the catalogue is an error.
    public static func defaultSeverity(of id: RuleID, variant: RuleVariant? = nil) -> Severity {
        if let variant, variant.rule == id { return variant.defaultSeverity }
        return descriptors[id]?.defaultSeverity ?? .error
    }
}
