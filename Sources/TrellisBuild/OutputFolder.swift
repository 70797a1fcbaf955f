import Foundation
import TrellisCore

/// A brand's output, written into a fresh hidden folder and swapped in only when every brand
/// built cleanly, so a failed build leaves the previous output untouched and no reader ever
/// sees a half-written site.
final class OutputFolder: @unchecked Sendable {
    let final: URL
    let staging: URL
    private let lock = NSLock()
    private var createdFolders: Set<String> = [""]

    init(siteDir: URL, brand: String) throws {
        final = siteDir.appending(path: brand)
        staging = siteDir.appending(path: ".trellis-staging-\(brand)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `data` at `path` (relative to the brand's folder), creating folders as needed.
    func write(_ data: Data, to path: String) throws {
        let folder = URLPaths.folder(of: path)
        try ensureFolder(folder)
        try data.write(to: staging.appending(path: path))
    }

    /// Copies a file into the output at `path`.
    func copy(from source: URL, to path: String) throws {
        try ensureFolder(URLPaths.folder(of: path))
        let destination = staging.appending(path: path)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    private func ensureFolder(_ folder: String) throws {
        lock.lock()
        let known = createdFolders.contains(folder)
        lock.unlock()
        guard !known else { return }
        try FileManager.default.createDirectory(at: staging.appending(path: folder), withIntermediateDirectories: true)
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
