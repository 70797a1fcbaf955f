import TrellisCore
import TrellisMarkdown

extension MarkdownSettings {
    /// The Markdown settings of a site's pages (part of `SiteSettings.adapt`), `toc`'s `title`,
    /// and warnings for options Trellis cannot honour.
    static func adapt(config: SiteConfig, mkdocs: MkDocsSettings?) -> (MarkdownSettings, tocTitle: String?, [Diagnostic]) {
        var settings = MarkdownSettings()
        var diagnostics: [Diagnostic] = []
        /// The options an extension is given: in `trellis.yml` if it gives any, else in
        /// `mkdocs.yml` (with MkDocs' rules for an extension listed twice or through
        /// `pymdownx.extra`).
        func options(_ name: String) -> ValueMap {
            if let own = config.markdownExtensionOptions[name] { return own }
            return mkdocs?.markdownExtension(name)?.options ?? ValueMap()
        }
        settings.extensions = extensions(config: config, mkdocs: mkdocs)
        settings.renderer = renderer(mkdocs)
        // Python-Markdown's `toc_depth` defaults to 6: MkDocs lists h1 to h6 (Material shows the
        // h1's children), where Trellis's own sites list h2 and h3.
        if mkdocs != nil { settings.tocLevels = 1...6 }
        var tocTitle: String?
        if let toc = mkdocs?.markdownExtension("toc") {
            diagnostics += applyTocOptions(toc.options, to: &settings, title: &tocTitle, configPath: config.path)
        }
        if let mkdocs {
            let (inline, problems) = InlineExtensionOptions.read(mkdocs, configPath: config.path)
            settings.inline = inline
            diagnostics += problems
        }
        // `pymdownx.highlight`'s and `pymdownx.superfences`' options; a custom fence whose format
        // is a Python function Trellis cannot run gives one warning (its blocks render as code).
        var unsupported: [String] = []
        settings.codeBlocks = CodeHighlightOptions(
            highlight: options("pymdownx.highlight"), superFences: options("pymdownx.superfences"), unsupported: &unsupported)
        let location = mkdocs?.markdownExtension("pymdownx.superfences")?.location
        diagnostics += unsupported.map { Diagnostic(.unsupportedPlugin, path: config.path, at: location, message: $0) }
        let (emoji, emojiProblems) = EmojiOptions.settings(
            mkdocs: mkdocs, trellisExtensions: config.markdownExtensions, configPath: config.path)
        settings.emoji = emoji
        diagnostics += emojiProblems
        settings.math = ArithmatexOptions(config: options("pymdownx.arithmatex"))
        settings.blocks = BlockSettings(options: options)
        diagnostics += applyTabbedOptions(options("pymdownx.tabbed"), to: &settings, configPath: config.path)
        return (settings, tocTitle, diagnostics)
    }

    /// The Markdown extensions the site enables (MkDocs' `markdown_extensions`). MkDocs always
    /// adds `toc`, `tables` and `fenced_code` to the site's list, and `extra` and
    /// `pymdownx.extra` stand for the extensions they bundle. Trellis sites always have
    /// smart punctuation and highlighted code blocks (`pymdownx.highlight` with
    /// `pymdownx.superfences`, as Material sites configure them); MkDocs sites when they list
    /// `smarty` and those.
    private static func extensions(config: SiteConfig, mkdocs: MkDocsSettings?) -> Set<MarkdownExtension> {
        var names = (mkdocs?.markdownExtensions.map(\.name) ?? []) + config.markdownExtensions
        names += mkdocs == nil ? ["smarty", "pymdownx.highlight", "pymdownx.superfences"] : ["tables"]
        names += names.flatMap { MkDocsKnown.bundles[$0] ?? [] }
        var extensions = Set(names.compactMap(MarkdownExtension.init(mkdocsName:)))
        if mkdocs != nil { extensions.insert(.pythonMarkdownBlocks) }
        if mkdocs?.plugin("autorefs") != nil { extensions.insert(.autorefs) }
        return extensions
    }

    /// How headings render: Trellis always adds permalinks; an MkDocs site only with `toc`'s
    /// `permalink` option (`true` for ¶, or the symbol to show), as MkDocs does.
    /// `pymdownx.tasklist`'s `custom_checkbox` and `clickable_checkbox` apply to task lists.
    private static func renderer(_ mkdocs: MkDocsSettings?) -> HTMLRenderer {
        guard let mkdocs else { return HTMLRenderer() }
        let tasks = mkdocs.markdownExtension("pymdownx.tasklist")?.options ?? ValueMap()
        var renderer = HTMLRenderer(
            permalinks: false, customTaskCheckboxes: tasks["custom_checkbox"] == .bool(true),
            clickableTaskCheckboxes: tasks["clickable_checkbox"] == .bool(true))
        switch mkdocs.markdownExtension("toc")?.options["permalink"] {
        case .bool(true)?:
            renderer.permalinks = true
        case .string(let symbol)?:
            renderer.permalinks = true
            renderer.permalinkSymbol = symbol
        default:
            break
        }
        return renderer
    }

    /// `pymdownx.tabbed`'s `slugify` (the functions `toc`'s may name), `combine_header_slug` and
    /// `separator`: tab ids as pymdownx makes them. A function Trellis does not know gives a
    /// warning and numbered ids.
    private static func applyTabbedOptions(_ options: ValueMap, to settings: inout MarkdownSettings, configPath: String) -> [Diagnostic] {
        guard let slugify = options["slugify"], slugify != .bool(false), slugify != .int(0), slugify != .null else { return [] }
        let (name, keywords) = HeadingSlugStyle.configuredFunction(slugify) ?? ("", [:])
        guard let style = HeadingSlugStyle(pythonName: name, keywords: keywords) else {
            let message = "pymdownx.tabbed: slugify '\(name)' is not supported; tabs get numbered ids (__tabbed_1_1)"
            return [Diagnostic(.unsupportedPlugin, path: configPath, at: nil, message: message)]
        }
        settings.tabSlugs = TabSlugOptions(
            style: style, combineHeaderSlug: options["combine_header_slug"] == .bool(true),
            separator: options["separator"]?.stringValue ?? "-")
        return []
    }

    /// `toc`'s `toc_depth` (`3` or `2-3`), `slugify` (Python-Markdown's or pymdownx's, with
    /// its `case`) and `title`, so ids and the TOC match what MkDocs wrote. Anything else gives a
    /// warning and Trellis's default.
    private static func applyTocOptions(
        _ options: ValueMap, to settings: inout MarkdownSettings, title: inout String?, configPath: String
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func warn(_ message: String) {
            problems.append(Diagnostic(.unsupportedPlugin, path: configPath, at: nil, message: message))
        }
        if let depth = options["toc_depth"] {
            let written: String
            switch depth {
            case .int(let n): written = String(n)
            case .string(let s): written = s
            default: written = ""
            }
            if let levels = HeadingIDRewriter.tocLevels(tocDepth: written) {
                settings.tocLevels = levels
            } else {
                warn("toc: toc_depth '\(written)' is not a level or a range such as 2-3; it is ignored")
            }
        }
        if let text = options["title"]?.stringValue, !text.isEmpty { title = text }
        if let slugify = options["slugify"] {
            let (name, keywords) = HeadingSlugStyle.configuredFunction(slugify) ?? ("", [:])
            if let style = HeadingSlugStyle(pythonName: name, keywords: keywords) {
                settings.slugStyle = style
            } else {
                warn("toc: slugify '\(name)' is not supported; headings get Python-Markdown's default ids")
            }
        }
        return problems
    }
}
