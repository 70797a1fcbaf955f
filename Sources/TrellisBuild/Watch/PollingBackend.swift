import Foundation

/// Watching by looking: scans the tree (path → size, modification time, inode, mode) every
/// `interval` and reports what differs from the last scan. Works everywhere, on any file system,
/// with no limit on the number of folders; costs a walk of the tree per poll.
struct PollingBackend: Sendable {
    let root: String
    let filter: WatchFilter
    let interval: Duration
    private var snapshot: [String: FileStamp] = [:]
    /// When the next regular scan is due.
    private(set) var nextScan: ContinuousClock.Instant

    /// Takes the first snapshot, which later scans are compared with. A missing root is an empty
    /// tree (everything appears when it comes back).
    init(root: String, filter: WatchFilter, interval: Duration) {
        self.root = root
        self.filter = filter
        self.interval = max(interval, .milliseconds(1))
        nextScan = .now + self.interval
        _ = scan()
    }

    /// Scans the tree now and returns every file created, modified or deleted since the last scan
    /// (a rename is the old path deleted and the new one created).
    mutating func scan() -> [String] {
        var previous = snapshot
        var current = [String: FileStamp](minimumCapacity: snapshot.count)
        var changed: [String] = []
        TreeScanner.walk(
            root: root, from: "", filter: filter, stamps: true, enterFolder: { _ in true },
            visitFile: { path, stamp in
                guard let stamp else { return }
                current[path] = stamp
                if previous.removeValue(forKey: path) != stamp { changed.append(path) }
            })
        changed.append(contentsOf: previous.keys)
        snapshot = current
        nextScan = .now + interval
        return changed
    }

    /// How many files the last scan saw.
    var fileCount: Int { snapshot.count }
}
