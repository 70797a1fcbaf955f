/// The container pre-pass's bounds on one page: how deep containers nest, and how many bytes
/// their bodies copy in all (each level copies its body, so a deep page would copy itself once
/// per level). A container beyond them stays plain Markdown; the first one is recorded as the
/// page's `NestingProblem`, its position mapped out level by level as the recursion returns.
///
/// A reference shared by the parser's copies down one page's recursion; a page is parsed on one
/// thread, so the unchecked `Sendable` never sees concurrent use.
final class NestingLimits: @unchecked Sendable {
    /// Body bytes a page may copy: this many times its size, plus `copyAllowance` so small
    /// pages with deep but legitimate nesting never hit it.
    static let copyFactor = 8
    static let copyAllowance = 1 << 20

    private var bytesLeft = copyAllowance
    /// The first container left plain, in the coordinates of the text parsed at `problemDepth`.
    private(set) var problem: NestingProblem?
    private var problemDepth = 0

    /// Starts a page of `pageBytes` bytes.
    func start(pageBytes: Int) {
        bytesLeft = pageBytes.multipliedReportingOverflow(by: Self.copyFactor).partialValue + Self.copyAllowance
        problem = nil
        problemDepth = 0
    }

    /// Takes `bytes` from the page's copy budget; `false` (taking nothing) if it has fewer left.
    func spend(_ bytes: Int) -> Bool {
        guard bytes <= bytesLeft else { return false }
        bytesLeft -= bytes
        return true
    }

    /// Records a container left plain at `position` of the text parsed at `depth`, unless an
    /// earlier one was.
    func refuse(at position: TextPosition, depth: Int, message: String) {
        guard problem == nil else { return }
        problem = NestingProblem(position: position, message: message)
        problemDepth = depth
    }

    /// Maps a problem recorded in a body parsed at `depth` into the enclosing text with `map`.
    func mapProblem(from depth: Int, _ map: (TextPosition) -> TextPosition) {
        guard var found = problem, problemDepth == depth else { return }
        found.position = map(found.position)
        problem = found
        problemDepth = depth - 1
    }
}
