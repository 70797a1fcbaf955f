import TrellisCore
import TrellisMarkdown

extension MarkdownSettings {
    /// The Markdown extensions a site enables (MkDocs' `markdown_extensions`). MkDocs always
    /// adds `toc`, `tables` and `fenced_code` to the site's list, and `extra` and
    /// `pymdownx.extra` stand for the extensions they bundle. Trellis sites always have
    /// smart punctuation; MkDocs sites when they list `smarty`.
    static func extensions(config: SiteConfig, mkdocs: MkDocsSettings?) -> Set<MarkdownExtension> {
        var names = (mkdocs?.markdownExtensions.map(\.name) ?? []) + config.markdownExtensions
        names.append(mkdocs == nil ? "smarty" : "tables")
        names += names.flatMap { MkDocsKnown.bundles[$0] ?? [] }
        var extensions = Set(names.compactMap(MarkdownExtension.init(mkdocsName:)))
        if mkdocs != nil { extensions.insert(.pythonMarkdownBlocks) }
        return extensions
    }

    /// How headings render: Trellis always adds permalinks; an MkDocs site only with `toc`'s
    /// `permalink` option (`true` for ¶, or the symbol to show), as MkDocs does.
    /// `pymdownx.tasklist`'s `custom_checkbox` and `clickable_checkbox` apply to task lists.
    static func renderer(mkdocs: MkDocsSettings?) -> HTMLRenderer {
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
}
