import Foundation

/// One emoji of a pymdownx.emoji index.
public struct Emoji: Hashable, Sendable {
    /// The code points as the index names image files: lowercase hex joined by `-` (`1f44d-1f3fd`).
    public var unicode: String
    /// The code points to show where they differ from `unicode` (joiners, variation selectors:
    /// `0031-fe0f-20e3`); pymdownx's `unicode_alt`.
    public var unicodeAlt: String?
    /// The index's category (`people`, or `Smileys & Emotion` in gemoji).
    public var category: String
    /// The long name (`thumbs up`), the title with pymdownx.emoji's `title: long`.
    public var name: String

    public init(unicode: String, unicodeAlt: String? = nil, category: String, name: String) {
        self.unicode = unicode
        self.unicodeAlt = unicodeAlt
        self.category = category
        self.name = name
    }
}

/// One of pymdownx.emoji's emoji indexes (`twemoji`, `gemoji`, `emojione`): names and aliases
/// to emoji, from the bundled `emoji.tsv` (made by `scripts/update-icons.py` from the
/// pymdown-extensions wheel).
///
/// Each index is read from the resource the first time it is asked for, once per process, into
/// dictionaries: a lookup is a hash lookup. Thread-safe.
public final class EmojiIndex: Sendable {
    /// The indexes pymdownx.emoji ships, by the name it gives them (its `index` argument).
    public enum Kind: String, CaseIterable, Sendable {
        case twemoji, gemoji, emojione
    }

    public let kind: Kind
    /// The index's version as pymdownx records it (`v16.0.1`); empty if the resource is missing.
    public let version: String
    /// Emoji by name, without colons.
    private let emoji: [String: Emoji]
    /// Alias → name, without colons.
    private let aliases: [String: String]

    init(kind: Kind, version: String, emoji: [String: Emoji], aliases: [String: String]) {
        self.kind = kind
        self.version = version
        self.emoji = emoji
        self.aliases = aliases
    }

    /// The emoji a shortcode name (without colons) stands for, and its name in the index (the
    /// alias resolved: `+1` → `thumbsup`), or nil if the index does not have it.
    public func lookup(_ name: String) -> (name: String, emoji: Emoji)? {
        let canonical = aliases[name] ?? name
        guard let found = emoji[canonical] else { return nil }
        return (canonical, found)
    }

    /// How many emoji and aliases the index has (for tests and reports).
    public var counts: (emoji: Int, aliases: Int) { (emoji.count, aliases.count) }

    /// The bundled index of `kind`, read on first use.
    public static func bundled(_ kind: Kind) -> EmojiIndex {
        switch kind {
        case .twemoji: return twemoji
        case .gemoji: return gemoji
        case .emojione: return emojione
        }
    }

    // Static stored properties are initialised once, on first use, thread-safely.
    private static let twemoji = load(.twemoji)
    private static let gemoji = load(.gemoji)
    private static let emojione = load(.emojione)

    /// The index from the bundled resource; an empty one if the resource cannot be read (the
    /// shortcodes then stay text, as for names no index has).
    private static func load(_ kind: Kind) -> EmojiIndex {
        guard let url = Bundle.module.url(forResource: "emoji", withExtension: "tsv"),
            let data = try? Data(contentsOf: url)
        else { return EmojiIndex(kind: kind, version: "", emoji: [:], aliases: [:]) }
        return parse(data, kind: kind)
    }

    /// Reads the section of `kind` from an `emoji.tsv` text (see `scripts/update-icons.py`):
    /// `#index <name> <version>`, `#categories c0<TAB>c1…`, then
    /// `name<TAB>unicode<TAB>unicode_alt<TAB>category number<TAB>long name<TAB>aliases`.
    /// Malformed lines are skipped.
    static func parse(_ data: Data, kind: Kind) -> EmojiIndex {
        let tab = UInt8(ascii: "\t")
        var version = ""
        var inSection = false
        var categories: [String] = []
        var emoji: [String: Emoji] = [:]
        var aliases: [String: String] = [:]
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if line.first == UInt8(ascii: "#") {
                let text = String(decoding: line.dropFirst(), as: UTF8.self)
                if text.hasPrefix("index ") {
                    let words = text.split(separator: " ")
                    inSection = words.count >= 2 && words[1] == kind.rawValue
                    if inSection { version = words.count >= 3 ? String(words[2]) : "" }
                } else if inSection, text.hasPrefix("categories ") {
                    categories = text.dropFirst("categories ".count).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                }
                continue
            }
            guard inSection else { continue }
            let fields = line.split(separator: tab, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 5, !fields[0].isEmpty, !fields[1].isEmpty else { continue }
            let category = Int(fields[3]).flatMap { categories.indices.contains($0) ? categories[$0] : nil } ?? ""
            emoji[fields[0]] = Emoji(
                unicode: fields[1], unicodeAlt: fields[2].isEmpty ? nil : fields[2], category: category, name: fields[4])
            if fields.count >= 6 {
                for alias in fields[5].split(separator: " ") { aliases[String(alias)] = fields[0] }
            }
        }
        return EmojiIndex(kind: kind, version: version, emoji: emoji, aliases: aliases)
    }
}
