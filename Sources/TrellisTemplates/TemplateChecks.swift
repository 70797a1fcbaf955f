import Foundation
import Mustache
import TrellisCore

/// Checks the engine does not make: section nesting depth (its parser recurses per level) and
/// partials that do not exist (it renders those as nothing, silently).
enum TemplateChecks {
    struct Problem {
        let location: SourceLocation
        let message: String
    }

    struct Reference {
        let name: String
        let location: SourceLocation
    }

    /// Every `{{> name}}` and `{{< name}}` in `text`, with where it is. Templates that change
    /// their delimiters are skipped: their tags cannot be found reliably.
    static func partialReferences(_ text: String) -> [Reference] {
        guard !text.contains("{{=") else { return [] }
        return tags(text).compactMap { tag in
            guard let sigil = tag.body.first, sigil == ">" || sigil == "<" else { return nil }
            let name = tag.body.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.hasPrefix("*") else { return nil }
            return Reference(name: name, location: tag.location)
        }
    }

    /// Whether template `root`, with every partial it includes, looks up no name outside
    /// `allowed` (plain names only: dotted names, transforms and `.` do not qualify) and uses
    /// no set-delimiter, block, inheritance, pragma or dynamic-partial tag: then its output
    /// depends only on the values of those names. `texts` holds every template by name.
    static func usesOnlyNames(_ allowed: Set<String>, from root: String, in texts: [String: String]) -> Bool {
        var seen: Set<String> = [root]
        var pending = [root]
        while let name = pending.popLast() {
            guard let text = texts[name], !text.contains("{{=") else { return false }
            for tag in tags(text) {
                guard let sigil = tag.body.first else { return false }
                switch sigil {
                case "!":
                    continue
                case ">":
                    let partial = tag.body.dropFirst().trimmingCharacters(in: .whitespaces)
                    guard !partial.hasPrefix("*") else { return false }
                    if seen.insert(partial).inserted { pending.append(partial) }
                case "#", "^", "/", "&", "{":
                    var lookup = tag.body.dropFirst()
                    if sigil == "{", lookup.last == "}" { lookup = lookup.dropLast() }
                    guard allowed.contains(lookup.trimmingCharacters(in: .whitespaces)) else { return false }
                default:
                    guard allowed.contains(tag.body) else { return false }
                }
            }
        }
        return true
    }

    /// The first place where sections nest deeper than `limit`, if any.
    static func nestingProblem(_ text: String, limit: Int) -> Problem? {
        var depth = 0
        for tag in tags(text) {
            switch tag.body.first {
            case "#", "^", "$", "<":
                depth += 1
                if depth > limit {
                    return Problem(location: tag.location, message: "sections nest deeper than \(limit) levels")
                }
            case "/":
                depth -= 1
            default:
                break
            }
        }
        return nil
    }

    /// The `{{…}}` tags of `text`, bodies without braces, in one linear pass.
    static func tags(_ text: String) -> [(body: String, location: SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        let bytes = Array(text.utf8)
        var line = 1
        var column = 1
        var index = 0
        func advance(over byte: UInt8) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                let location = SourceLocation(line: line, column: column)
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) {
                    end += 1
                }
                guard end + 1 < bytes.count else { break }
                let body = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                result.append((body.trimmingCharacters(in: .whitespaces), location))
                for byte in bytes[index..<(end + 2)] { advance(over: byte) }
                index = end + 2
            } else {
                advance(over: bytes[index])
                index += 1
            }
        }
        return result
    }

    /// A readable sentence for the engine's parse error.
    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only blocks may appear inside an inheriting partial"
        case .textInsideInheritSection: return "text appears inside an inheriting partial outside a block"
        case .invalidConfigVariableSyntax: return "a pragma is malformed"
        case .unrecognisedConfigVariable: return "a pragma is not recognised"
        }
    }
}
