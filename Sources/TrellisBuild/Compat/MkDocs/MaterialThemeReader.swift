import TrellisCore
import TrellisTemplates
import Yams

/// One colour scheme of Material's `theme.palette`, as written.
public struct PaletteSetting: Sendable, Equatable {
    /// `scheme`: `default`, `slate` or a site's own name; nil for Material's `default`.
    public var scheme: String?
    /// `primary` and `accent`: a Material colour name, `custom`, or (Trellis) a CSS colour;
    /// nil for Material's `indigo`.
    public var primary: String?
    public var accent: String?
    /// `media`: the query that picks the scheme when the reader has not chosen one.
    public var media: String?
    /// `toggle.icon` (an icon path, `material/brightness-7`) and `toggle.name`.
    public var toggleIcon: String?
    public var toggleName: String?

    public init(
        scheme: String? = nil, primary: String? = nil, accent: String? = nil, media: String? = nil,
        toggleIcon: String? = nil, toggleName: String? = nil
    ) {
        self.scheme = scheme
        self.primary = primary
        self.accent = accent
        self.media = media
        self.toggleIcon = toggleIcon
        self.toggleName = toggleName
    }

    /// Whether the scheme has a toggle (Material shows one for a scheme with `toggle:`).
    public var hasToggle: Bool { toggleIcon != nil || toggleName != nil }
}

/// One of Material's `extra.social` links, as written.
public struct SocialSetting: Sendable, Equatable {
    /// An icon path (`fontawesome/brands/github`).
    public var icon: String
    public var link: String
    public var name: String?

    public init(icon: String, link: String, name: String? = nil) {
        self.icon = icon
        self.link = link
        self.name = name
    }

    /// The link's title: its name, or the host of the link as Material takes it.
    var title: String {
        if let name, !name.isEmpty { return name }
        guard let range = link.range(of: "//") else { return "" }
        return String(link[range.upperBound...].prefix { $0 != "/" })
    }
}

/// Reads Material's look settings from YAML for `mkdocs.yml` and `trellis.yml` alike.
enum MaterialThemeReader {
    static let paletteKeys: Set<String> = ["scheme", "primary", "accent", "media", "toggle"]

    /// `palette`: one map, or a list of maps (one per scheme, each usually with a `toggle`).
    /// Returns the schemes and whether it was a list (only a list gives a toggle).
    static func palette(_ node: Node, reader: inout YAMLReader) -> (schemes: [PaletteSetting], isList: Bool) {
        var items = [node]
        var isList = false
        if case .sequence(let schemes) = node {
            items = Array(schemes)
            isList = true
        }
        var result: [PaletteSetting] = []
        for item in items {
            guard case .mapping = item else {
                reader.error(.configType, item, "expected a map or a list of maps for 'palette', found \(YAMLReader.kind(of: item))")
                continue
            }
            let e = reader.entries(of: item, known: paletteKeys, context: "palette")
            var setting = PaletteSetting()
            setting.scheme = reader.string(e["scheme"]?.value, "scheme")
            setting.media = reader.string(e["media"]?.value, "media")
            for key in ["primary", "accent"] {
                guard let node = e[key]?.value, let colour = reader.string(node, key) else { continue }
                guard let valid = checkedColour(colour, name: key, node: node, reader: &reader) else { continue }
                if key == "primary" { setting.primary = valid } else { setting.accent = valid }
            }
            if let toggle = e["toggle"]?.value {
                let t = reader.entries(of: toggle, known: ["icon", "name"], context: "palette toggle")
                setting.toggleIcon = reader.string(t["icon"]?.value, "icon")
                setting.toggleName = reader.string(t["name"]?.value, "name") ?? ""
            }
            result.append(setting)
        }
        return (result, isList)
    }

    /// A palette colour as written when Material (or, for a `#hex`, Trellis) knows it; a
    /// warning naming the nearest Material colour otherwise.
    static func checkedColour(_ colour: String, name: String, node: Node, reader: inout YAMLReader) -> String? {
        let table = name == "primary" ? MaterialPalette.primary : MaterialPalette.accent
        let key = MaterialPalette.key(colour)
        if table[key] != nil || key == "custom" { return colour }
        if colour.hasPrefix("#"), ThemeColor.sanitize(colour) != nil { return colour }
        var message = "unknown Material \(name) colour '\(colour)'"
        if let hint = Suggestions.didYouMean(key, in: Array(table.keys) + ["custom"]) { message += "; \(hint)" }
        reader.report(.ignoredConfigValue, node, message)
        return nil
    }

    /// `social`: a list of `{icon, link, name}` maps.
    static func social(_ node: Node, reader: inout YAMLReader) -> [SocialSetting] {
        guard case .sequence(let items) = node else {
            reader.error(.configType, node, "expected a list of links for 'social', found \(YAMLReader.kind(of: node))")
            return []
        }
        return Array(items).compactMap { item in
            let e = reader.entries(of: item, known: ["icon", "link", "name"], context: "social link")
            guard let icon = reader.string(e["icon"]?.value, "icon"), let link = reader.string(e["link"]?.value, "link") else {
                // A link that is not a map is already reported by `entries`.
                if case .mapping = item { reader.error(.configType, item, "a social link needs 'icon' and 'link'") }
                return nil
            }
            return SocialSetting(icon: icon, link: link, name: reader.string(e["name"]?.value, "name"))
        }
    }

    /// Material's `extra.social` from an already read `extra` map (MkDocs keeps it there).
    static func social(in extra: ValueMap) -> [SocialSetting]? {
        guard let list = extra["social"]?.listValue else { return nil }
        return list.compactMap { item in
            guard let icon = item["icon"]?.stringValue, let link = item["link"]?.stringValue else { return nil }
            return SocialSetting(icon: icon, link: link, name: item["name"]?.stringValue)
        }
    }

    /// MkDocs' default `repo_name`: the host's name for GitHub, Bitbucket and GitLab, else the
    /// first part of the host, capitalised (as Python's `str.title` does for one word).
    static func defaultRepoName(_ url: String) -> String {
        let afterScheme = url.range(of: "://").map { String(url[$0.upperBound...]) } ?? url
        let host = afterScheme.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }.lowercased()
        if host == "github.com" { return "GitHub" }
        if host == "bitbucket.org" { return "Bitbucket" }
        if host == "gitlab.com" { return "GitLab" }
        let first = host.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return first.prefix(1).uppercased() + first.dropFirst()
    }
}
