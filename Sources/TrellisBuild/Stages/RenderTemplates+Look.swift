import TrellisCore
import TrellisIcons
import TrellisTemplates

extension RenderTemplates {
    /// Material's default toggle icon, for a scheme whose `toggle` names none or an unknown one.
    static let defaultToggleIcon = "material/brightness-6"
    /// Material's default repository icon (`partials/source.html` in Material 9.8).
    static let defaultRepoIcon = "fontawesome/brands/git-alt"

    /// The typed look settings of a brand's theme, with icons looked up, for its `SiteView`:
    /// palette schemes, features, repository and social links. Unknown icon paths give a
    /// warning each (and no icon).
    static func applyLook(
        _ theme: ThemeSettings, to view: inout SiteView, icons: IconLibrary, configPath: String, into problems: inout [Diagnostic]
    ) {
        func icon(_ path: String?, fallback: String?, setting: String) -> String {
            if let path, !path.isEmpty {
                if let svg = icons.svg(path: path) { return svg }
                problems.append(
                    Diagnostic(.themeSettingIcon, path: configPath, at: nil, message: "\(setting): no icon '\(path)'"))
            }
            return fallback.flatMap { icons.svg(path: $0) } ?? ""
        }
        view.features = ThemeFeatures(material: theme.features ?? [])
        view.palette = (theme.palette ?? []).map { setting in
            PaletteScheme(
                scheme: setting.scheme ?? "default", primary: setting.primary ?? "indigo", accent: setting.accent ?? "indigo",
                media: setting.media,
                toggle: setting.hasToggle
                    ? PaletteToggle(
                        name: setting.toggleName ?? "",
                        iconSVG: icon(setting.toggleIcon, fallback: defaultToggleIcon, setting: "palette toggle"))
                    : nil)
        }
        if let url = theme.repoURL, !url.isEmpty {
            view.repository = RepositoryLink(
                url: url, name: theme.repoName ?? "", iconSVG: icon(theme.repoIcon, fallback: defaultRepoIcon, setting: "repository icon"))
        }
        // A brand's own logo file wins over the Material site's icon.
        if theme.logo == nil, let logoIcon = theme.logoIcon {
            view.logoIconSVG = icon(logoIcon, fallback: nil, setting: "logo icon")
        }
        view.social = (theme.social ?? []).map { link in
            SocialLink(url: link.link, title: link.title, iconSVG: icon(link.icon, fallback: nil, setting: "social link"))
        }
    }
}
