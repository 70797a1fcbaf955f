import TrellisCore
import Yams

extension ConfigLoader {
    static let searchKeys: Set<String> = ["enabled", "lang", "separator", "include_code"]

    /// `search:` in `trellis.yml`: `false` turns search off; a map sets `enabled`, `lang` (a code
    /// or a list), `separator` (a regular expression) and `include_code`.
    static func readSearch(_ node: Node, base: SearchSettings, reader: inout YAMLReader) -> SearchSettings {
        var settings = base
        if case .scalar(let scalar) = node, scalar.tagName == .bool {
            if let on = reader.bool(node, "search") { settings.enabled = on }
            return settings
        }
        let e = reader.entries(of: node, known: searchKeys, context: "search")
        if let on = reader.bool(e["enabled"]?.value, "enabled") { settings.enabled = on }
        if let lang = e["lang"]?.value {
            if case .sequence = lang {
                if let list = reader.stringList(lang, "lang") { settings.languages = list }
            } else if let code = reader.string(lang, "lang") {
                settings.languages = [code]
            }
        }
        if let node = e["separator"]?.value, let separator = reader.string(node, "separator") {
            let previous = settings.separator
            settings.separator = separator
            if let message = settings.separatorProblem {
                reader.report(.ignoredConfigValue, node, message)
                settings.separator = previous
            }
        }
        if let code = reader.bool(e["include_code"]?.value, "include_code") { settings.includeCode = code }
        return settings
    }
}
