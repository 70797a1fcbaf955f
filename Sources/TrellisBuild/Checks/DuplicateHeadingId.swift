import TrellisCore

/// Two headings of a page with the same slug: the second gets `_1`, and a `#slug` link can
/// only ever reach the first. The heading ids record each such collision as they are assigned.
struct DuplicateHeadingId: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        subject.rendered.headingIDCollisions.map { collision in
            let heading = collision.heading
            return Diagnostic(
                .duplicateHeadingId, path: subject.page.file.path, at: heading.location,
                message: "heading '\(heading.text)' has the same id as an earlier heading ('\(collision.earlierID)'), so it gets '\(heading.id)'"
            )
        }
    }
}
