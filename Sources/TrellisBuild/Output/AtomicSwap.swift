import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a folder with another in one step where the file system allows it.
///
/// Linux exchanges the two names atomically with `renameat2(RENAME_EXCHANGE)`, macOS with
/// `renamex_np(RENAME_SWAP)`. Where the file system refuses (`EINVAL`, `ENOTSUP`, …) the old
/// folder is first renamed aside to a `.trellis-old-…` name, then the new one into place: a kill
/// between the two leaves no `site_dir`, and the next build's `SiteOutput.recover` puts the
/// parked folder back, so the old output is never lost. Once the new output is in place the
/// previous one is renamed to `.trellis-trash-…` and deleted in the background.
///
/// Test hook: `TRELLIS_TEST_PAUSE_SWAP=staged|exchanged|parked` stops the process (SIGSTOP) at
/// that step so `scripts/kill-test.py` can kill it exactly there;
/// `TRELLIS_TEST_SWAP_FALLBACK=1` takes the two-rename path as on a file system without
/// exchange. Neither changes anything else.
enum AtomicSwap {
    /// Puts `replacement` at `path`. Returns the folder now holding the previous content, to
    /// delete, or nil when there was none.
    static func replace(_ path: String, with replacement: String) throws -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard rename(replacement, path) == 0 else { throw OutputError(path: path, code: errno) }
            return nil
        }
        pause(at: "staged")
        if ProcessInfo.processInfo.environment["TRELLIS_TEST_SWAP_FALLBACK"] == nil {
            if exchange(replacement, path) == 0 {
                pause(at: "exchanged")
                return discarded(replacement, site: path)
            }
            guard [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP, EXDEV].contains(errno) else {
                throw OutputError(path: path, code: errno)
            }
        }
        let parked = newName(.old, for: path)
        guard rename(path, parked) == 0 else { throw OutputError(path: path, code: errno) }
        pause(at: "parked")
        guard rename(replacement, path) == 0 else {
            let code = errno
            _ = rename(parked, path)
            throw OutputError(path: path, code: code)
        }
        return discarded(parked, site: path)
    }

    /// Renames the folder holding the previous output to a `.trellis-trash-…` name, which
    /// recovery never puts back (a `.trellis-old-…` folder may be half deleted by then).
    private static func discarded(_ folder: String, site: String) -> String {
        let trash = newName(.trash, for: site)
        return rename(folder, trash) == 0 ? trash : folder
    }

    /// A new name of `kind` beside `path`.
    private static func newName(_ kind: SiteOutput.Leftover, for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appending(path: SiteOutput.name(kind, for: url.lastPathComponent)).path
    }

    #if canImport(Glibc)
        private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        /// Glibc's `renameat2` (2.28+), looked up at run time: Swift's Glibc module does not export it.
        private static let renameat2: RenameAt2? = dlsym(dlopen(nil, RTLD_NOW), "renameat2").map {
            unsafeBitCast($0, to: RenameAt2.self)
        }
        private static let renameExchange: UInt32 = 1 << 1

        private static func exchange(_ a: String, _ b: String) -> Int32 {
            guard let renameat2 else {
                errno = ENOSYS
                return -1
            }
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
        }
    #elseif canImport(Darwin)
        private static func exchange(_ a: String, _ b: String) -> Int32 {
            renamex_np(a, b, UInt32(RENAME_SWAP))
        }
    #endif

    /// The test hook (see above).
    private static func pause(at step: String) {
        if ProcessInfo.processInfo.environment["TRELLIS_TEST_PAUSE_SWAP"] == step { raise(SIGSTOP) }
    }
}
