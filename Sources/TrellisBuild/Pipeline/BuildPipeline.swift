import Foundation
import TrellisCore

/// A stage that runs once per build, before any brand: it fills in the site's state, which is
/// frozen once the site stages ran.
protocol SiteStage: Sendable {
    /// The name shown in logs and timings.
    var name: String { get }
    /// Whether `trellis lint` runs it too.
    var runsInLint: Bool { get }
    /// Whether `trellis render` runs it: a stage that decides what a page's body is says so
    /// (a render's one-page site has no nav or other pages to check against, and writes nothing).
    var runsInRender: Bool { get }
    /// Whether `trellis serve` runs it (every stage but those that touch `site_dir`).
    var runsInPreview: Bool { get }
    func run(_ site: inout SiteState) throws
}

extension SiteStage {
    var runsInLint: Bool { true }
    var runsInRender: Bool { false }
    var runsInPreview: Bool { true }
}

/// A stage that runs once per brand: it fills in the brand's state, reading the frozen site.
protocol BrandStage: Sendable {
    var name: String { get }
    /// Whether `trellis lint` runs it too (lint writes nothing).
    var runsInLint: Bool { get }
    /// Whether `trellis render` runs it (see `SiteStage.runsInRender`).
    var runsInRender: Bool { get }
    func run(_ brand: inout BrandState, site: SiteState) throws
}

extension BrandStage {
    var runsInLint: Bool { true }
    var runsInRender: Bool { false }
}

/// A brand stage whose work is page by page: what it needs of the brand is prepared once, then
/// each page's record is updated on its own (in parallel) and what was found is filed with the
/// page. A rebuild of some pages (a preview's) runs `update` for those pages only.
protocol PageStage: BrandStage {
    associatedtype Context: Sendable
    /// What every page's update needs; nil when the stage has nothing to do for this brand.
    func prepare(_ brand: BrandState, site: SiteState) -> Context?
    /// Updates one page's record; returns what it found wrong with the page.
    func update(_ page: inout PageRecord, context: Context, site: SiteState) -> [Diagnostic]
    /// Runs once every page is updated (by default, nothing).
    func finish(_ brand: inout BrandState, context: Context, site: SiteState)
}

extension PageStage {
    func finish(_ brand: inout BrandState, context: Context, site: SiteState) {}

    func run(_ brand: inout BrandState, site: SiteState) throws {
        guard let context = prepare(brand, site: site) else { return }
        let diagnostics = ParallelMap.update(&brand.pages) { record in update(&record, context: context, site: site) }
        brand.report(diagnostics, stage: name, to: site.engine)
        finish(&brand, context: context, site: site)
    }
}

/// The one ordered registry of build stages. Nothing else decides their order.
enum BuildPipeline {
    static let siteStages: [any SiteStage] = [
        LoadConfig(),
        OpenOutput(),
        DiscoverFiles(),
        ExcludeFiles(),
        LoadPages(),
        ResolveBlog(),
        ReadGitDates(),
        ParseMacros(),
    ]

    static let brandStages: [any BrandStage] = [
        PrepareBrand(),
        CheckOutputPaths(),
        ExpandMacros(),
        IncludeSnippets(),
        RenderMarkdown(),
        RenderBlogViews(),
        BuildNavigation(),
        CheckLinks(),
        ResolveCrossReferences(),
        RunChecks(),
        RenderTemplates(),
        IndexSearch(),
        CopyFiles(),
        WriteSitemap(),
        WriteRedirects(),
    ]

    /// Stages that run once after every brand: checks that need all brands' results.
    static let finalStages: [any SiteStage] = [
        CheckUnusedAssets()
    ]

    static func brandStages(for mode: BuildMode) -> [any BrandStage] {
        switch mode {
        case .build: brandStages
        case .lint: brandStages.filter(\.runsInLint)
        case .render: brandStages.filter(\.runsInRender)
        case .preview: brandStages
        }
    }

    static func siteStages(for mode: BuildMode) -> [any SiteStage] {
        switch mode {
        case .build: siteStages
        case .lint: siteStages.filter(\.runsInLint)
        case .render: siteStages.filter(\.runsInRender)
        case .preview: siteStages.filter(\.runsInPreview)
        }
    }

    static func finalStages(for mode: BuildMode) -> [any SiteStage] {
        switch mode {
        case .build: finalStages
        case .lint: finalStages.filter(\.runsInLint)
        case .render: finalStages.filter(\.runsInRender)
        case .preview: finalStages.filter(\.runsInPreview)
        }
    }
}
