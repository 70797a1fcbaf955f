import Foundation
import TrellisCore

/// Stage: opens the build's staged output (see `SiteOutput`): takes the output lock, puts
/// back or removes what an interrupted build left beside `site_dir`, and creates the staging
/// folder. Lint never runs it, so lint never touches the output.
struct OpenOutput: SiteStage {
    let name = "open output"
    var runsInLint: Bool { false }
    var runsInPreview: Bool { false }

    func run(_ site: inout SiteState) throws {
        do {
            site.output = try SiteOutput(siteDir: site.siteDir, brandSubfolders: site.config.brandSubfolders)
        } catch {
            let position = site.config.settingPositions["site_dir"]
            site.engine.emit(
                Diagnostic(
                    .io, path: position?.path ?? site.config.path, at: position?.location,
                    message: "cannot prepare the output folder '\(site.config.siteDir)': \(error)"))
            throw StopBuild(outcome: .failed)
        }
    }
}
