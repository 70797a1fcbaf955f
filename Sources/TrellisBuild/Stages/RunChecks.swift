import TrellisCore

/// Stage: runs every registered check (pages in parallel), records what each page references
/// (for the brand's link graph and the checks that need every brand), then runs the brand's
/// checks.
struct RunChecks: PageStage {
    let name = "run checks"

    struct Context: Sendable {
        /// The brand as the page checks see it: without its pages, which they see one by one
        /// (and which are updated while they run).
        var brand: BrandState
        var collectExternal: Bool
    }

    func prepare(_ state: BrandState, site: SiteState) -> Context? {
        var brand = state
        brand.pages = []
        return Context(brand: brand, collectExternal: site.options.checkExternalLinks)
    }

    func update(_ record: inout PageRecord, context: Context, site: SiteState) -> [Diagnostic] {
        let page = record.source
        let subject = PageUnderCheck(page: page, rendered: record.rendered, text: record.text)
        let diagnostics = CheckRegistry.pageChecks.flatMap { $0.check(subject, brand: context.brand, site: site) }
        for reference in RawReferences.all(in: subject) {
            switch context.brand.resolver.resolve(reference, fromPage: page.path) {
            case .file(let path): record.references.files.insert(path)
            case .page(let path, _) where path != page.path: record.references.pages.insert(path)
            default: break
            }
        }
        if context.collectExternal {
            for link in subject.rendered.links where AbsoluteSiteLink.isHTTP(link.destination) {
                record.references.external.insert(ExternalLinkReference(url: link.destination, path: page.file.path, location: link.location))
            }
        }
        return diagnostics
    }

    func finish(_ state: inout BrandState, context: Context, site: SiteState) {
        var linkedFrom: [String: Set<String>] = [:]
        var files: Set<String> = []
        var external: Set<ExternalLinkReference> = []
        for record in state.pages {
            for target in record.references.pages { linkedFrom[target, default: []].insert(record.path) }
            files.formUnion(record.references.files)
            external.formUnion(record.references.external)
        }
        state.linkedFrom = linkedFrom
        site.usage.record(files: files, linkedFrom: linkedFrom, external: external)
        state.brandCheckDiagnostics = CheckRegistry.brandChecks.flatMap { $0.check(state, site: site) }
        site.engine.emit(contentsOf: state.brandCheckDiagnostics)
    }
}
