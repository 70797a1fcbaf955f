/// What templates see of Material's look on a page: colour attributes, palette toggle, tabs,
/// breadcrumbs, repository and social links. Part of `PageContext`; names listed there.
struct MaterialLook {
    struct PaletteOption {
        let index: Int
        let next: Int
        let scheme: String
        let primary: String
        let accent: String
        let media: String
        let hasToggle: Bool
        let toggleName: String
        let toggleIcon: String
        let isFirst: Bool
    }

    struct Tab {
        let title: String
        let href: String
        let isActive: Bool
    }

    struct Social {
        let href: String
        let title: String
        let icon: String
    }

    let colorScheme: String
    let colorPrimary: String
    let colorAccent: String
    /// Declarations for `:root` setting Material's variables to a colour that is not one of
    /// its names (a brand's `#0b4f6c`); only sanitised colours, so safe in a `<style>`.
    let customColorCSS: String
    let paletteOptions: [PaletteOption]
    let hasPaletteToggle: Bool
    let featureNames: String
    let tabs: [Tab]
    let hasStickyTabs: Bool
    let path: [PageContext.Link]
    let hasBackToTop: Bool
    let repoURL: String
    let repoName: String
    let repoIcon: String
    let hasRepo: Bool
    let social: [Social]
    let inlineStyles: [InlineStyle]
    let logoIcon: String
    let tocTitle: String

    struct InlineStyle {
        let css: String
    }

    init(_ page: PageView, href: (String) -> String) {
        let site = page.site
        let features = site.features
        let first = site.palette.first
        // A brand's own colour wins over every scheme's; Material's names stay names so the
        // palette's rules (and the slate scheme's link colours) apply.
        let ownPrimary = Self.colour(site.primaryColor, table: MaterialPalette.primary)
        let ownAccent = Self.colour(site.accentColor, table: MaterialPalette.accent)
        let primary = ownPrimary ?? first.map { Self.colour($0.primary) }
        let accent = ownAccent ?? first.map { Self.colour($0.accent) }
        colorScheme = first.map { Self.attribute($0.scheme) } ?? ""
        colorPrimary = primary?.name ?? ""
        colorAccent = accent?.name ?? ""
        var css = ""
        if let hex = primary?.custom {
            let text = ThemeColor.readableText(on: hex)
            css += "--md-primary-fg-color:\(hex);--md-primary-fg-color--light:color-mix(in srgb,\(hex) 80%,#fff);"
            css += "--md-primary-fg-color--dark:color-mix(in srgb,\(hex) 80%,#000);--md-primary-bg-color:\(text);"
            css += "--md-primary-bg-color--light:color-mix(in srgb,\(text) 70%,transparent);"
        }
        if let hex = accent?.custom {
            let text = ThemeColor.readableText(on: hex)
            css += "--md-accent-fg-color:\(hex);--md-accent-fg-color--transparent:color-mix(in srgb,\(hex) 10%,transparent);"
            css += "--md-accent-bg-color:\(text);--md-accent-bg-color--light:color-mix(in srgb,\(text) 70%,transparent);"
        }
        customColorCSS = css
        let schemes = site.palette
        paletteOptions = schemes.enumerated().map { index, scheme in
            PaletteOption(
                index: index, next: (index + 1) % schemes.count, scheme: Self.attribute(scheme.scheme),
                primary: ownPrimary?.name ?? Self.colour(scheme.primary).name,
                accent: ownAccent?.name ?? Self.colour(scheme.accent).name, media: scheme.media ?? "",
                hasToggle: scheme.toggle != nil, toggleName: scheme.toggle?.name ?? "", toggleIcon: scheme.toggle?.iconSVG ?? "",
                isFirst: index == 0)
        }
        hasPaletteToggle = schemes.count > 1 && schemes.contains { $0.toggle != nil }
        featureNames = features.scriptNames
        tabs =
            features.tabs
            ? page.tabs.map { Tab(title: $0.title, href: $0.url.map(href) ?? "", isActive: $0.isActive) } : []
        hasStickyTabs = features.tabs && features.tabsSticky
        path = features.path ? page.path.map { PageContext.Link(title: $0.title, href: href($0.url)) } : []
        hasBackToTop = features.backToTop
        repoURL = site.repository?.url ?? ""
        repoName = site.repository?.name ?? ""
        repoIcon = site.repository?.iconSVG ?? ""
        hasRepo = !repoURL.isEmpty
        social = site.social.map { Social(href: $0.url, title: $0.title, icon: $0.iconSVG) }
        tocTitle = site.tocTitle
        logoIcon = site.logoURL == nil ? site.logoIconSVG ?? "" : ""
        // Never able to close the element early.
        inlineStyles = site.inlineCSS.filter { !$0.lowercased().contains("</style") }.map(InlineStyle.init)
    }

    /// A colour as Material's attribute has it: a palette name (`deep-purple`), or `custom`
    /// with the colour for the variables when it is some other safe colour.
    private static func colour(_ value: String?, table: [String: String]) -> (name: String, custom: String?)? {
        guard let value else { return nil }
        let key = MaterialPalette.key(value)
        if table[key] != nil || key == "custom" { return (key, nil) }
        guard let safe = ThemeColor.sanitize(value) else { return nil }
        return ("custom", safe)
    }

    /// A scheme's colour: a Material name as `data-md-color-*` writes it (`deep purple` →
    /// `deep-purple`, as Material replaces spaces), `custom`, or a safe colour of its own.
    private static func colour(_ value: String) -> (name: String, custom: String?) {
        let key = MaterialPalette.key(value)
        if MaterialPalette.primary[key] != nil || MaterialPalette.accent[key] != nil || key == "custom" { return (key, nil) }
        if let safe = ThemeColor.sanitize(value) { return ("custom", safe) }
        return (attribute(value), nil)
    }

    /// Material writes the value with spaces replaced by dashes.
    private static func attribute(_ value: String) -> String {
        value.replacingOccurrences(of: " ", with: "-")
    }
}
