import Foundation

/// Where one brand's output is written: its folder in the build's staging tree (`OutputFolder`),
/// or memory (`MemoryOutput`, a preview's). Stages write through this and never know which.
protocol OutputWriter: Sendable {
    /// Writes `data` at `path` (relative to the brand's site root).
    func write(_ data: Data, to path: String) throws
    /// Writes `text`'s UTF-8 at `path`.
    func write(_ text: String, to path: String) throws
    /// Writes a file at `path` from what `body` hands to the function it is given, in order.
    func write(to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws
    /// Puts a copy of the file at `source` at `path`.
    func copy(from source: URL, to path: String) throws
    /// Where a big page's HTML may wait between stages (`SpooledHTML`); nil keeps it in memory.
    var spoolFolder: URL? { get }
}
