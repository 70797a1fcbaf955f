/// What a `:name:` shortcode turns into.
public enum IconLookup: Equatable, Sendable {
    /// Material's markup for the icon: `<span class="twemoji"><svg …>…</svg></span>`.
    case html(String)
    /// The name has no known icon prefix (`:smile:`, `10:30:00`): the text stays as written.
    case notAnIcon
    /// The name has a known prefix but no such icon exists; up to three close names, best first.
    case unknown(suggestions: [String])
}
