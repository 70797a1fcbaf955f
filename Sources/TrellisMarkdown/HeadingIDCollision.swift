/// A heading whose id was numbered (`setup_1`) because an earlier heading of the page has the
/// same slug: a `#setup` link can only ever reach the earlier one. Recorded by
/// `HeadingIDRewriter` as it assigns the ids, so nothing slugs the headings again to find it.
public struct HeadingIDCollision: Hashable, Sendable {
    /// Where the heading starts, in parsed-text coordinates.
    public var position: TextPosition
    /// The heading's plain text, as written.
    public var text: String
    /// The id the heading got.
    public var id: String
    /// The id of the first heading with the same slug.
    public var earlierID: String

    public init(position: TextPosition, text: String, id: String, earlierID: String) {
        self.position = position
        self.text = text
        self.id = id
        self.earlierID = earlierID
    }
}
