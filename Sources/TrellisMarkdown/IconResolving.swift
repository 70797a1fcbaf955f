/// Turns an icon shortcode name (`material-check` from `:material-check:`) into markup.
///
/// Implemented outside this module (TrellisIcons); Markdown only needs the answer.
public protocol IconResolving: Sendable {
    func resolveIcon(_ name: String) -> IconResolution
}

/// What a shortcode name turned out to be.
public enum IconResolution: Hashable, Sendable {
    /// A known icon: this HTML replaces the shortcode verbatim.
    case html(String)
    /// Not meant as an icon (e.g. `:30:` in `10:30:00`): the text stays as written, silently.
    case notAnIcon
    /// Looks like an icon but is not known: the text stays and a problem is reported.
    case unknown(suggestions: [String])
}

/// An unknown icon shortcode, ready to become an `UnknownIcon` diagnostic.
public struct IconProblem: Hashable, Sendable {
    /// The name between the colons.
    public var name: String
    /// Where the shortcode's first `:` is, in parsed-text coordinates.
    public var position: TextPosition
    /// Known names close to `name`, best first.
    public var suggestions: [String]

    public init(name: String, position: TextPosition, suggestions: [String]) {
        self.name = name
        self.position = position
        self.suggestions = suggestions
    }
}
