import TrellisCore
import Yams

/// MkDocs' `nav`: paths, `Title: path`, `Title: https://…` links and `Title: [children]` sections.
enum MkDocsNavReader {
    /// Sections nested deeper than this are reported, keeping recursion bounded.
    static let maxDepth = 64

    static func read(_ node: Node, reader: inout YAMLReader, depth: Int = 0) -> [NavEntry] {
        guard case .sequence(let items) = node else {
            reader.error(.configType, node, "expected a list for 'nav', found \(YAMLReader.kind(of: node))")
            return []
        }
        guard depth < maxDepth else {
            reader.error(.configType, node, "'nav' is nested more than \(maxDepth) levels deep")
            return []
        }
        var entries: [NavEntry] = []
        for item in items {
            switch item {
            case .scalar(let s) where isLink(s.string):
                entries.append(.link(title: s.string, url: s.string))
            case .scalar(let s):
                entries.append(.page(title: nil, path: pagePath(s.string), location: reader.location(of: item)))
            case .mapping(let mapping) where mapping.count == 1:
                guard let (key, value) = mapping.first else { continue }
                let title = key.scalar?.string ?? ""
                switch value {
                case .scalar(let s) where isLink(s.string):
                    entries.append(.link(title: title, url: s.string))
                case .scalar(let s):
                    entries.append(.page(title: title, path: pagePath(s.string), location: reader.location(of: value)))
                case .sequence:
                    entries.append(.section(title: title, children: read(value, reader: &reader, depth: depth + 1)))
                default:
                    reader.error(.configType, value, "expected a page path or a list under '\(title)' in 'nav'")
                }
            default:
                reader.error(.configType, item, "expected a page path or 'Title: path' in 'nav'")
            }
        }
        return entries
    }

    /// A page path as MkDocs looks it up (`PurePath(path).as_posix()`): `.` parts and repeated
    /// slashes dropped (`./a//b.md` is `a/b.md`). A trailing slash stays: literate-nav reads
    /// `guide/` as a folder.
    static func pagePath(_ value: String) -> String {
        let parts = value.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty else { return value }
        return parts.joined(separator: "/") + (value.hasSuffix("/") ? "/" : "")
    }

    static func isLink(_ value: String) -> Bool {
        value.contains("://") || value.hasPrefix("mailto:") || value.hasPrefix("/")
    }
}

/// MkDocs' `validation` levels (`warn`, `info`, `ignore`) as Trellis rule severities.
enum MkDocsValidation {
    /// MkDocs' checks by (group, name), and the Trellis rule that makes each.
    static let rules: [String: RuleID] = [
        "nav.omitted_files": .pageNotInNav, "nav.not_found": .navMissingPage,
        "links.not_found": .brokenLink, "links.anchors": .missingAnchor, "links.absolute_links": .absoluteSiteLink,
    ]
    static let groups: Set<String> = ["nav", "links"]
    static let names: Set<String> = ["omitted_files", "not_found", "absent_links", "anchors", "absolute_links", "unrecognized_links"]

    static func read(_ node: Node, reader: inout YAMLReader) -> [RuleID: Severity?] {
        var result: [RuleID: Severity?] = [:]
        let e = reader.entries(of: node, known: groups.union(names), context: "validation")
        // Group settings win over top-level ones, so they are applied last.
        for (name, entry) in e.sorted(by: { (groups.contains($0.key) ? 1 : 0, $0.key) < (groups.contains($1.key) ? 1 : 0, $1.key) }) {
            if groups.contains(name) {
                let inner = reader.entries(of: entry.value, known: names, context: "validation.\(name)")
                for (check, value) in inner { apply("\(name).\(check)", value.value, into: &result, reader: &reader) }
            } else {
                // A check written at the top applies to both groups (MkDocs 1.6).
                for group in groups { apply("\(group).\(name)", entry.value, into: &result, reader: &reader) }
            }
        }
        return result
    }

    private static func apply(_ key: String, _ node: Node, into result: inout [RuleID: Severity?], reader: inout YAMLReader) {
        guard let level = reader.string(node, key) else { return }
        let severity: Severity?
        switch level.lowercased() {
        case "warn", "warning": severity = .warning
        case "info": severity = .note
        case "ignore": severity = nil
        default:
            reader.error(.configType, node, "expected warn, info or ignore for '\(key)', found '\(level)'")
            return
        }
        if let id = rules[key] { result[id] = .some(severity) }
    }
}
