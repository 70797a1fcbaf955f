import Foundation
import TrellisCore

/// The blog's authors file (`{blog}/.authors.yml`): `authors:` maps an id to a `name`, a
/// `description` and an `avatar` (all three required, as Material validates them) and an
/// optional `url`. A file that is missing gives no authors; one Material rejects stops its
/// build, so it is a `BlogPost` error here.
enum BlogAuthors {
    static func read(docsDir: URL, docsPath: String, options: BlogOptions) -> (authors: [String: BlogAuthor], diagnostics: [Diagnostic]) {
        guard options.authors else { return ([:], []) }
        let relative = BlogPaths.normalize(options.authorsFile.replacingOccurrences(of: "{blog}", with: options.root))
        let path = docsPath + "/" + relative
        guard let data = FileManager.default.contents(atPath: docsDir.appending(path: relative).path) else { return ([:], []) }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return parse(text, path: path)
    }

    static func parse(_ text: String, path: String) -> (authors: [String: BlogAuthor], diagnostics: [Diagnostic]) {
        var reader = YAMLReader(path: path)
        guard let node = reader.parse(text, syntaxID: .blogPost, lastKeyWins: true) else { return ([:], reader.diagnostics) }
        var authors: [String: BlogAuthor] = [:]
        guard case .map(let root) = YAMLReader.value(of: node) else { return ([:], reader.diagnostics) }
        guard case .map(let entries)? = root["authors"] else { return ([:], reader.diagnostics) }
        var diagnostics = reader.diagnostics
        for (id, value) in entries {
            let map = value.mapValue ?? ValueMap()
            let missing = ["name", "description", "avatar"].filter { map[$0]?.stringValue == nil }
            guard missing.isEmpty, let name = map["name"]?.stringValue, let description = map["description"]?.stringValue,
                let avatar = map["avatar"]?.stringValue
            else {
                diagnostics.append(
                    Diagnostic(
                        .blogPost, path: path, at: nil,
                        message: "the author '\(id)' has no \(missing.map { "'\($0)'" }.joined(separator: ", ")); Material needs a name, a description and an avatar"))
                continue
            }
            authors[id] = BlogAuthor(name: name, description: description, avatar: avatar, url: map["url"]?.stringValue)
        }
        return (authors, diagnostics)
    }
}
