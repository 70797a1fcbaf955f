import Foundation
import TrellisCore

/// The commands' entry points: each opens a `BuildSession` on the site and runs the stages of
/// its mode.
public enum SiteBuilder {
    /// Builds every selected brand, then swaps their output in, or throws all of it away when
    /// anything failed.
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
        let diagnostics = await ExternalLinkChecker(options: external).check(site.usage.recorded.externalLinks.sorted {
            ($0.path, $0.location, $0.url) < ($1.path, $1.location, $1.url)
        })
        site.engine.emit(contentsOf: diagnostics)
        BuildSession.finish(&report, site: site)
        report.milliseconds = milliseconds(clock.now - start)
        return report
    }

    /// Runs the stages of `options.mode` in a new session; `afterBrand` sees each brand's state
    /// once its stages ran.
    static func run(
        _ options: BuildOptions, afterBrand: (BrandState, SiteState) -> Void = { _, _ in }
    ) -> (report: BuildReport, site: SiteState) {
        let session = BuildSession(options: options)
        let report = session.run(afterBrand: afterBrand)
        return (report, session.site)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
