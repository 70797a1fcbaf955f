import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast file-system walks and removals with POSIX calls: Foundation's enumerator and
/// `removeItem` cost hundreds of microseconds per entry, which dominates large sites.
enum FileTree {
    /// Every regular file under `root`, relative to it, sorted, skipping hidden entries (names
    /// starting with `.`), and what went wrong with the symlinks met on the way.
    ///
    /// Links to files and folders are followed when their real path stays inside `project`'s
    /// trusted folders, as MkDocs follows them; one leading elsewhere, a dangling link and a
    /// link loop are reported and left out. Each real folder is walked at most once through a
    /// link (in path order), so links to folders can neither loop nor multiply the tree.
    static func files(under root: String, within project: ProjectFolder) -> (files: [String], problems: [LinkProblem]) {
        var result: [String] = []
        var problems: [LinkProblem] = []
        var linkedFolders: Set<String> = []
        // (path relative to root, the folder's real path when it was reached through a link)
        var pending: [(relative: String, real: String?)] = [("", nil)]
        let rootReal = project.follow(root).realPath ?? root
        while let (relative, real) = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            let folderReal = real ?? (relative.isEmpty ? rootReal : nil)
            var found: [(name: String, type: Int32)] = []
            guard let dir = opendir(folder) else { continue }
            while let entry = readdir(dir) {
                let (name, valid) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    let bytes = raw.prefix(while: { $0 != 0 })
                    return (String(decoding: bytes, as: UTF8.self), String(validating: bytes, as: UTF8.self) != nil)
                }
                if name.hasPrefix(".") { continue }
                // Such a name cannot be given back to the file system from a String.
                guard valid else {
                    problems.append(.invalidName(path: relative.isEmpty ? name : relative + "/" + name))
                    continue
                }
                found.append((name, Int32(entry.pointee.d_type)))
            }
            closedir(dir)
            // Reverse order on the stack: folders are walked, and links claimed, in path order.
            for (name, type) in found.sorted(by: { $0.name > $1.name }) {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch type {
                case Int32(DT_DIR):
                    pending.append((path, folderReal.map { $0 + "/" + name }))
                case Int32(DT_REG):
                    result.append(path)
                default:
                    let full = root + "/" + path
                    var info = stat()
                    guard lstat(full, &info) == 0 else { continue }
                    let kind = info.st_mode & S_IFMT
                    if kind == S_IFREG {
                        result.append(path)
                    } else if kind == S_IFDIR {
                        pending.append((path, folderReal.map { $0 + "/" + name }))
                    } else if kind == S_IFLNK {
                        switch project.follow(full) {
                        case .outside(let target):
                            problems.append(.outside(link: path, target: target))
                        case .missing(let target):
                            problems.append(.dangling(link: path, target: target))
                        case .loop:
                            problems.append(.loop(link: path, target: nil))
                        case .inside(let target):
                            guard stat(full, &info) == 0 else { continue }
                            if (info.st_mode & S_IFMT) == S_IFREG {
                                result.append(path)
                            } else if (info.st_mode & S_IFMT) == S_IFDIR {
                                let container = folderReal ?? project.follow(folder).realPath ?? folder
                                if ProjectFolder.isInside(container, folder: target) {
                                    problems.append(.loop(link: path, target: target))
                                } else if !linkedFolders.insert(target).inserted {
                                    problems.append(.duplicate(link: path, target: target))
                                } else {
                                    pending.append((path, target))
                                }
                            }
                        }
                    }
                }
            }
        }
        return (result.sorted(), problems)
    }

    /// A file's bytes, read with one `open`/`fstat`/`read` (nil when it cannot be read).
    static func contents(of path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Bool in
            while total < buffer.count {
                let n = read(fd, buffer.baseAddress! + total, buffer.count - total)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                total += n
            }
            return true
        }
        guard ok else { return nil }
        if total < data.count { data.removeSubrange(total...) }
        return data
    }

    /// Removes a folder that is already out of the way (renamed aside) without waiting: deleting
    /// tens of thousands of files costs seconds on some file systems, and nothing depends on it.
    /// Falls back to removing it here when no `rm` can be started.
    static func removeInBackground(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            remove(path)
        }
    }

    /// Removes `path` and everything below it; top-level children go in parallel.
    static func remove(_ path: String) {
        guard let dir = opendir(path) else {
            unlink(path)
            return
        }
        var children: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { children.append(path + "/" + name) }
        }
        closedir(dir)
        let all = children
        DispatchQueue.concurrentPerform(iterations: all.count) { removeSerially(all[$0]) }
        rmdir(path)
    }

    private static func removeSerially(_ root: String) {
        var stack = [(root, false)]
        while let (path, visited) = stack.popLast() {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                unlink(path)
                continue
            }
            if visited {
                rmdir(path)
                continue
            }
            stack.append((path, true))
            guard let dir = opendir(path) else { continue }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { stack.append((path + "/" + name, false)) }
            }
            closedir(dir)
        }
    }
}
