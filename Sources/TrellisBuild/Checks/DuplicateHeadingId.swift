import TrellisCore
import TrellisMarkdown

/// Two headings of a page with the same slug: the second gets `_1`, and a `#slug` link can
/// only ever reach the first.
struct DuplicateHeadingId: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var problems: [Diagnostic] = []
        for heading in subject.rendered.headings {
            let slug = HeadingSlugger.slugify(HeadingSlugger.collapseWhitespace(heading.text))
            if let first = seen[slug] {
                problems.append(
                    Diagnostic(
                        .duplicateHeadingId, .warning, path: subject.page.file.path, at: heading.location,
                        message: "heading '\(heading.text)' has the same id as an earlier heading ('\(first)'), so it gets '\(heading.id)'"
                    ))
            } else {
                seen[slug] = heading.id
            }
        }
        return problems
    }
}
