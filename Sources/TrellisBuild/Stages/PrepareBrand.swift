import Foundation
import TrellisCore
import TrellisIcons

/// Stage: picks the brand's pages, checks the files and folders its settings name (logo,
/// favicon, templates, icons) stay inside the project, loads its icons and opens its folder in
/// the staged output.
struct PrepareBrand: BrandStage {
    let name = "prepare brand"
    var runsInRender: Bool { true }

    func run(_ state: inout BrandState, site: SiteState) throws {
        let brand = state.brand
        state.pages = site.pages.indices.filter { site.pages[$0].isPublished(for: brand.id) }.map {
            PageRecord(index: $0, source: site.pages[$0])
        }
        state.publishedPaths = Set(state.pages.map(\.path))
        state.resolver = LinkResolver(brand: state, site: site)
        if let upgrades = brand.upgrades {
            state.upgradeValues = UpgradeVariables.values(upgrades, on: site.buildDay)
        }
        for (key, path) in [("theme.logo", brand.theme.logo), ("theme.favicon", brand.theme.favicon)] {
            // A missing one is reported by MissingAsset; an address is used as written.
            guard let path, !ThemeSettings.isAddress(path),
                FileManager.default.fileExists(atPath: site.root.appending(path: path).path)
            else { continue }
            if Self.isInsideProject(path, key: key, state: state, site: site) { state.brandAssets.append((key, path)) }
        }
        if let templates = brand.theme.templates, Self.isInsideProject(templates, key: "theme.templates", state: state, site: site) {
            state.templateFolders = [site.root.appending(path: templates)]
        }
        if let icons = brand.icons, Self.isInsideProject(icons, key: "icons", state: state, site: site) {
            do {
                state.icons = try IconLibrary(overlays: [site.root.appending(path: icons)])
            } catch let error as DiagnosticError {
                site.emitRelativeToRoot(error.diagnostics)
            }
        }
        state.walkthrough = WalkthroughBlock(brand: brand, icons: state.icons)
        state.output = site.options.mode == .preview ? MemoryOutput() : try site.output?.folder(for: brand.id)
    }

    /// Whether the file or folder a brand setting names, and every symlink below it, stays
    /// inside the project; reports what does not. A missing one is left to the code that reads
    /// it and to `MissingAsset`.
    private static func isInsideProject(_ path: String, key: String, state: BrandState, site: SiteState) -> Bool {
        let url = site.root.appending(path: path)
        switch site.project.follow(url.path) {
        case .outside(let target):
            let position = state.brand.settingPositions[key]
            site.engine.emit(
                Diagnostic(
                    .outsideRoot, path: position?.path ?? state.brand.path ?? site.config.path, at: position?.location,
                    message: "'\(path)' (\(key) of brand '\(state.brand.id)') leads to '\(target)', outside the project "
                        + "folder; it is not used (list the target in 'allow_symlinks_to' to use it)"))
            return false
        case .missing:
            return true
        case .loop:
            site.engine.emit(LinkProblem.loop(link: path, target: nil).diagnostic(in: ""))
            return false
        case .inside(let real):
            var info = stat()
            guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return true }
            let problems = FileTree.files(under: url.path, within: site.project).problems
            site.engine.emit(contentsOf: problems.map { $0.diagnostic(in: path) })
            return problems.isEmpty
        }
    }
}
