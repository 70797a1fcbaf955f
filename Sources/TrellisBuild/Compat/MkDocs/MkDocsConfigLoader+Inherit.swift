import Foundation
import TrellisCore
import Yams

/// `INHERIT: base.yml` in an MkDocs config: the base config (relative to the config's folder,
/// itself possibly inheriting) is read first and the config is merged over it, as MkDocs merges
/// them (`mergedeep`'s replace strategy): maps merge key by key, at any depth; anything else in
/// the config replaces the base's value.
///
/// The base's nodes go into the one tree the loader reads, with their lines moved past the
/// config's (`YAMLReader.addInherited`), so a problem in a value the base gave is reported in
/// the base file at its line.
extension MkDocsConfigLoader {
    /// The most files one chain of `INHERIT`s may name.
    static let maxInheritDepth = 16

    /// `node` with its `INHERIT` (if any) applied.
    func applyingInherit(_ node: Node, path: String, reader: inout YAMLReader, seen: [String] = []) -> Node {
        guard case .mapping(let mapping) = node,
            let entry = mapping.first(where: { $0.key.scalar?.string == "INHERIT" })
        else { return node }
        let own = Node.mapping(
            Node.Mapping(
                mapping.filter { $0.key.scalar?.string != "INHERIT" }, mapping.tag, mapping.style, mapping.mark))
        guard let name = reader.string(entry.value, "INHERIT") else { return own }
        let folder = (path as NSString).deletingLastPathComponent
        let basePath = ((folder.isEmpty ? name : folder + "/" + name) as NSString).standardizingPath
        let chain = seen + [path]
        guard !chain.contains(basePath), chain.count < Self.maxInheritDepth else {
            reader.error(.configType, entry.value, "'\(name)' is inherited in a loop (\((chain + [basePath]).joined(separator: " → ")))")
            return own
        }
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : root.appending(path: basePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            reader.error(.io, entry.value, "the inherited config file '\(name)' does not exist at '\(url.standardizedFileURL.path)'")
            return own
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            reader.error(.invalidEncoding, entry.value, "the inherited config file '\(name)' is not valid UTF-8")
            return own
        }
        var baseReader = YAMLReader(path: basePath)
        let parsed = baseReader.parse(text, lastKeyWins: true)
        reader.append(baseReader.diagnostics)
        guard let parsed else { return own }
        let base = reader.addInherited(path: basePath)
        var baseTree = MkDocsTagResolver(environment: environment)
            .resolve(YAMLReader.shiftingLines(parsed, by: base), reader: &reader)
        baseTree = applyingInherit(baseTree, path: basePath, reader: &reader, seen: chain)
        return Self.merge(own, over: baseTree)
    }

    /// `config` merged over `base`: maps key by key (recursively), other values replaced.
    static func merge(_ config: Node, over base: Node, depth: Int = 0) -> Node {
        guard depth < MkDocsTagResolver.maxDepth, case .mapping(let over) = config, case .mapping(let under) = base else {
            return config
        }
        var pairs = Array(under).map { ($0.key, $0.value) }
        var index: [Node: Int] = [:]
        for (i, pair) in pairs.enumerated() where index[pair.0] == nil { index[pair.0] = i }
        for (key, value) in over {
            if let i = index[key] {
                pairs[i] = (key, merge(value, over: pairs[i].1, depth: depth + 1))
            } else {
                index[key] = pairs.count
                pairs.append((key, value))
            }
        }
        return .mapping(Node.Mapping(pairs, over.tag, over.style, over.mark))
    }
}
