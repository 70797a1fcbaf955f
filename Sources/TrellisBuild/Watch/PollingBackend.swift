import Foundation

/// Watching by looking: scans the tree (path → size, modification time, inode, mode) every
/// `interval` and reports what differs from the last scan. Works everywhere, on any file system,
/// with no limit on the number of folders; costs a walk of the tree per poll.
struct PollingBackend: Sendable {
    let root: String
    let filter: WatchFilter
    let interval: Duration
    /// Folder → file name → stamp: names are mostly short enough to be stored inline, so a scan
    /// builds no path string except for what changed.
    private var snapshot: [String: [String: FileStamp]] = [:]
    /// When the next regular scan is due.
    private(set) var nextScan: ContinuousClock.Instant
    /// How many files the last scan saw.
    private(set) var fileCount = 0

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
        var previousFolders = snapshot
        var current: [String: [String: FileStamp]] = [:]
        current.reserveCapacity(snapshot.count)
        var changed: [String] = []
        var count = 0
        TreeScanner.walk(
            root: root, from: "", filter: filter, stamps: true, enterFolder: { _ in true },
            visitFiles: { folder, files in
                var previous = previousFolders.removeValue(forKey: folder) ?? [:]
                var stamps = [String: FileStamp](minimumCapacity: files.count)
                for (name, stamp) in files {
                    stamps[name] = stamp
                    if previous.removeValue(forKey: name) != stamp { changed.append(Self.path(folder, name)) }
                }
                changed.append(contentsOf: previous.keys.map { Self.path(folder, $0) })
                count += files.count
                current[folder] = stamps
            })
        for (folder, files) in previousFolders {
            changed.append(contentsOf: files.keys.map { Self.path(folder, $0) })
        }
        snapshot = current
        fileCount = count
        nextScan = .now + interval
        return changed
    }

    private static func path(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }
}
