import Foundation
import TrellisCore

/// A brand's output held in memory, as `trellis serve` keeps it: each file's bytes, or for a
/// copied file, the file it copies (read when served, so an image is never held twice).
final class MemoryOutput: OutputWriter {
    /// One output file.
    enum Entry: Sendable, Equatable {
        case data(Data)
        /// A copy of this file, as it is when read.
        case copy(of: URL)
    }

    private let entries = Locked<[String: Entry]>([:])

    init(_ entries: [String: Entry] = [:]) {
        self.entries.withLock { $0 = entries }
    }

    var spoolFolder: URL? { nil }

    func write(_ data: Data, to path: String) throws {
        entries.withLock { $0[path] = .data(data) }
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var data = Data()
        try body { data.append(contentsOf: $0) }
        try write(data, to: path)
    }

    func copy(from source: URL, to path: String) throws {
        entries.withLock { $0[path] = .copy(of: source) }
    }

    /// Replaces every file `isPart` says belongs to a set (a search index) with `files`.
    func replace(where isPart: (String) -> Bool, with files: [String: Entry]) {
        entries.withLock { entries in
            for path in entries.keys where isPart(path) { entries[path] = nil }
            entries.merge(files) { _, new in new }
        }
    }

    /// Every file written so far, by path.
    var files: [String: Entry] { entries.withLock { $0 } }
}
