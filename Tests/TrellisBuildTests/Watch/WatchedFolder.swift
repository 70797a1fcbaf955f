import Foundation
import TrellisCore

@testable import TrellisBuild

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A watched temporary folder: writes real files, runs a `FileWatcher` on it and records every
/// batch it delivers, for tests to wait on.
final class WatchedFolder: Sendable {
    let site: TestSite
    let watcher: FileWatcher
    let batches = Locked<[FileChanges]>([])

    /// Generous: a loaded two-core machine must never make a test fail by waiting too little.
    static let patience = Duration.seconds(20)

    init(
        _ files: [String: String] = [:], mode: FileWatcher.Mode, ignoring: [String] = [],
        debounce: Duration = .milliseconds(15), maxDelay: Duration = .milliseconds(150), inotifyWatchLimit: Int? = nil,
        prepare: (URL) throws -> Void = { _ in }, onBatch: (@Sendable (FileChanges) -> Void)? = nil
    ) throws {
        site = try TestSite(files)
        try prepare(site.root)
        let batches = batches
        watcher = FileWatcher(
            root: site.root, ignoring: ignoring, mode: mode, debounce: debounce, maxDelay: maxDelay,
            inotifyWatchLimit: inotifyWatchLimit,
            onChange: { changes in
                batches.withLock { $0.append(changes) }
                onBatch?(changes)
            })
        try watcher.start()
    }

    deinit {
        watcher.stop()
        site.cleanUp()
    }

    var url: URL { site.root }
    func path(_ relative: String) -> String { site.root.appending(path: relative).path }

    func write(_ relative: String, _ text: String = "text\n") throws { try site.write(relative, text) }
    func remove(_ relative: String) throws { try site.remove(relative) }
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: site.root.appending(path: relative), withIntermediateDirectories: true)
    }

    /// `rename(2)`, as editors and `git` do it: atomic, replacing the target.
    func rename(_ from: String, _ to: String) throws {
        guard systemRename(path(from), path(to)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Every path reported so far.
    var reported: Set<String> { batches.withLock { $0.reduce(into: Set()) { $0.formUnion($1.paths) } } }

    /// Waits until every path in `paths` has been reported (in any number of batches); false when
    /// that took longer than `patience`.
    @discardableResult
    func waitFor(_ paths: Set<String>) -> Bool {
        waitUntil { paths.isSubset(of: self.reported) }
    }

    /// Polls `condition` until it holds or `patience` runs out.
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let end = ContinuousClock.now + Self.patience
        while ContinuousClock.now < end {
            if condition() { return true }
            usleep(5_000)
        }
        return condition()
    }

    /// Writes a sentinel file and waits for it: any change made before is then reported too (or
    /// never will be), so a test can check what was *not* reported.
    func settle() throws -> Bool {
        let sentinel = "sentinel-\(UUID().uuidString).md"
        try write(sentinel)
        return waitFor([sentinel])
    }

    /// Forgets the batches so far.
    func reset() { batches.withLock { $0.removeAll() } }
}

private func systemRename(_ from: String, _ to: String) -> Int32 {
    #if canImport(Glibc)
        Glibc.rename(from, to)
    #else
        Darwin.rename(from, to)
    #endif
}

/// Both ways of watching the tests run: inotify (on Linux) and polling, fast enough for tests.
let watchModes: [FileWatcher.Mode] = [.automatic, .polling(interval: .milliseconds(20))]
