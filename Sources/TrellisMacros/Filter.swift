/// The Jinja filters Trellis supports, with Jinja's parameter names so keyword arguments
/// (`default('x', boolean=true)`) bind as they do in Jinja.
enum Filter: String, Sendable, CaseIterable {
    case lower, upper, title, capitalize, replace, trim, `default`, join, length

    /// The filter a name in a template refers to, aliases included.
    static func named(_ name: String) -> Filter? {
        switch name {
        case "d": return .default
        case "count": return .length
        default: return Filter(rawValue: name)
        }
    }

    /// Every name a template may use, for "did you mean" suggestions.
    static var allNames: [String] { allCases.map(\.rawValue) + ["d", "count"] }

    /// Parameter names after the filtered value, in order.
    var parameters: [String] {
        switch self {
        case .replace: return ["old", "new", "count"]
        case .trim: return ["chars"]
        case .default: return ["default_value", "boolean"]
        case .join: return ["d"]
        case .lower, .upper, .title, .capitalize, .length: return []
        }
    }

    /// How many leading parameters have no default value.
    var requiredCount: Int { self == .replace ? 2 : 0 }
}
