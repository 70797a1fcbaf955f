import Foundation
import TrellisCore

/// A brand setting that names a file or folder that is not there: a logo, a favicon, a
/// template folder, an icon folder.
struct MissingAsset: BrandCheck {
    func check(_ state: BrandState, site: SiteState) -> [Diagnostic] {
        let brand = state.brand
        let settings: [(key: String, value: String?)] = [
            ("theme.logo", brand.theme.logo), ("theme.favicon", brand.theme.favicon),
            ("theme.templates", brand.theme.templates), ("icons", brand.icons),
            ("theme.custom_dir", site.customDir?.path),
        ]
        return settings.compactMap { setting in
            guard let value = setting.value,
                !(setting.key == "theme.logo" || setting.key == "theme.favicon") || !ThemeSettings.isAddress(value),
                !FileManager.default.fileExists(atPath: site.root.appending(path: value).path)
            else { return nil }
            let position = brand.settingPositions[setting.key]
            return Diagnostic(
                .missingAsset, path: position?.path ?? brand.path ?? site.config.path, at: position?.location,
                message: "'\(value)' (\(setting.key) of brand '\(brand.id)') does not exist")
        }
    }
}
