import Foundation
import TrellisCore

/// Thrown by a stage when the build cannot go on (the diagnostics are already emitted).
struct StopBuild: Error {
    var outcome: BuildOutcome
}

/// One site opened for building. `run` loads it (the site stages, once, into the frozen
/// `SiteState`), builds each selected brand (the brand stages, each into its `BrandState`),
/// runs the checks that need every brand and, in a build, swaps the staged output in, or
/// throws it all away when anything failed. `build`, `lint` and `render` all go through it.
///
/// The session is where rebuilding will live, without another redesign:
/// - The loaded site is one value (`site`), and each brand's result is one value per page
///   (`BrandState.pages`, kept in `brands` when `keepsBrands` is set). A preview keeps a session
///   open and, for a changed page, replaces its `SourcePage` in `site`, reruns the `PageStage`s
///   (`prepare` once, `update` on that record only) and then the stages after them for the
///   page and the pages that link to it (`UsageLedger`'s `linkedFrom`); a config change opens a
///   new session.
/// - A persistent cache keys a page's record by what `update` reads (the page's text, the
///   brand, the site settings) and fills records from it instead of running `update`.
final class BuildSession {
    let options: BuildOptions
    /// The loaded site; constant once the site stages ran.
    private(set) var site: SiteState
    /// Each built brand's state after its stages, in build order, when `keepsBrands` is set
    /// (a build lets each go once written: they hold every page's HTML).
    private(set) var brands: [BrandState] = []
    let keepsBrands: Bool
    /// What the site stages reported.
    private(set) var loadDiagnostics: [Diagnostic] = []
    /// What each site stage reported, by its name.
    private(set) var siteStageDiagnostics: [String: [Diagnostic]] = [:]
    private var report = BuildReport()
    private let clock = ContinuousClock()
    private let siteStages: [any SiteStage]
    private let brandStages: [any BrandStage]
    private let finalStages: [any SiteStage]

    init(options: BuildOptions, keepsBrands: Bool = false) {
        self.options = options
        self.keepsBrands = keepsBrands
        site = SiteState(options: options)
        siteStages = BuildPipeline.siteStages(for: options.mode)
        brandStages = BuildPipeline.brandStages(for: options.mode)
        finalStages = BuildPipeline.finalStages(for: options.mode)
    }

    private var writes: Bool { options.mode == .build }
    private var totalStages: Int { siteStages.count + brandStages.count + finalStages.count + (writes ? 1 : 0) }

    /// Runs every stage of the session's mode; `afterBrand` sees each brand's state once its
    /// stages ran.
    func run(afterBrand: (BrandState, SiteState) -> Void = { _, _ in }) -> BuildReport {
        let start = clock.now
        do {
            try loadSite()
            // A render shows one page as one brand has it: the first brand asked for.
            let selected = options.mode == .render ? Array(site.selectedBrands.prefix(1)) : site.selectedBrands
            for brand in selected {
                let state = try build(brand)
                report.pagesWritten[brand.id] = state.pagesWritten
                if keepsBrands { brands.append(state) }
                afterBrand(state, site)
            }
            try finishBrands()
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
        var result = report
        Self.finish(&result, site: site)
        result.sources = site.sources
        result.pageCount = site.pages.count
        result.milliseconds = SiteBuilder.milliseconds(clock.now - start)
        return result
    }

    /// The site stages, in order.
    func loadSite() throws {
        defer { loadDiagnostics = site.engine.diagnostics }
        for (i, stage) in siteStages.enumerated() {
            let mark = site.engine.count
            defer { siteStageDiagnostics[stage.name] = site.engine.diagnostics(from: mark) }
            try timed(stage.name, number: i + 1) { try stage.run(&site) }
        }
    }

    /// The brand stages for one brand, over the loaded site. They report into an engine of
    /// their own, so the brand's state says what they reported (`BrandState.reported`); the
    /// site's engine gets all of it.
    func build(_ brand: Brand) throws -> BrandState {
        var site = self.site
        site.engine = DiagnosticEngine(policy: self.site.engine.policy)
        var state = BrandState(brand: brand, all: site.brands, siteURL: site.config.siteURL)
        defer { self.site.engine.emit(contentsOf: site.engine.diagnostics) }
        for (i, stage) in brandStages.enumerated() {
            try timed("\(stage.name) · \(brand.id)", number: siteStages.count + i + 1) { try stage.run(&state, site: site) }
        }
        state.reported = site.engine.diagnostics
        return state
    }

    /// The checks that need every brand, then (in a build without errors) the output swap.
    func finishBrands() throws {
        for (i, stage) in finalStages.enumerated() {
            try timed(stage.name, number: siteStages.count + brandStages.count + i + 1) { try stage.run(&site) }
        }
        if site.engine.hasErrors { throw StopBuild(outcome: .failed) }
        if writes, let output = site.output {
            // A build of some brands keeps the others' current output.
            let partial = options.brands != nil || !options.brandFiles.isEmpty
            let built = Set(site.selectedBrands.map(\.id))
            try timed("swap output", number: totalStages) {
                try output.commit(keepingAllBut: partial ? built : nil)
            }
            site.output = nil
        }
    }

    /// Fills the report's diagnostics and, for lint, its outcome from what is reported.
    static func finish(_ report: inout BuildReport, site: SiteState) {
        report.diagnostics = ChangedPages.filter(site.engine.diagnostics, site: site)
        if site.options.mode == .lint, report.outcome != .unusable {
            report.outcome = report.diagnostics.contains { $0.severity == .error } ? .failed : .success
        }
    }

    private func timed(_ name: String, number: Int, _ body: () throws -> Void) rethrows {
        let stageStart = clock.now
        try body()
        let ms = SiteBuilder.milliseconds(clock.now - stageStart)
        report.timings.append((name, ms))
        let label = "[\(number)/\(totalStages)] \(name)"
        let padded = label.count < 40 ? label + String(repeating: " ", count: 40 - label.count) : label + " "
        let time = "\(Int(ms.rounded())) ms"
        let peak = ProcessPeakMemory.megabytes.map { "   peak \($0) MB" } ?? ""
        options.log?("\(padded)\(String(repeating: " ", count: max(0, 8 - time.count)))\(time)\(peak)")
    }
}
