import TrellisCore

/// A link with nothing to click on (`[](setup.md)`).
struct EmptyLinkText: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        subject.rendered.emptyLinks.map { link in
            Diagnostic(
                .emptyLinkText, path: subject.page.file.path, at: link.location,
                message: "link to '\(link.destination)' has no text")
        }
    }
}
