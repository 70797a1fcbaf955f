import TrellisCore
import TrellisMarkdown

/// Reads the options of the inline extensions from `mkdocs.yml` (`pymdownx.mark`, `caret`,
/// `tilde`, `keys`, `magiclink`, `smartsymbols`, `abbr`), as the extensions read them: booleans
/// the way Python-Markdown's `parseBoolValue` reads them. An option Trellis cannot honour, or a
/// value of the wrong type, gives an `UnsupportedPlugin` warning and the extension's default.
enum InlineExtensionOptions {
    static func read(_ mkdocs: MkDocsSettings, configPath: String) -> (InlineExtensionSettings, [Diagnostic]) {
        var reader = OptionReader(configPath: configPath)
        var settings = InlineExtensionSettings()
        if let options = reader.options(of: "pymdownx.mark", in: mkdocs) {
            reader.checkKnown(options, ["smart_mark"])
            settings.mark = .mark(smart: reader.bool(options, "smart_mark", default: false))
        }
        if let options = reader.options(of: "pymdownx.caret", in: mkdocs) {
            reader.checkKnown(options, ["smart_insert", "insert", "superscript", "no_space", "punctuation"])
            settings.caret = .caret(
                insert: reader.bool(options, "insert", default: true), superscript: reader.bool(options, "superscript", default: true),
                smart: reader.bool(options, "smart_insert", default: false), noSpace: reader.bool(options, "no_space", default: true),
                punctuation: reader.bool(options, "punctuation", default: false))
        }
        if let options = reader.options(of: "pymdownx.tilde", in: mkdocs) {
            reader.checkKnown(options, ["smart_delete", "delete", "subscript", "no_space", "punctuation"])
            settings.tilde = .tilde(
                delete: reader.bool(options, "delete", default: true), subscript: reader.bool(options, "subscript", default: true),
                smart: reader.bool(options, "smart_delete", default: false), noSpace: reader.bool(options, "no_space", default: true),
                punctuation: reader.bool(options, "punctuation", default: false))
        }
        if let options = reader.options(of: "pymdownx.keys", in: mkdocs) {
            reader.checkKnown(options, ["separator", "strict", "class", "camel_case", "key_map"])
            settings.keys.separator = reader.string(options, "separator", default: "+")
            settings.keys.strict = reader.bool(options, "strict", default: false)
            settings.keys.className = reader.string(options, "class", default: "keys")
            settings.keys.camelCase = reader.bool(options, "camel_case", default: false)
            settings.keys.keyMap = reader.stringMap(options, "key_map")
        }
        if let options = reader.options(of: "pymdownx.smartsymbols", in: mkdocs) {
            reader.checkKnown(options, [
                "trademark", "copyright", "registered", "plusminus", "arrows", "notequal", "fractions", "ordinal_numbers", "care_of",
            ])
            var symbols = SmartSymbolsOptions()
            symbols.trademark = reader.bool(options, "trademark", default: true)
            symbols.copyright = reader.bool(options, "copyright", default: true)
            symbols.registered = reader.bool(options, "registered", default: true)
            symbols.plusMinus = reader.bool(options, "plusminus", default: true)
            symbols.arrows = reader.bool(options, "arrows", default: true)
            symbols.notEqual = reader.bool(options, "notequal", default: true)
            symbols.fractions = reader.bool(options, "fractions", default: true)
            symbols.ordinalNumbers = reader.bool(options, "ordinal_numbers", default: true)
            symbols.careOf = reader.bool(options, "care_of", default: true)
            settings.smartSymbols = symbols
        }
        if let options = reader.options(of: "pymdownx.betterem", in: mkdocs) {
            reader.checkKnown(options, ["smart_enable", "punctuation"])
            switch reader.string(options, "smart_enable", default: "underscore") {
            case "underscore": break
            case "all": settings.smartAsterisk = true
            case "asterisk":
                settings.smartAsterisk = true
                reader.warn("smart_enable 'asterisk' is read as 'all': an underscore inside a word stays no emphasis delimiter")
            case let other:
                reader.warn("smart_enable '\(other)' is read as 'underscore': an underscore inside a word stays no emphasis delimiter")
            }
            if options["punctuation"] != nil, !reader.bool(options, "punctuation", default: true) {
                reader.warn("option 'punctuation: false' is not supported; emphasis follows CommonMark's punctuation rules")
            }
        }
        if let options = reader.options(of: "abbr", in: mkdocs) {
            reader.checkKnown(options, ["glossary"])
            if case .map(let glossary)? = options["glossary"] {
                for (name, value) in glossary {
                    guard let title = value.stringValue else {
                        reader.warn("option 'glossary': '\(name)' must be a string, not \(value.typeDescription); it is ignored")
                        continue
                    }
                    settings.glossary.append((name, title))
                }
            } else if let value = options["glossary"], value != .null {
                reader.warn("option 'glossary' must be a map, not \(value.typeDescription); it is ignored")
            }
        }
        if let options = reader.options(of: "pymdownx.magiclink", in: mkdocs) {
            settings.magicLink = magicLink(options, reader: &reader)
        }
        return (settings, reader.problems)
    }

    private static func magicLink(_ options: ValueMap, reader: inout OptionReader) -> MagicLinkOptions {
        reader.checkKnown(options, [
            "hide_protocol", "repo_url_shortener", "social_url_shortener", "shortener_user_exclude", "repo_url_shorthand",
            "social_url_shorthand", "provider", "labels", "normalize_issue_symbols", "user", "repo", "custom",
        ])
        var settings = MagicLinkOptions()
        settings.hideProtocol = reader.bool(options, "hide_protocol", default: false)
        settings.repoURLShortener = reader.bool(options, "repo_url_shortener", default: false)
        settings.socialURLShortener = reader.bool(options, "social_url_shortener", default: false)
        settings.repoURLShorthand = reader.bool(options, "repo_url_shorthand", default: false)
        settings.socialURLShorthand = reader.bool(options, "social_url_shorthand", default: false)
        settings.normalizeIssueSymbols = reader.bool(options, "normalize_issue_symbols", default: false)
        settings.user = reader.string(options, "user", default: "")
        settings.repo = reader.string(options, "repo", default: "")
        settings.labels = reader.stringMap(options, "labels")
        // An unknown provider is GitHub, as magiclink falls back to it.
        settings.provider = MagicLinkProvider(rawValue: reader.string(options, "provider", default: "github")) ?? .github
        if case .map(let excludes)? = options["shortener_user_exclude"] {
            for (name, value) in excludes {
                guard let provider = MagicLinkProvider(rawValue: name), case .list(let users) = value else { continue }
                settings.shortenerUserExclude[provider] = Set(users.compactMap(\.stringValue).map { $0.lowercased() })
            }
        }
        if let custom = options["custom"], custom != .null, custom.mapValue?.isEmpty != true {
            reader.warn("option 'custom' (providers of one's own) is not supported; their links and shorthands stay text")
        }
        return settings
    }
}

/// Reads one extension's options, collecting warnings.
struct OptionReader {
    let configPath: String
    /// The extension being read, and where its name is written.
    var extensionName = ""
    var location: SourceLocation?
    var problems: [Diagnostic] = []

    init(configPath: String) {
        self.configPath = configPath
    }

    /// The options of extension `name` when the site lists it; warnings name it from now on.
    mutating func options(of name: String, in mkdocs: MkDocsSettings) -> ValueMap? {
        guard let entry = mkdocs.markdownExtension(name) else { return nil }
        extensionName = name
        location = entry.location
        return entry.options
    }

    mutating func warn(_ message: String) {
        problems.append(Diagnostic(.unsupportedPlugin, path: configPath, at: location, message: "\(extensionName): \(message)"))
    }

    /// Warns about option names the extension does not have (Python-Markdown refuses them).
    mutating func checkKnown(_ options: ValueMap, _ known: [String]) {
        for key in options.keys where !known.contains(key) && key != "enabled" {
            warn("unknown option '\(key)'; it is ignored")
        }
    }

    /// A boolean option: YAML booleans, numbers, and the words `parseBoolValue` knows.
    mutating func bool(_ options: ValueMap, _ key: String, default fallback: Bool) -> Bool {
        guard let value = options[key] else { return fallback }
        switch value {
        case .bool(let flag): return flag
        case .null: return false
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text):
            switch text.lowercased() {
            case "yes", "y", "true", "t", "on", "1": return true
            case "no", "n", "false", "f", "off", "0", "none", "": return false
            default: break
            }
        default: break
        }
        warn("option '\(key)' must be a boolean, not \(value.typeDescription); the default is used")
        return fallback
    }

    /// A map of strings (`key_map`); entries of other types are warned about and left out.
    mutating func stringMap(_ options: ValueMap, _ key: String) -> [String: String] {
        guard let value = options[key] else { return [:] }
        guard case .map(let map) = value else {
            if value != .null { warn("option '\(key)' must be a map, not \(value.typeDescription); it is ignored") }
            return [:]
        }
        var result: [String: String] = [:]
        for (name, entry) in map {
            switch entry {
            case .string(let text): result[name] = text
            case .int(let number): result[name] = String(number)
            default: warn("option '\(key)': '\(name)' must be a string, not \(entry.typeDescription); it is ignored")
            }
        }
        return result
    }

    /// A string option.
    mutating func string(_ options: ValueMap, _ key: String, default fallback: String) -> String {
        guard let value = options[key] else { return fallback }
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .null: return fallback
        default:
            warn("option '\(key)' must be a string, not \(value.typeDescription); the default is used")
            return fallback
        }
    }
}
