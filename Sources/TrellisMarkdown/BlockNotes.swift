/// A `///` block that stays text because no enabled `pymdownx.blocks` extension has its name, or
/// its argument or options are ones pymdownx rejects; the build reports it as `BlockSyntax`.
public struct BlockProblem: Hashable, Sendable {
    /// Where the block's first line starts, in parsed-text coordinates.
    public var position: TextPosition
    public var message: String
}

/// The rejected `///` blocks of one page, each mapped out of the bodies it was found in level by
/// level as the pre-pass's recursion returns (as `NestingLimits` maps its problem).
///
/// A reference shared by the parser's copies down one page's recursion; a page is parsed on one
/// thread, so the unchecked `Sendable` never sees concurrent use.
final class BlockNotes: @unchecked Sendable {
    /// At most this many are kept on a page.
    static let limit = 100

    private var found: [(problem: BlockProblem, depth: Int)] = []

    func start() { found.removeAll() }

    func add(at position: TextPosition, depth: Int, message: String) {
        guard found.count < Self.limit else { return }
        found.append((BlockProblem(position: position, message: message), depth))
    }

    /// Maps those found in a body parsed at `depth` into the enclosing text with `map`.
    func map(from depth: Int, _ map: (TextPosition) -> TextPosition) {
        for index in found.indices where found[index].depth == depth {
            found[index].problem.position = map(found[index].problem.position)
            found[index].depth = depth - 1
        }
    }

    /// Those found, once each (a body parsed twice finds its own twice), in page order.
    var problems: [BlockProblem] {
        var seen = Set<BlockProblem>()
        return found.map(\.problem).filter { seen.insert($0).inserted }.sorted { $0.position < $1.position }
    }
}
