import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folders a build may read through symbolic links: the project folder (the config's
/// folder), an absolute `docs_dir` the config names, and the `allow_symlinks_to` paths.
///
/// A page, static file, snippet or theme file may be a symlink (real sites link pages and
/// images to each other), but one whose real path leads anywhere else (`/etc/passwd`, a
/// developer's home) would publish that file: such links are refused with `OutsideRoot`.
struct ProjectFolder: Sendable {
    /// The project folder's real path.
    let root: String
    /// Real paths that links may lead into (the project folder first).
    let trusted: [String]

    init(root: URL, alsoTrusted: [String] = []) {
        let rootPath = Self.resolvedPath(root.standardizedFileURL.path)
        self.root = rootPath
        trusted = [rootPath] + alsoTrusted.map(Self.resolvedPath)
    }

    /// Whether `realPath` is one of the trusted folders or inside one.
    func allows(_ realPath: String) -> Bool {
        trusted.contains { Self.isInside(realPath, folder: $0) }
    }

    /// What following the link (or plain path) at `path` leads to.
    func follow(_ path: String) -> LinkTarget {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &buffer) != nil else {
            let code = errno
            let written = Self.linkText(path) ?? path
            return code == ELOOP ? .loop : .missing(written)
        }
        let real = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return allows(real) ? .inside(real) : .outside(real)
    }

    /// Where a link leads.
    enum LinkTarget: Equatable {
        /// A real path inside a trusted folder.
        case inside(String)
        /// A real path outside every trusted folder.
        case outside(String)
        /// Nothing: a dangling link (its text as written).
        case missing(String)
        /// Links that lead to each other.
        case loop

        /// The real path, inside or outside.
        var realPath: String? {
            switch self {
            case .inside(let path), .outside(let path): return path
            case .missing, .loop: return nil
            }
        }
    }

    /// Whether `path` is `folder` or below it (both real, absolute paths).
    static func isInside(_ path: String, folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    /// The link's text as written, when `path` is a symlink.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, Int(PATH_MAX))
        guard count >= 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` (absolute) with every symlink and `..` resolved, also when its last components do
    /// not exist yet (an output folder before the first build): the existing part is resolved
    /// by the file system, the rest lexically.
    static func resolvedPath(_ path: String) -> String {
        var current = "/"
        var components = path.split(separator: "/").map(String.init)[...]
        var hops = 0
        while let name = components.popFirst() {
            if name == "." { continue }
            if name == ".." {
                current = parent(of: current)
                continue
            }
            let candidate = current == "/" ? "/" + name : current + "/" + name
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                current = candidate
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK, hops < 64, let text = linkText(candidate) {
                // Resolve the link's text in place of its name, so `..` after it climbs from
                // where it leads, as the kernel does.
                hops += 1
                if text.hasPrefix("/") { current = "/" }
                components = (text.split(separator: "/").map(String.init) + components)[...]
            } else {
                current = candidate
            }
        }
        return current
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
