import Foundation
import TrellisCore
import TrellisIcons

/// Stage: picks the brand's pages, loads its icons and opens its staging folder.
struct PrepareBrand: BrandStage {
    let name = "prepare brand"

    func run(_ state: BrandState, site: SiteState) throws {
        let brand = state.brand
        state.published = site.pages.indices.filter { site.pages[$0].isPublished(for: brand.id) }
        state.publishedPaths = Set(state.published.map { site.pages[$0].path })
        _ = state.resolver(site: site)
        if let upgrades = brand.upgrades {
            state.upgradeValues = UpgradeVariables.values(upgrades, on: site.buildDay)
        }
        if let icons = brand.icons {
            do {
                state.icons = try IconLibrary(overlays: [site.root.appending(path: icons)])
            } catch let error as DiagnosticError {
                site.emitRelativeToRoot(error.diagnostics)
            }
        }
        state.output = try site.output?.folder(for: brand.id)
    }
}
