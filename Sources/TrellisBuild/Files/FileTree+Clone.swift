import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileTree {
    /// Recreates the tree at `source` at `destination` (which must not exist) with hard links
    /// to its files, copying a file where the file system refuses a link, and recreating
    /// symlinks as they are: a brand's current output carried into a new staged site unchanged,
    /// at the cost of one link per file.
    static func clone(_ source: String, to destination: String) throws {
        var pending = [(source, destination)]
        while let (from, to) = pending.popLast() {
            var info = stat()
            guard lstat(from, &info) == 0 else { throw OutputError(path: from, code: errno) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard mkdir(to, 0o755) == 0 else { throw OutputError(path: to, code: errno) }
                guard let dir = opendir(from) else { throw OutputError(path: from, code: errno) }
                defer { closedir(dir) }
                while let entry = readdir(dir) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    if name != "." && name != ".." { pending.append((from + "/" + name, to + "/" + name)) }
                }
            case S_IFLNK:
                guard let text = ProjectFolder.linkText(from), symlink(text, to) == 0 else {
                    throw OutputError(path: to, code: errno)
                }
            case S_IFREG:
                if link(from, to) != 0 {
                    guard let data = contents(of: from), FileManager.default.createFile(atPath: to, contents: data) else {
                        throw OutputError(path: to, code: errno)
                    }
                }
            default:
                continue
            }
        }
    }
}
