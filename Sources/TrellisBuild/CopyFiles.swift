import Foundation
import TrellisCore
import TrellisTemplates

/// Stage: copies the docs folder's static files (with their relative layout), the theme's
/// assets and the brand's logo and favicon into the brand's output.
struct CopyFiles: BrandStage {
    let name = "copy files"
    var runsInLint: Bool { false }

    func run(_ state: BrandState, site: SiteState) throws {
        guard let output = state.output else { return }
        let brand = state.brand
        let overrides = brand.theme.templates.map { [site.root.appending(path: $0)] } ?? []
        do {
            for (path, data) in try ThemeRenderer.assets(overrides: overrides) {
                try output.write(data, to: path)
            }
        } catch let error as DiagnosticError {
            site.emitRelativeToRoot(error.diagnostics)
        }
        for path in [brand.theme.logo, brand.theme.favicon] {
            guard let path else { continue }
            let source = site.root.appending(path: path)
            // A missing logo or favicon is reported by the MissingAsset check.
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            try output.copy(from: source, to: Self.brandAssetPath(path))
        }
        if let customDir = site.customDir {
            // MkDocs copies the theme's static files first; the docs folder's win.
            let folder = site.root.appending(path: customDir.path)
            let docsFiles = site.staticFiles
            for path in customDir.staticFiles where !docsFiles.contains(path) {
                try output.copy(from: folder.appending(path: path), to: path)
            }
        }
        let docs = site.docsDir
        let failures = ParallelMap.map(site.files.staticFiles) { path -> Diagnostic? in
            do {
                try output.copy(from: docs.appending(path: path), to: path)
                return nil
            } catch {
                return Diagnostic(.io, path: site.config.docsDir + "/" + path, at: nil, message: "cannot copy the file: \(error)")
            }
        }
        site.engine.emit(contentsOf: failures.compactMap { $0 })
    }

    /// Where a brand file (logo, favicon) lands in the output: `assets/brand/<name>`.
    static func brandAssetPath(_ path: String) -> String {
        "assets/brand/" + (path.split(separator: "/").last.map(String.init) ?? path)
    }
}
