/// A link to another page (previous/next in the footer).
public struct PageLink: Sendable, Hashable {
    public var title: String
    /// Relative to the site root.
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
