import TrellisCore
import TrellisMacros

/// A page's Markdown after macro expansion, with the map back to its file.
struct PageText: Sendable {
    var text: String
    var sourceMap: SourceMap
}

/// Stage: renders each page's macros with the brand's variables (in parallel).
struct ExpandMacros: BrandStage {
    let name = "expand macros"

    func run(_ state: BrandState, site: SiteState) throws {
        let brand = state.brand
        let configValue = Self.configValue(site.config, brand: brand)
        let results = ParallelMap.map(state.published) { index -> (PageText, [Diagnostic]) in
            let page = site.pages[index]
            guard let template = site.macroTemplates[index] else {
                let body = String(page.body)
                return (PageText(text: body, sourceMap: .identity(length: body.utf8.count, sourceOffset: page.bodyOffset)), [])
            }
            var context = brand.extra
            context["config"] = configValue
            context["page"] = Self.pageValue(page)
            let expansion = template.render(context: context)
            return (PageText(text: expansion.text, sourceMap: expansion.sourceMap), expansion.diagnostics)
        }
        state.expanded = results.map(\.0)
        site.engine.emit(contentsOf: results.flatMap(\.1))
    }

    /// `page.*`: title, url, meta (front matter), and the source path.
    static func pageValue(_ page: SourcePage) -> Value {
        .map(
            ValueMap([
                ("title", .string(page.title)),
                ("url", .string(page.url)),
                ("meta", .map(page.meta.values)),
                ("file", .string(page.path)),
                ("is_homepage", .bool(page.url.isEmpty)),
            ]))
    }

    /// `config.*`: the site settings as this brand sees them.
    static func configValue(_ config: SiteConfig, brand: Brand) -> Value {
        var map = ValueMap()
        map["site_name"] = .string(config.siteName)
        map["site_description"] = config.siteDescription.map(Value.string) ?? .null
        map["site_url"] = (brand.siteURL ?? config.siteURL).map(Value.string) ?? .null
        map["copyright"] = config.copyright.map(Value.string) ?? .null
        map["docs_dir"] = .string(config.docsDir)
        map["extra"] = .map(brand.extra)
        map["brand"] = .map(ValueMap([("id", .string(brand.id)), ("name", .string(brand.name))]))
        return .map(map)
    }
}
