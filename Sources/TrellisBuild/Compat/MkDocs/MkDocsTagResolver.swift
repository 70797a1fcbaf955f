import TrellisCore
import Yams

/// Resolves the YAML tags MkDocs configs use: `!ENV` reads the environment as MkDocs'
/// `pyyaml_env_tag` does, and Python object tags (`!!python/name:…`) become plain strings,
/// since only their names matter to Trellis. An applied object with keywords
/// (`!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}`) becomes its map with
/// the tag under the key `!!python`, so the keywords can be read.
struct MkDocsTagResolver {
    let environment: [String: String]
    /// Deeper nodes are left as written: configs are shallow, and recursion must stay bounded.
    static let maxDepth = 200

    private static let pythonPrefix = "tag:yaml.org,2002:python/"
    private static let standardTags: Set<Tag.Name> = [
        .str, .seq, .map, .bool, .float, .null, .int, .implicit, .nonSpecific, .binary, .merge, .omap, .pairs,
        .set, .timestamp, .value,
    ]

    func resolve(_ node: Node, reader: inout YAMLReader, depth: Int = 0) -> Node {
        guard depth < Self.maxDepth else { return node }
        let tag = Tag.Name(rawValue: node.tag.description)
        if tag.rawValue == "!ENV" { return environmentValue(node, reader: &reader, depth: depth) }
        if tag.rawValue.hasPrefix(Self.pythonPrefix) {
            var text = "!!python/" + tag.rawValue.dropFirst(Self.pythonPrefix.count)
            if case .mapping(let mapping) = node {
                var pairs = [(Node.scalar(Node.Scalar("!!python", Tag(.str))), Node.scalar(Node.Scalar(text, Tag(.str), .plain, node.mark)))]
                pairs += mapping.map { ($0.key, resolve($0.value, reader: &reader, depth: depth + 1)) }
                return .mapping(Node.Mapping(pairs, Tag(.map), mapping.style, mapping.mark))
            }
            if case .scalar(let s) = node, !s.string.isEmpty { text += " " + s.string }
            return .scalar(Node.Scalar(text, Tag(.str), .plain, node.mark))
        }
        switch node {
        case .scalar(let s):
            // A bare `!relative` is the folder of the page being rendered (MkDocs'
            // RelativeDirPlaceholder), which only a page's build knows: `$page_dir` stands for it.
            if tag.rawValue == "!relative", s.string.isEmpty { return .scalar(Node.Scalar("$page_dir", Tag(.str), s.style, s.mark)) }
            // Other local tags (`!relative $config_dir`, …) keep their text.
            if !Self.standardTags.contains(tag) { return .scalar(Node.Scalar(s.string, Tag(.str), s.style, s.mark)) }
            return node
        case .sequence(let sequence):
            let items = sequence.map { resolve($0, reader: &reader, depth: depth + 1) }
            return .sequence(Node.Sequence(items, Tag(.seq), sequence.style, sequence.mark))
        case .mapping(let mapping):
            let pairs = mapping.map { ($0.key, resolve($0.value, reader: &reader, depth: depth + 1)) }
            return .mapping(Node.Mapping(pairs, Tag(.map), mapping.style, mapping.mark))
        case .alias:
            return node
        }
    }

    /// `!ENV NAME`, `!ENV [NAME]` or `!ENV [A, B, default]`: the first variable set, typed as YAML
    /// types a plain scalar, else the default (null when there is none).
    private func environmentValue(_ node: Node, reader: inout YAMLReader, depth: Int) -> Node {
        var names: [String] = []
        var fallback = Node.scalar(Node.Scalar("", Tag(.null), .plain, node.mark))
        switch node {
        case .scalar(let s):
            names = [s.string]
        case .sequence(let sequence):
            var items = Array(sequence)
            if items.count > 1 { fallback = resolve(items.removeLast(), reader: &reader, depth: depth + 1) }
            for item in items {
                guard case .scalar(let s) = item else {
                    reader.error(.configType, item, "expected an environment variable name in '!ENV'")
                    continue
                }
                names.append(s.string)
            }
        default:
            reader.error(.configType, node, "expected a variable name or a list after '!ENV'")
        }
        for name in names {
            if let value = environment[name] {
                return .scalar(Node.Scalar(value, .implicit, .plain, node.mark))
            }
        }
        if let mark = node.mark, case .scalar(var s) = fallback {
            s.mark = mark
            return .scalar(s)
        }
        return fallback
    }
}
