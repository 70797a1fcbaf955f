import Foundation
import TrellisCore
import TrellisTemplates

/// Stage: copies the docs folder's static files (with their relative layout), the theme's
/// assets and the brand's logo and favicon into the brand's output, as regular files, leaving
/// out what lost an output path to another source (see `OutputPlan`).
struct CopyFiles: BrandStage {
    let name = "copy files"
    var runsInLint: Bool { false }

    func run(_ state: inout BrandState, site: SiteState) throws {
        guard let output = state.output else { return }
        let plan = state.outputPlan
        do {
            let assets = try state.themeAssets ?? ThemeRenderer.assets(overrides: state.templateFolders)
            for (path, data) in assets where plan.keeps(.themeAsset, path) {
                try output.write(data, to: path)
            }
        } catch let error as DiagnosticError {
            site.emitRelativeToRoot(error.diagnostics)
        }
        for (key, path) in state.brandAssets where plan.keeps(.brandAsset, key) {
            try output.copy(from: site.root.appending(path: path), to: ThemeSettings.brandAssetPath(path))
        }
        if let customDir = site.customDir {
            // MkDocs copies the theme's static files first; the docs folder's win (see OutputPlan).
            let folder = site.root.appending(path: customDir.path)
            for path in customDir.staticFiles where plan.keeps(.customDir, path) {
                try output.copy(from: folder.appending(path: path), to: path)
            }
        }
        let docs = site.docsDir
        let failures = ParallelMap.map(site.files.staticFiles) { path -> Diagnostic? in
            guard plan.keeps(.staticFile, path) else { return nil }
            do {
                try output.copy(from: docs.appending(path: path), to: site.outputPath(ofStaticFile: path))
                return nil
            } catch {
                return Diagnostic(.io, path: site.config.docsDir + "/" + path, at: nil, message: "cannot copy the file: \(error)")
            }
        }
        site.engine.emit(contentsOf: failures.compactMap { $0 })
    }
}
