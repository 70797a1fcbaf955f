import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#endif

/// A file-system call that failed while writing the output.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "cannot write '\(path)': \(String(cString: strerror(code)))" }
}

/// A brand's output, written into a fresh hidden folder and swapped in only when every brand
/// built cleanly, so a failed build leaves the previous output untouched and no reader ever
/// sees a half-written site.
final class OutputFolder: @unchecked Sendable {
    let final: URL
    let staging: URL
    private let lock = NSLock()
    private var createdFolders: Set<String> = [""]

    /// Output that replaces `final` when committed; staged beside it, in the same file system.
    init(final: URL) throws {
        self.final = final
        let parent = final.deletingLastPathComponent()
        staging = parent.appending(path: ".trellis-staging-\(final.lastPathComponent)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `data` at `path` (relative to the brand's folder), creating folders as needed.
    /// Plain POSIX writes: the output is swapped in whole afterwards, so per-file syncing (which
    /// Foundation's writer does) buys nothing and costs a tenth of a large build.
    func write(_ data: Data, to path: String) throws {
        try ensureFolder(URLPaths.folder(of: path))
        let target = staging.path + "/" + path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: target, code: errno) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: target, code: errno)
                }
                offset += written
            }
        }
    }

    /// Copies a file into the output at `path`.
    func copy(from source: URL, to path: String) throws {
        try ensureFolder(URLPaths.folder(of: path))
        let destination = staging.appending(path: path)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    /// Creates `folder` (with a trailing `/`, relative to the staging folder) and its parents,
    /// each once per build.
    private func ensureFolder(_ folder: String) throws {
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        guard !known else { return }
        let parent = URLPaths.folder(of: String(folder.dropLast()))
        if parent != folder { try ensureFolder(parent) }
        let target = staging.path + "/" + folder
        if mkdir(target, 0o755) != 0 && errno != EEXIST { throw OutputError(path: target, code: errno) }
        lock.lock()
        createdFolders.insert(folder)
        lock.unlock()
    }

    /// Replaces the brand's previous output with the staged one.
    func commit() throws {
        let fm = FileManager.default
        var old: URL?
        if fm.fileExists(atPath: final.path) {
            let parked = final.deletingLastPathComponent().appending(
                path: ".trellis-old-\(final.lastPathComponent)-\(UUID().uuidString.prefix(8))")
            try fm.moveItem(at: final, to: parked)
            old = parked
        }
        try fm.moveItem(at: staging, to: final)
        if let old { FileTree.removeInBackground(old.path) }
    }

    /// Removes what an interrupted earlier build left in the output folder.
    static func removeLeftovers(in siteDir: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: siteDir.path) else { return }
        for name in names where name.hasPrefix(".trellis-old-") || name.hasPrefix(".trellis-staging-") {
            FileTree.removeInBackground(siteDir.appending(path: name).path)
        }
    }

    /// Throws the staged output away.
    func discard() {
        FileTree.remove(staging.path)
    }
}
