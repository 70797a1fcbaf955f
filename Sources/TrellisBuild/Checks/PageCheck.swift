import TrellisCore

/// What a check sees of one page of one brand.
struct PageUnderCheck: Sendable {
    let page: SourcePage
    let rendered: RenderedPage
    /// The expanded Markdown with its map back to the file.
    let text: PageText

    /// The file position of a UTF-8 offset in the expanded text.
    func location(ofExpandedOffset offset: Int) -> SourceLocation {
        page.file.location(ofUTF8Offset: text.sourceMap.sourceOffset(forOutputOffset: offset))
    }
}

/// One check rule over single pages, named after the problem it finds.
protocol PageCheck: Sendable {
    func check(_ page: PageUnderCheck, brand: BrandState, site: SiteState) -> [Diagnostic]
}

/// One check rule over a whole brand (the nav, the link graph, the brand's files).
protocol BrandCheck: Sendable {
    func check(_ brand: BrandState, site: SiteState) -> [Diagnostic]
}
