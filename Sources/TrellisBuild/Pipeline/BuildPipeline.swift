import Foundation
import TrellisCore

/// A stage that runs once per build, before any brand.
protocol SiteStage: Sendable {
    /// The name shown in logs and timings.
    var name: String { get }
    /// Whether `trellis lint` runs it too.
    var runsInLint: Bool { get }
    /// Whether `trellis render` runs it: a stage that decides what a page's body is says so
    /// (a render's one-page site has no nav or other pages to check against, and writes nothing).
    var runsInRender: Bool { get }
    func run(_ site: SiteState) throws
}

extension SiteStage {
    var runsInLint: Bool { true }
    var runsInRender: Bool { false }
}

/// A stage that runs once per brand.
protocol BrandStage: Sendable {
    var name: String { get }
    /// Whether `trellis lint` runs it too (lint writes nothing).
    var runsInLint: Bool { get }
    /// Whether `trellis render` runs it (see `SiteStage.runsInRender`).
    var runsInRender: Bool { get }
    func run(_ brand: BrandState, site: SiteState) throws
}

extension BrandStage {
    var runsInLint: Bool { true }
    var runsInRender: Bool { false }
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
        }
    }

    static func siteStages(for mode: BuildMode) -> [any SiteStage] {
        switch mode {
        case .build: siteStages
        case .lint: siteStages.filter(\.runsInLint)
        case .render: siteStages.filter(\.runsInRender)
        }
    }

    static func finalStages(for mode: BuildMode) -> [any SiteStage] {
        switch mode {
        case .build: finalStages
        case .lint: finalStages.filter(\.runsInLint)
        case .render: finalStages.filter(\.runsInRender)
        }
    }
}

/// Thrown by a stage when the build cannot go on (the diagnostics are already emitted).
struct StopBuild: Error {
    var outcome: BuildOutcome
}

/// Runs the pipeline: site stages once, brand stages per brand, then swaps every brand's
/// output in, or throws all of it away when anything failed.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        run(options).report
    }

    /// Lints: the build's checks without writing anything, and with `checkExternalLinks`,
    /// every external http(s) link too.
    public static func lint(_ options: BuildOptions) async -> BuildReport {
        var options = options
        options.mode = .lint
        let clock = ContinuousClock()
        let start = clock.now
        var (report, site) = run(options)
        guard options.checkExternalLinks, report.outcome != .unusable else { return report }
        var external = ExternalLinkOptions()
        external.cacheURL = site.root.appending(path: ".trellis-cache/external-links.json")
        let diagnostics = await ExternalLinkChecker(options: external).check(site.externalLinks.sorted {
            ($0.path, $0.location, $0.url) < ($1.path, $1.location, $1.url)
        })
        site.engine.emit(contentsOf: diagnostics)
        finish(&report, site: site)
        report.milliseconds = milliseconds(clock.now - start)
        return report
    }

    /// Fills the report's diagnostics and, for lint, its outcome from what is reported.
    private static func finish(_ report: inout BuildReport, site: SiteState) {
        report.diagnostics = ChangedPages.filter(site.engine.diagnostics, site: site)
        if site.options.mode == .lint, report.outcome != .unusable {
            report.outcome = report.diagnostics.contains { $0.severity == .error } ? .failed : .success
        }
    }

    /// Runs the stages of `options.mode`; `afterBrand` sees each brand's state once its stages ran.
    static func run(
        _ options: BuildOptions, afterBrand: (BrandState, SiteState) -> Void = { _, _ in }
    ) -> (report: BuildReport, site: SiteState) {
        let clock = ContinuousClock()
        let start = clock.now
        let site = SiteState(options: options)
        var report = BuildReport()
        let siteStages = BuildPipeline.siteStages(for: options.mode)
        let brandStages = BuildPipeline.brandStages(for: options.mode)
        let finalStages = BuildPipeline.finalStages(for: options.mode)
        let writes = options.mode == .build
        let totalStages = siteStages.count + brandStages.count + finalStages.count + (writes ? 1 : 0)

        func timed(_ name: String, number: Int, _ body: () throws -> Void) rethrows {
            let stageStart = clock.now
            try body()
            let ms = milliseconds(clock.now - stageStart)
            report.timings.append((name, ms))
            let label = "[\(number)/\(totalStages)] \(name)"
            let padded = label.count < 40 ? label + String(repeating: " ", count: 40 - label.count) : label + " "
            let time = "\(Int(ms.rounded())) ms"
            let peak = ProcessPeakMemory.megabytes.map { "   peak \($0) MB" } ?? ""
            options.log?("\(padded)\(String(repeating: " ", count: max(0, 8 - time.count)))\(time)\(peak)")
        }

        do {
            for (i, stage) in siteStages.enumerated() {
                try timed(stage.name, number: i + 1) { try stage.run(site) }
            }
            // A render shows one page as one brand has it: the first brand asked for.
            let brands = options.mode == .render ? Array(site.selectedBrands.prefix(1)) : site.selectedBrands
            for brand in brands {
                let state = BrandState(brand: brand, all: site.brands, siteURL: site.config.siteURL)
                for (i, stage) in brandStages.enumerated() {
                    let number = siteStages.count + i + 1
                    try timed("\(stage.name) · \(brand.id)", number: number) { try stage.run(state, site: site) }
                }
                report.pagesWritten[brand.id] = state.pagesWritten
                afterBrand(state, site)
            }
            for (i, stage) in finalStages.enumerated() {
                let number = siteStages.count + brandStages.count + i + 1
                try timed(stage.name, number: number) { try stage.run(site) }
            }
            if site.engine.hasErrors { throw StopBuild(outcome: .failed) }
            if writes, let output = site.output {
                // A build of some brands keeps the others' current output.
                let partial = options.brands != nil || !options.brandFiles.isEmpty
                try timed("swap output", number: totalStages) {
                    try output.commit(keepingAllBut: partial ? Set(site.selectedBrands.map(\.id)) : nil)
                }
                site.output = nil
            }
        } catch let stop as StopBuild {
            report.outcome = stop.outcome
        } catch let error as DiagnosticError {
            site.engine.emit(contentsOf: error.diagnostics)
            report.outcome = .failed
        } catch {
            site.engine.emit(Diagnostic(.io, path: nil, at: nil, message: "\(error)"))
            report.outcome = .failed
        }
        if report.outcome != .success || site.engine.hasErrors {
            site.output?.discard()
            site.output = nil
            if report.outcome == .success { report.outcome = .failed }
        }
        finish(&report, site: site)
        report.sources = site.sources
        report.pageCount = site.pages.count
        report.milliseconds = milliseconds(clock.now - start)
        return (report, site)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
