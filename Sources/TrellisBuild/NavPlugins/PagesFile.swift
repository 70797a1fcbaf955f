import Foundation
import TrellisCore
import Yams

/// One folder's `.pages` file, as mkdocs-awesome-pages-plugin reads it.
struct PagesFile {
    /// One `nav` entry: a name in the folder (optionally retitled), a link, or a rest (`...`).
    enum Entry {
        case item(value: String, title: String?, location: SourceLocation?)
        case rest(Rest)
    }

    /// `...`, `... | glob`, `... | glob=pattern` or `... | regex=pattern`: the items not named elsewhere.
    struct Rest: Hashable {
        enum Kind: Hashable { case all, glob, regex }
        var kind: Kind
        var pattern: String

        /// `...`: every item the file does not name.
        static let all = Rest(kind: .all, pattern: "")

        private init(kind: Kind, pattern: String) {
            self.kind = kind
            self.pattern = pattern
        }

        init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("...") else { return nil }
            let after = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
            if after.isEmpty {
                (kind, pattern) = (.all, "")
                return
            }
            guard after.hasPrefix("|") else { return nil }
            var spec = after.dropFirst().trimmingCharacters(in: .whitespaces)
            if spec.hasPrefix("regex=") {
                kind = .regex
                spec.removeFirst("regex=".count)
            } else {
                kind = .glob
                if spec.hasPrefix("glob=") { spec.removeFirst("glob=".count) }
            }
            pattern = spec
        }

        func matches(_ name: String) -> Bool {
            switch kind {
            case .all: return true
            case .glob: return Glob.matches(name, pattern)
            case .regex:
                guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
                return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
        }
    }

    static let keys: Set<String> = [
        "title", "nav", "arrange", "collapse", "collapse_single_pages", "hide", "order", "sort_type", "order_by",
        "ignore_case",
    ]

    var title: String?
    var nav: [Entry]?
    var collapse: Bool?
    var collapseSinglePages: Bool?
    var hide = false
    /// `asc` or `desc`: sort this folder by name before applying `nav`.
    var order: String?

    init() {}

    /// Reads `text`; problems go to `reader`, which names the file.
    init(_ text: String, reader: inout YAMLReader) {
        guard let node = reader.parse(text, lastKeyWins: true) else { return }
        if case .scalar(let s) = node, s.tagName == .null { return }
        let e = reader.entries(of: node, known: Self.keys, context: "'.pages'")
        title = reader.string(e["title"]?.value, "title")
        collapse = reader.bool(e["collapse"]?.value, "collapse")
        collapseSinglePages = reader.bool(e["collapse_single_pages"]?.value, "collapse_single_pages")
        hide = reader.bool(e["hide"]?.value, "hide") ?? false
        if let node = e["order"]?.value, let value = reader.string(node, "order") {
            if value == "asc" || value == "desc" {
                order = value
            } else {
                reader.error(.configType, node, "expected asc or desc for 'order', found '\(value)'")
            }
        }
        if let node = e["nav"]?.value {
            nav = Self.entries(node, key: "nav", reader: &reader)
        } else if let node = e["arrange"]?.value {
            // The older `arrange` keeps unnamed items at the end unless it places `...` itself.
            guard var entries = Self.entries(node, key: "arrange", reader: &reader) else { return }
            if !entries.contains(where: { if case .rest(let r) = $0 { r.kind == .all } else { false } }) {
                entries.append(.rest(.all))
            }
            nav = entries
        }
    }

    /// The entries, or nil (the folder keeps its default order) when `node` is not a list.
    private static func entries(_ node: Node, key: String, reader: inout YAMLReader) -> [Entry]? {
        guard case .sequence(let items) = node else {
            reader.error(.configType, node, "expected a list for '\(key)', found \(YAMLReader.kind(of: node))")
            return nil
        }
        var result: [Entry] = []
        var rests: Set<Rest> = []
        for item in items {
            switch item {
            case .scalar(let s) where s.tagName != .null:
                if let rest = Rest(s.string) {
                    if !rests.insert(rest).inserted {
                        reader.error(.configType, item, "'\(s.string)' appears twice in '\(key)'")
                    }
                    result.append(.rest(rest))
                } else {
                    result.append(.item(value: s.string, title: nil, location: reader.location(of: item)))
                }
            case .mapping(let mapping) where mapping.count == 1 && key == "nav":
                guard let pair = mapping.first, let title = reader.string(pair.key, "nav"), let value = reader.string(pair.value, title) else { continue }
                result.append(.item(value: value, title: title, location: reader.location(of: pair.value)))
            default:
                let expected = key == "nav" ? "a name or 'Title: name'" : "a name"
                reader.error(.configType, item, "expected \(expected) in '\(key)', found \(YAMLReader.kind(of: item))")
            }
        }
        return result
    }
}

/// Shell-style name patterns (`*`, `?`, `[abc]`, `[!abc]`), matched without backtracking blow-up.
enum Glob {
    static func matches(_ name: String, _ pattern: String) -> Bool {
        let n = Array(name), p = Array(pattern)
        var i = 0, j = 0
        var star = -1, mark = 0
        while i < n.count {
            if j < p.count, p[j] == "*" {
                star = j
                mark = i
                j += 1
            } else if j < p.count, let next = matchOne(n[i], p, j) {
                i += 1
                j = next
            } else if star >= 0 {
                j = star + 1
                mark += 1
                i = mark
            } else {
                return false
            }
        }
        while j < p.count, p[j] == "*" { j += 1 }
        return j == p.count
    }

    /// The pattern index after `p[j]` when it matches `c`, or nil.
    private static func matchOne(_ c: Character, _ p: [Character], _ j: Int) -> Int? {
        if p[j] == "?" { return j + 1 }
        guard p[j] == "[", let close = p[(j + 1)...].firstIndex(of: "]"), close > j + 1 else {
            return p[j] == c ? j + 1 : nil
        }
        var set = Array(p[(j + 1)..<close])
        let negated = set.first == "!"
        if negated { set.removeFirst() }
        var found = false
        var k = 0
        while k < set.count {
            if k + 2 < set.count, set[k + 1] == "-" {
                if set[k] <= c && c <= set[k + 2] { found = true }
                k += 3
            } else {
                if set[k] == c { found = true }
                k += 1
            }
        }
        return found != negated ? close + 1 : nil
    }
}
