import TrellisCore

/// Stage: runs every registered check (pages in parallel) and records what the brand's pages
/// link to, for the checks that need every brand.
struct RunChecks: BrandStage {
    let name = "run checks"

    func run(_ state: BrandState, site: SiteState) throws {
        let resolver = state.resolver
        let collectExternal = site.options.checkExternalLinks
        let results = ParallelMap.map(Array(state.published.indices)) {
            i -> ([Diagnostic], Set<String>, Set<String>, Set<ExternalLinkReference>) in
            let page = site.pages[state.published[i]]
            let subject = PageUnderCheck(page: page, rendered: state.rendered[i], text: state.expanded[i])
            let diagnostics = CheckRegistry.pageChecks.flatMap { $0.check(subject, brand: state, site: site) }
            var files: Set<String> = [], pages: Set<String> = []
            for reference in RawReferences.all(in: subject) {
                switch resolver.resolve(reference, fromPage: page.path) {
                case .file(let path): files.insert(path)
                case .page(let path, _) where path != page.path: pages.insert(path)
                default: break
                }
            }
            var external: Set<ExternalLinkReference> = []
            if collectExternal {
                for link in subject.rendered.links where AbsoluteSiteLink.isHTTP(link.destination) {
                    external.insert(ExternalLinkReference(url: link.destination, path: page.file.path, location: link.location))
                }
            }
            return (diagnostics, files, pages, external)
        }
        site.engine.emit(contentsOf: results.flatMap(\.0))
        var linkedFrom: [String: Set<String>] = [:]
        for (i, result) in results.enumerated() {
            for target in result.2 { linkedFrom[target, default: []].insert(site.pages[state.published[i]].path) }
        }
        state.linkedFrom = linkedFrom
        site.recordUsage(
            files: results.reduce(into: Set<String>()) { $0.formUnion($1.1) }, linkedFrom: linkedFrom,
            external: results.reduce(into: Set<ExternalLinkReference>()) { $0.formUnion($1.3) })
        site.engine.emit(contentsOf: CheckRegistry.brandChecks.flatMap { $0.check(state, site: site) })
    }
}
