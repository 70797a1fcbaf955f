import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file-system call that failed while writing the output.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "cannot write '\(path)': \(String(cString: strerror(code)))" }
}

/// One brand's folder in the build's staging tree (see `SiteOutput`): pages and files are
/// written here, and reach the site only when the whole tree is swapped in.
final class OutputFolder: OutputWriter {
    /// The folder, inside the staging tree.
    let staging: URL

    /// Big pages' HTML is spooled beside the output (same file system, removed with it).
    var spoolFolder: URL? { staging }
    /// The folders made so far (with a trailing `/`), shared by the pages written in parallel.
    private let createdFolders = Locked<Set<String>>([""])

    /// Creates the folder (and its parents).
    init(staging: URL) throws {
        self.staging = staging
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `data` at `path` (relative to the brand's folder), creating folders as needed.
    /// Plain POSIX writes: the output is swapped in whole afterwards, so per-file syncing (which
    /// Foundation's writer does) buys nothing and costs a tenth of a large build.
    func write(_ data: Data, to path: String) throws {
        let fd = try create(path)
        defer { close(fd) }
        try data.withUnsafeBytes { try Self.writeAll($0, to: fd, path: path) }
    }

    /// Writes `text`'s UTF-8 at `path`, straight from the string's storage: a big page is not
    /// copied into a `Data` first.
    func write(_ text: String, to path: String) throws {
        let fd = try create(path)
        defer { close(fd) }
        var text = text
        try text.withUTF8 { try Self.writeAll(UnsafeRawBufferPointer($0), to: fd, path: path) }
    }

    /// Writes a file at `path` from what `body` hands to the function it is given, in order, so
    /// a big page is written in pieces instead of from one string.
    func write(to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let fd = try create(path)
        defer { close(fd) }
        try body { try Self.writeAll($0, to: fd, path: path) }
    }

    /// Copies a file into the output at `path` as a regular file: a symlinked source is copied
    /// by content, so the output never holds a link out of the site.
    func copy(from source: URL, to path: String) throws {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw OutputError(path: source.path, code: errno) }
        defer { close(input) }
        let output = try create(path)
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw OutputError(path: source.path, code: errno) }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try Self.writeAll(UnsafeRawBufferPointer(rebasing: $0.prefix(count)), to: output, path: path) }
        }
    }

    /// Opens a new file at `path` for writing; an existing one (never a hard link into the
    /// live site: preserved brands are linked in only after every write) is replaced.
    private func create(_ path: String) throws -> Int32 {
        try ensureFolder(URLPaths.folder(of: path))
        let target = staging.path + "/" + path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OutputError(path: target, code: errno) }
        return fd
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = posixWrite(fd, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, code: errno)
            }
            offset += written
        }
    }

    /// Creates `folder` (with a trailing `/`, relative to the staging folder) and its parents,
    /// each once per build.
    private func ensureFolder(_ folder: String) throws {
        guard !createdFolders.withLock({ $0.contains(folder) }) else { return }
        let parent = URLPaths.folder(of: String(folder.dropLast()))
        if parent != folder { try ensureFolder(parent) }
        let target = staging.path + "/" + folder
        if mkdir(target, 0o755) != 0 && errno != EEXIST { throw OutputError(path: target, code: errno) }
        createdFolders.withLock { _ = $0.insert(folder) }
    }
}

/// POSIX `write(2)`, qualified by module because `OutputFolder` has `write` methods of its own.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #elseif canImport(Darwin)
        Darwin.write(fd, buffer, count)
    #endif
}
