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
