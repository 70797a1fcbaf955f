import Foundation
import TrellisCore
import TrellisIcons
import TrellisMacros
import TrellisMarkdown

/// Stage: renders each page's macros with the brand's variables (in parallel).
struct ExpandMacros: PageStage {
    let name = "expand macros"
    var runsInRender: Bool { true }

    /// What every page's expansion reads of the brand and the site.
    struct Context: Sendable {
        var variables: ValueMap
        var configValue: Value
        var undefined: UndefinedPolicy
        var python: PythonMacros?
        var superCollections: Set<String>
        var includes: MacroIncludeLibrary?
        var repository: RepositorySettings?
        /// The macros plugin puts a page's front matter over every other variable.
        var metaOnTop: Bool
        var titlePipeline: MarkdownPipeline?
        var navTitles: [String: String]
        var updateDate: String
    }

    func prepare(_ state: BrandState, site: SiteState) -> Context? {
        let brand = state.brand
        let macros = site.settings.macros
        // The macros plugin sets `extra`'s keys over its own variables one by one (a map in
        // `extra` replaces one of an `include_yaml` file); the upgrade model's values win over
        // hand-written ones of the same name.
        var builtins = site.macroBuiltins
        for (name, value) in brand.extra { builtins[name] = value }
        // The macros plugin puts a page's front matter over every other variable (`server:
        // true` is `{{ server }}`); Trellis pages read it as `page.meta.server`.
        let metaOnTop = macros.plugin != nil
        return Context(
            variables: builtins.merging(state.upgradeValues),
            configValue: Self.configValue(site.config, brand: brand, mkdocs: macros.mkdocsConfig),
            undefined: macros.undefined, python: site.macroPython, superCollections: Set(brand.extra.keys),
            includes: site.macroIncludes, repository: macros.repository, metaOnTop: metaOnTop,
            // The macros plugin gives `page.title` as written (MkDocs reads it before the plugin
            // renders the page); Trellis gives the title the page gets, its heading after macros.
            titlePipeline: metaOnTop ? nil : Self.titlePipeline(state, site: site),
            navTitles: Self.navTitles(site), updateDate: Sitemap.isoDay(site.buildDate))
    }

    func update(_ record: inout PageRecord, context c: Context, site: SiteState) -> [Diagnostic] {
        let page = record.source
        let dates = site.revisionDates[page.path]
        guard let template = site.macroTemplates[record.index] else {
            let body = String(page.body)
            if let dates, let replaced = RevisionDateVariables.replace(in: body, sourceOffset: page.bodyOffset, values: dates.markdownValues) {
                record.text = replaced
            } else {
                record.text = PageText(text: body, sourceMap: .identity(length: body.utf8.count, sourceOffset: page.bodyOffset))
            }
            return []
        }
        var context = c.variables
        context["config"] = c.configValue
        let navTitle = c.navTitles[page.path]
        context["page"] = Self.pageValue(page, title: navTitle, repository: c.repository, dates: dates, updateDate: c.updateDate)
        // The plugin replaces `{{ git_revision_date_localized }}` in the Markdown itself.
        for (name, value) in dates?.markdownValues ?? [:] { context[name] = .string(value) }
        var pagePython = c.python
        if c.metaOnTop {
            // The plugin's `page_variables.update(meta)`: key by key, maps replaced whole.
            for (name, value) in page.meta.values { context[name] = value }
            pagePython?.superCollections = c.superCollections.union(page.meta.values.keys)
        }
        var expansion = template.render(context: context, undefined: c.undefined, includes: c.includes, python: pagePython)
        if let titlePipeline = c.titlePipeline, navTitle == nil, page.meta.title == nil, template.mayRead("page") {
            // Rendered again only when the page reads its title and macros changed it.
            let title = page.title(heading: MarkdownPage.title(text: expansion.text, pipeline: titlePipeline))
            if title != page.title {
                context["page"] = Self.pageValue(page, title: title, repository: c.repository, dates: dates, updateDate: c.updateDate)
                expansion = template.render(context: context, undefined: c.undefined, includes: c.includes, python: pagePython)
            }
        }
        if c.metaOnTop, let error = expansion.pageError {
            // Jinja stops at the error and the plugin shows its error page instead.
            let text = Self.errorPage(error, page: page, diagnostics: expansion.diagnostics)
            var map = SourceMap()
            map.appendGenerated(sourceStart: page.bodyOffset, length: text.utf8.count)
            record.text = PageText(text: text, sourceMap: map)
        } else {
            record.text = PageText(text: expansion.text, sourceMap: expansion.sourceMap)
        }
        return expansion.diagnostics
    }

    func finish(_ state: inout BrandState, context: Context, site: SiteState) {
        site.engine.emit(contentsOf: context.includes?.diagnostics ?? [])
    }

    /// The page the macros plugin writes when a page's template raises (its `format_error`):
    /// the error, and where Python's traceback would be, Trellis's diagnostics.
    static func errorPage(_ error: String, page: SourcePage, diagnostics: [Diagnostic]) -> String {
        let type = error.prefix { $0 != ":" }
        let message = error.dropFirst(type.count + 2)
        let details = diagnostics.filter { $0.id == .pythonMacro || $0.id == .undefinedVariable }.map { d in
            let at = d.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
            return "\(d.path ?? page.path)\(at): \(d.message) [\(d.id)]"
        }
        return """
            # _Macro Rendering Error_

            _File_: `\(page.path)`

            _\(type)_: \(message)

            ```
            \((details + ["jinja2.exceptions.\(error)"]).joined(separator: "\n"))

            ```
            """
    }

    /// The titles the configured nav gives its pages (`- Title: page.md`), which are their
    /// titles before any other (see `BuildNavigation`), `page.title` included, as MkDocs gives
    /// them. Not with literate-nav, whose nav files are read later; not the blog's pages, which
    /// keep their own titles.
    static func navTitles(_ site: SiteState) -> [String: String] {
        guard let nav = site.config.nav, site.settings.navigation.literateNav == nil else { return [:] }
        return NavEntry.titles(in: nav).filter { site.blog?.owns($0.key) != true }
    }

    /// How `RenderMarkdown` parses the brand's pages, for the titles they get (links are not
    /// resolved: a heading's text does not depend on them).
    static func titlePipeline(_ state: BrandState, site: SiteState) -> MarkdownPipeline {
        site.settings.markdown.pipeline(icons: state.shortcodes(site: site), resolveLink: nil)
    }

    /// `page.*`: title (`title`, else the page's title as written), url, meta (front matter),
    /// the file (`fileValue`), and (for MkDocs sites with a repository) the edit URL.
    static func pageValue(
        _ page: SourcePage, title: String? = nil, repository: RepositorySettings? = nil, dates: PageRevisionDates? = nil,
        updateDate: String? = nil
    ) -> Value {
        var meta = page.meta.values
        // The git-revision-date-localized plugin's values (`page.meta.git_revision_date_localized`).
        for (key, value) in dates?.meta ?? [] { meta[key] = .string(value) }
        var map = ValueMap([
            ("title", .string(title ?? page.title)),
            ("url", .string(page.url)),
            ("meta", .map(meta)),
            ("file", fileValue(page)),
            ("is_homepage", .bool(page.isHomepage)),
        ])
        // MkDocs' `page.update_date`: the build date (nothing else sets it, the git plugin neither).
        if let updateDate { map["update_date"] = .string(updateDate) }
        if let editURL = repository?.editURL(for: page.path) {
            map["edit_url"] = .string(editURL)
        }
        return .map(map)
    }

    /// `page.file`: MkDocs' `File` as templates read it (`page.file.src_path`, `.dest_path`,
    /// `.url`, `.name`; the `_uri` forms are the same paths with `/`).
    static func fileValue(_ page: SourcePage) -> Value {
        let base = page.path.split(separator: "/").last.map(String.init) ?? page.path
        let name = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
        return .map(ValueMap([
            ("src_path", .string(page.path)), ("src_uri", .string(page.path)),
            ("dest_path", .string(page.outputPath)), ("dest_uri", .string(page.outputPath)),
            ("url", .string(page.url.isEmpty ? "./" : page.url)), ("name", .string(name)),
        ]))
    }

    /// `config.*`: the site settings as this brand sees them, then an MkDocs site's own
    /// (`MacroSettings.mkdocsConfig`).
    static func configValue(_ config: SiteConfig, brand: Brand, mkdocs: ValueMap? = nil) -> Value {
        var map = ValueMap()
        map["site_name"] = .string(config.siteName)
        map["site_description"] = config.siteDescription.map(Value.string) ?? .null
        map["site_url"] = (brand.siteURL ?? config.siteURL).map(Value.string) ?? .null
        map["copyright"] = config.copyright.map(Value.string) ?? .null
        map["docs_dir"] = .string(config.docsDir)
        map["extra"] = .map(brand.extra)
        map["brand"] = .map(ValueMap([("id", .string(brand.id)), ("name", .string(brand.name))]))
        for (key, value) in mkdocs ?? ValueMap() { map[key] = value }
        return .map(map)
    }
}
