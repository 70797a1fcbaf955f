import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A brand's site in a folder on disk (the swapped-in output), served as `PreviewFiles`.
///
/// Only regular files under the folder are served: a path with an empty, `.` or `..` segment, a
/// backslash or a NUL names nothing, and a symlink is followed only when its real path stays
/// inside the folder's real path (checked on every read, so a folder swapped in by rename or by
/// relinking is served as it is now).
public struct FolderFiles: PreviewFiles {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func contents(of path: String) -> Data? {
        guard Self.isPlain(path) else { return nil }
        let folder = ProjectFolder(root: root)
        guard case .inside(let real) = folder.follow(folder.root + "/" + path) else { return nil }
        return Self.readRegularFile(real)
    }

    /// Whether `path` is relative, `/`-separated, and has only segments that name an entry.
    static func isPlain(_ path: String) -> Bool {
        !path.isEmpty
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
                !segment.isEmpty && segment != "." && segment != ".."
                    && !segment.utf8.contains { $0 == 0 || $0 == UInt8(ascii: "\\") }
            }
    }

    /// The bytes of the regular file at `path` (a real path: no link is followed), or nil.
    private static func readRegularFile(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data(capacity: max(Int(status.st_size), 0))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
