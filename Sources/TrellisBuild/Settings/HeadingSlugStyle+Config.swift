import TrellisCore
import TrellisMarkdown

extension HeadingSlugStyle {
    /// A slug function as an MkDocs config writes it (`toc`'s or the blog plugin's `slugify`):
    /// `!!python/name:…` or `!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}`,
    /// as the Python name and its keyword arguments; nil for any other kind of value.
    static func configuredFunction(_ value: Value) -> (name: String, keywords: [String: String])? {
        var name = ""
        var keywords: [String: String] = [:]
        switch value {
        case .string(let s):
            name = s
        case .map(let map):
            name = map["!!python"]?.stringValue ?? ""
            for (key, value) in map["kwds"]?.mapValue ?? ValueMap() {
                if let text = value.stringValue { keywords[key] = text }
            }
        default:
            return nil
        }
        for prefix in ["!!python/name:", "!!python/object/apply:"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        return (name, keywords)
    }
}
