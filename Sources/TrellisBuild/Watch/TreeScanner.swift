#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the polling watcher compares to tell that a file changed: its size, modification time
/// (to the nanosecond), inode (a file replaced by a rename has a new one) and mode.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64
    var mode: UInt32

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
            modifiedSeconds = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
        mode = UInt32(info.st_mode)
    }

    /// A stamp for a file whose details were not asked for.
    static let unknown = FileStamp(stat())
}

/// Walks a folder tree with the C directory calls (no `FileManager`: a 10,000-file tree is walked
/// on every poll). Never follows a symlink: a link is reported as a file and what it points to is
/// not entered, so nothing outside the project is walked. A folder that vanishes or cannot be
/// read while being walked is skipped.
enum TreeScanner {
    /// Visits `start` (relative to `root`, "" for the root) and every folder under it, depth first.
    /// `enterFolder` is called for each folder before it is listed (so a watch added there sees
    /// anything created after the listing) and returns whether to list it; `visitFiles` then gets
    /// the folder and the names of its non-folder entries the filter keeps, with their stamps
    /// when `stamps` is set (`FileStamp.unknown` otherwise). Ignored folders are neither entered
    /// nor listed.
    static func walk(
        root: String, from start: String, filter: WatchFilter, stamps: Bool,
        enterFolder: (String) throws -> Bool, visitFiles: (_ folder: String, _ files: [(String, FileStamp)]) throws -> Void
    ) rethrows {
        var folders = [start]
        var files: [(String, FileStamp)] = []
        while let folder = folders.popLast() {
            guard try enterFolder(folder) else { continue }
            guard let directory = opendir(folder.isEmpty ? root : root + "/" + folder) else { continue }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            let ignored = filter.ignoredNames(in: folder)
            files.removeAll(keepingCapacity: true)
            while let entry = readdir(directory) {
                guard let name = entryName(entry), name != ".", name != "..", !ignored.contains(name) else { continue }
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                var stamp = FileStamp.unknown
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || (stamps && !isFolder) {
                    var info = stat()
                    guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                    if stamps { stamp = FileStamp(info) }
                }
                if isFolder {
                    folders.append(folder.isEmpty ? name : folder + "/" + name)
                } else if !WatchFilter.isEditorScratch(name) {
                    files.append((name, stamp))
                }
            }
            try visitFiles(folder, files)
        }
    }

    /// The entry's name, or nil when it is not valid UTF-8 (no page or asset path can name it).
    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String? {
        withUnsafeBytes(of: &entry.pointee.d_name) { raw in
            let bytes = raw.prefix { $0 != 0 }
            let name = String(decoding: bytes, as: UTF8.self)
            return name.utf8.elementsEqual(bytes) ? name : nil
        }
    }
}
