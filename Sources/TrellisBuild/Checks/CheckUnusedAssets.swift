import TrellisCore

/// Stage and rule: files in the docs folder that no page of any brand references. Only when
/// every brand was checked, since a file may serve one brand only.
struct CheckUnusedAssets: SiteStage {
    let name = "check unused assets"

    func run(_ site: inout SiteState) throws {
        guard site.options.brands == nil else { return }
        let used = site.usage.recorded.files
        for path in site.files.staticFiles where !used.contains(path) {
            site.engine.emit(
                Diagnostic(
                    .unusedAsset, path: site.config.docsDir + "/" + path, at: nil,
                    message: "no page references this file"))
        }
    }
}
