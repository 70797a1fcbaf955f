import Foundation
import TrellisCore

/// How a site's search index is built: MkDocs' `search` plugin (`lang`, `separator`) on an
/// MkDocs site, the `search:` setting of `trellis.yml` otherwise. The browser tokenizes queries
/// with the same separator and language the index was built with.
public struct SearchSettings: Sendable, Equatable {
    /// Material's default separator: whitespace and hyphens.
    public static let defaultSeparator = #"[\s\-]+"#

    /// Whether the build writes a search index and the theme shows a search box.
    public var enabled = true
    /// Languages to tokenize for (`en` stems English plurals and drops English stop words;
    /// other languages are split and case-folded only).
    public var languages = ["en"]
    /// A regular expression (ICU here, JavaScript in the browser) that separates words.
    public var separator = SearchSettings.defaultSeparator
    /// Whether code blocks (`<pre>`) are indexed; off by default, as in Material.
    public var includeCode = false

    public init() {}

    /// Whether English stemming and stop words apply.
    public var english: Bool { languages.contains { $0 == "en" || $0.hasPrefix("en-") || $0.hasPrefix("en_") } }

    /// The settings of MkDocs' `search` plugin (nil: the site lists plugins without `search`,
    /// so MkDocs has no search). A separator that is not a valid regular expression falls back
    /// to the default with a diagnostic.
    static func mkdocs(plugin: MkDocsExtension?, configPath: String) -> (SearchSettings, [Diagnostic]) {
        var settings = SearchSettings()
        guard let plugin else {
            settings.enabled = false
            return (settings, [])
        }
        var diagnostics: [Diagnostic] = []
        func problem(_ message: String) {
            diagnostics.append(Diagnostic(.ignoredConfigValue, path: configPath, at: plugin.location, message: message))
        }
        switch plugin.options["lang"] {
        case .string(let lang)?: settings.languages = [lang]
        case .list(let list)?:
            let langs = list.compactMap(\.stringValue)
            if langs.count == list.count { settings.languages = langs } else { problem("expected a list of language codes for 'lang' of the search plugin") }
        case nil, .null?: break
        case let other?: problem("expected a language code or a list of them for 'lang' of the search plugin, found \(other.typeDescription)")
        }
        switch plugin.options["separator"] {
        case .string(let separator)?: settings.separator = separator
        case nil, .null?: break
        case let other?: problem("expected a regular expression for 'separator' of the search plugin, found \(other.typeDescription)")
        }
        if let message = settings.separatorProblem {
            problem(message)
            settings.separator = defaultSeparator
        }
        return (settings, diagnostics)
    }

    /// Why `separator` cannot be used, if it cannot.
    var separatorProblem: String? {
        do {
            _ = try NSRegularExpression(pattern: separator)
            return nil
        } catch {
            return "the search separator '\(separator)' is not a valid regular expression; the default '\(Self.defaultSeparator)' is used"
        }
    }
}

extension PageMeta {
    /// Front matter `search: exclude: true`: the page is left out of the search index.
    var excludedFromSearch: Bool {
        values["search"]?["exclude"] == .bool(true)
    }

    /// Front matter `search: boost: 2`: the page's matches count that many times (Material's).
    var searchBoost: Double {
        switch values["search"]?["boost"] {
        case .int(let n)?: return Double(n)
        case .double(let d)? where d.isFinite: return d
        default: return 1
        }
    }
}
