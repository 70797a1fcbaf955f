/// What a `:name:` shortcode turns into.
public enum IconLookup: Hashable, Sendable {
    /// Material's markup for the icon (`<span class="twemoji"><svg …>…</svg></span>`): it
    /// replaces the shortcode verbatim.
    case html(String)
    /// The name has no known icon prefix (`:smile:` without emoji, `10:30:00`): the text stays
    /// as written, silently.
    case notAnIcon
    /// The name has a known prefix but no such icon exists: the text stays and a problem is
    /// reported, with up to three close names, best first.
    case unknown(suggestions: [String])
}

/// Turns an icon shortcode name (`material-check` from `:material-check:`) into markup.
///
/// Implemented by TrellisIcons (`IconLibrary`, and `ShortcodeResolver` with the site's emoji);
/// the Markdown rewriters only ask.
public protocol IconResolving: Sendable {
    /// The markup for `name` (without colons), or why there is none.
    func lookup(_ name: String) -> IconLookup
}
