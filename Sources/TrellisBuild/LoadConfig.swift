import Foundation
import TrellisCore

/// Stage: reads the site config and the brand files. Any error here makes the site unusable
/// (exit code 2): nothing else can be trusted without its config.
struct LoadConfig: SiteStage {
    let name = "load config"

    func run(_ site: SiteState) throws {
        let loader = ConfigLoader(root: site.root)
        let configURL = site.root.appending(path: site.options.configName)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            site.engine.emit(
                Diagnostic(
                    .io, path: nil, at: nil,
                    message: "no '\(site.options.configName)' in '\(site.root.path)' (run trellis in a site folder or pass --root)"
                ))
            throw StopBuild(outcome: .unusable)
        }
        let (config, brands, diagnostics) = loader.load(configName: site.options.configName)
        site.config = config
        site.brands = brands
        site.engine.overrides = config.ruleSeverities
        site.engine.emit(contentsOf: diagnostics)
        if let text = try? String(contentsOf: configURL, encoding: .utf8) {
            site.sources[config.path] = SourceFile(path: config.path, text: text)
        }
        for brand in brands {
            if let path = brand.path, let text = try? String(contentsOf: site.root.appending(path: path), encoding: .utf8) {
                site.sources[path] = SourceFile(path: path, text: text)
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw StopBuild(outcome: .unusable) }
        if let wanted = site.options.brands {
            let known = brands.map(\.id)
            for id in wanted where !known.contains(id) {
                var message = "unknown brand '\(id)'"
                if let hint = Suggestions.didYouMean(id, in: known) { message += "; \(hint)" }
                site.engine.emit(Diagnostic(.configType, path: config.path, at: nil, message: message))
                throw StopBuild(outcome: .unusable)
            }
        }
    }
}
