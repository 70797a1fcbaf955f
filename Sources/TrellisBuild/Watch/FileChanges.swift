import Foundation

/// One batch of changes the file watcher reports: every file (or symlink) under the watched root
/// that was created, modified, deleted or renamed while the folder was busy.
public struct FileChanges: Sendable, Equatable {
    /// Paths relative to the watched root, `/`-separated, never naming a folder. A rename gives
    /// both the old and the new path; a folder created, deleted or moved gives every file in it.
    /// A path may name a file that no longer exists (deleted, or renamed away).
    public var paths: Set<String>
    /// True when the watcher may have missed changes (the kernel's event queue overflowed, the
    /// watched root itself went away, or watching fell back to polling): treat everything as
    /// possibly changed. `paths` still lists what the watcher did see.
    public var rescan: Bool

    public init(paths: Set<String> = [], rescan: Bool = false) {
        self.paths = paths
        self.rescan = rescan
    }

    /// Whether there is nothing to report.
    public var isEmpty: Bool { paths.isEmpty && !rescan }
}
