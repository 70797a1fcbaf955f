import TrellisCore

/// Stage: checks every relative link, anchor and image of the brand's pages, after all pages
/// are rendered (the anchor index is a barrier).
struct CheckLinks: PageStage {
    let name = "check links"

    struct Context: Sendable {
        var resolver: LinkResolver
        /// Every page's anchors, by path: the barrier every page's check waits for.
        var ids: [String: Set<String>]
        var brand: String
        var outside: RuleID
    }

    func prepare(_ state: BrandState, site: SiteState) -> Context? {
        var ids: [String: Set<String>] = [:]
        for record in state.pages { ids[record.path] = record.rendered.ids }
        // MkDocs leaves a link out of the docs folder as written and reports it as a link;
        // nothing is read, so on an MkDocs site it is not the OutsideRoot error a file is.
        return Context(
            resolver: state.resolver, ids: ids, brand: state.brand.id, outside: site.isPlainMkDocs ? .brokenLink : .outsideRoot)
    }

    func update(_ record: inout PageRecord, context c: Context, site: SiteState) -> [Diagnostic] {
        let page = record.source
        return record.rendered.links.compactMap { link in
            Self.check(link, page: page, resolver: c.resolver, ids: c.ids, brand: c.brand, outside: c.outside)
        }
    }

    static func check(
        _ link: PageLink, page: SourcePage, resolver: LinkResolver, ids: [String: Set<String>], brand: String,
        outside: RuleID = .outsideRoot
    ) -> Diagnostic? {
        let path = page.file.path
        func error(_ id: RuleID, _ message: String) -> Diagnostic {
            Diagnostic(id, path: path, at: link.location, message: message)
        }
        switch resolver.resolve(link.destination, fromPage: page.path) {
        case .external, .file:
            return nil
        case .outsideRoot:
            return error(outside, "'\(link.destination)' points outside the docs folder")
        case .sameDocument(let fragment):
            guard let fragment, !fragment.isEmpty, let own = ids[page.path], !own.contains(fragment) else { return nil }
            return error(.missingAnchor, missingAnchor(fragment, in: "this page", ids: own))
        case .page(let target, let fragment):
            guard let fragment, !fragment.isEmpty, let theirs = ids[target], !theirs.contains(fragment) else {
                return nil
            }
            return error(.missingAnchor, missingAnchor(fragment, in: "'\(target)'", ids: theirs))
        case .excluded(let target, _):
            return Diagnostic(
                .excludedFileLink, path: path, at: link.location,
                message: "'\(link.destination)' links to '\(target)', which is excluded from the built site")
        case .unpublishedPage(let target):
            return error(.brokenLink, "'\(link.destination)' links to '\(target)', which is not published for brand '\(brand)'")
        case .missing(let target):
            var message = link.isImage
                ? "image '\(link.destination)' does not exist" : "'\(link.destination)' does not exist"
            let candidates = link.isImage ? resolver.staticFiles : resolver.pagePaths.union(resolver.staticFiles)
            if let hint = Suggestions.didYouMean(target, in: candidates) { message += "; \(hint)" }
            return error(link.isImage ? .missingImage : .brokenLink, message)
        }
    }

    static func missingAnchor(_ fragment: String, in place: String, ids: Set<String>) -> String {
        var message = "\(place) has no heading or id '\(fragment)'"
        if let hint = Suggestions.didYouMean(fragment, in: ids) { message += "; \(hint)" }
        return message
    }
}
