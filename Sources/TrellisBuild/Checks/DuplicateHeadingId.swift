import TrellisCore
import TrellisMarkdown

/// Two headings of a page with the same slug: the second gets `_1`, and a `#slug` link can
/// only ever reach the first.
struct DuplicateHeadingId: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        // Only a numbered id (`x_1`) can come from a duplicate: most pages need no slugging here.
        guard subject.rendered.headings.contains(where: { Self.isNumbered($0.id) }) else { return [] }
        var seen: [String: String] = [:]
        var problems: [Diagnostic] = []
        for heading in subject.rendered.headings {
            let slug = site.slugStyle.slugify(HeadingSlugger.collapseWhitespace(heading.text))
            if let first = seen[slug] {
                problems.append(
                    Diagnostic(
                        .duplicateHeadingId, path: subject.page.file.path, at: heading.location,
                        message: "heading '\(heading.text)' has the same id as an earlier heading ('\(first)'), so it gets '\(heading.id)'"
                    ))
            } else {
                seen[slug] = heading.id
            }
        }
        return problems
    }

    static func isNumbered(_ id: String) -> Bool {
        guard let underscore = id.lastIndex(of: "_") else { return false }
        let digits = id[id.index(after: underscore)...]
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
