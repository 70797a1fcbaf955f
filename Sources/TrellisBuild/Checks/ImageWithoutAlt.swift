import TrellisCore

/// An image without alternative text: screen readers announce nothing useful.
struct ImageWithoutAlt: PageCheck {
    func check(_ subject: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic] {
        subject.rendered.links.filter { $0.isImage && !$0.hasAltText }.map { image in
            Diagnostic(
                .imageWithoutAlt, path: subject.page.file.path, at: image.location,
                message: "image '\(image.destination)' has no alternative text")
        }
    }
}
