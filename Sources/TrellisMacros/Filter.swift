/// The Jinja filters Trellis supports, with Jinja's parameter names so keyword arguments
/// (`default('x', boolean=true)`) bind as they do in Jinja.
enum Filter: String, Sendable, CaseIterable {
    // Text
    case lower, upper, title, capitalize, replace, trim, `default`, join, length
    case string, format, truncate, wordcount, indent, center, escape, safe, urlencode, tojson
    // Numbers
    case int, float, abs, round, filesizeformat
    // Sequences
    case list, first, last, sort, unique, reverse, sum, min, max, batch, slice, dictsort, items, attr
    // Sequences, with a filter or a test applied to each item (`*args, **kwargs` in Jinja)
    case map, select, reject, selectattr, rejectattr

    /// The filter a name in a template refers to, aliases included.
    static func named(_ name: String) -> Filter? {
        switch name {
        case "d": return .default
        case "count": return .length
        case "e": return .escape
        default: return Filter(rawValue: name)
        }
    }

    /// Every name a template may use, for "did you mean" suggestions.
    static var allNames: [String] { allCases.map(\.rawValue) + ["d", "count", "e"] }

    /// Whether the filter takes any number of arguments (`map('upper')`, `select('gt', 1)`,
    /// `format(a, b)`), which it binds itself.
    var isVariadic: Bool {
        switch self {
        case .map, .select, .reject, .selectattr, .rejectattr, .format: return true
        default: return false
        }
    }

    /// Parameter names after the filtered value, in order.
    var parameters: [String] {
        switch self {
        case .replace: return ["old", "new", "count"]
        case .trim: return ["chars"]
        case .default: return ["default_value", "boolean"]
        case .join: return ["d", "attribute"]
        case .truncate: return ["length", "killwords", "end", "leeway"]
        case .indent: return ["width", "first", "blank"]
        case .center: return ["width"]
        case .tojson: return ["indent"]
        case .int: return ["default", "base"]
        case .float: return ["default"]
        case .round: return ["precision", "method"]
        case .filesizeformat: return ["binary"]
        case .sort: return ["reverse", "case_sensitive", "attribute"]
        case .unique, .min, .max: return ["case_sensitive", "attribute"]
        case .sum: return ["attribute", "start"]
        case .batch: return ["linecount", "fill_with"]
        case .slice: return ["slices", "fill_with"]
        case .dictsort: return ["case_sensitive", "by", "reverse"]
        case .attr: return ["name"]
        case .lower, .upper, .title, .capitalize, .length, .string, .wordcount, .escape, .safe, .urlencode, .abs,
            .list, .first, .last, .reverse, .items, .map, .select, .reject, .selectattr, .rejectattr, .format:
            return []
        }
    }

    /// How many leading parameters have no default value.
    var requiredCount: Int {
        switch self {
        case .replace: return 2
        case .batch, .slice, .attr: return 1
        default: return 0
        }
    }
}
