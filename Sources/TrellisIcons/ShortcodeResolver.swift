import TrellisCore

/// What a `:name:` shortcode turns into on a site: the icons alone, or pymdownx.emoji's index and
/// generator when the site configures the extension.
///
/// With Material's index an emoji wins over an icon of the same name, as in Material's index
/// (icons are added only under names the twemoji index does not have). pymdownx's own indexes
/// have no icons: an icon shortcode there is text, as MkDocs shows it. Thread-safe.
public struct ShortcodeResolver: IconResolving {
    public let icons: IconLibrary
    /// The site's pymdownx.emoji; nil renders icons only (a site without the extension).
    public let emoji: EmojiSettings?

    public init(icons: IconLibrary, emoji: EmojiSettings? = nil) {
        self.icons = icons
        self.emoji = emoji
    }

    /// The markup for `name` (without colons), or why there is none.
    public func lookup(_ name: String) -> IconLookup {
        guard let emoji else { return icons.lookup(name) }
        if let (canonical, found) = emoji.emojiIndex.lookup(name) {
            return .html(EmojiMarkup.html(.emoji(name: canonical, found), written: name, settings: emoji))
        }
        guard emoji.index == .material else { return .notAnIcon }
        switch icons.find(name) {
        case .svg(let svg)?:
            return .html(EmojiMarkup.html(.icon(name: name, svg: svg), written: name, settings: emoji))
        case .unknown(let suggestions)?:
            return .unknown(suggestions: suggestions)
        case nil:
            return .notAnIcon
        }
    }
}
