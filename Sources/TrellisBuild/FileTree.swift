import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast file-system walks and removals with POSIX calls: Foundation's enumerator and
/// `removeItem` cost hundreds of microseconds per entry, which dominates large sites.
enum FileTree {
    /// Every regular file under `root`, relative to it, skipping hidden entries (names starting
    /// with `.`). Symbolic links to files are followed; links to folders are not walked.
    static func files(under root: String) -> [String] {
        var result: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let dir = opendir(folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR):
                    pending.append(path)
                case Int32(DT_REG):
                    result.append(path)
                default:
                    // Unknown type or a link: ask stat (following links) what it is.
                    var info = stat()
                    if stat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { result.append(path) }
                }
            }
        }
        return result
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
