import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The build's output for every brand at once: written into one hidden staging folder beside
/// `site_dir` (same file system) and swapped in whole, so at every instant `site_dir` holds the
/// complete previous site or the complete new one, never a mix of brands or a half-written page.
///
/// While it is open it holds a lock on the folder around `site_dir`, so two builds never write
/// the same output at once and leftovers seen under the lock are certainly from dead builds.
final class SiteOutput: Sendable {
    /// The output folder (`site_dir`, symlinks resolved).
    let final: URL
    /// The staging folder, a sibling of `final`.
    let staging: URL
    /// Whether each brand gets its own subfolder.
    let brandSubfolders: Bool
    /// The descriptor holding the output lock (-1 once released).
    private let lockDescriptor: Locked<Int32>

    /// Takes the lock (waiting for another build to finish), puts back or removes what an
    /// interrupted build left, and creates the staging folder.
    init(siteDir: URL, brandSubfolders: Bool) throws {
        final = URL(fileURLWithPath: ProjectFolder.resolvedPath(siteDir.standardizedFileURL.path))
        self.brandSubfolders = brandSubfolders
        let parent = final.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let descriptor = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var locked = false
        if descriptor >= 0 {
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            locked = true
        }
        lockDescriptor = Locked(descriptor)
        // Without a lock (a file system that refuses it) another build's folders may be live.
        if locked { Self.recover(final) }
        staging = parent.appending(path: Self.name(.staging, for: final.lastPathComponent))
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    deinit { unlock() }

    /// The folder a brand's output is written to.
    func folder(for brandID: String) throws -> OutputFolder {
        try OutputFolder(staging: brandSubfolders ? staging.appending(path: brandID) : staging)
    }

    /// Swaps the staged site in. The current output's hidden entries (a deploy worktree's
    /// `.git`) are linked into the staged tree first, as MkDocs keeps them; with `built` set (a
    /// build of some brands only), so are the other brands' folders, which survive unchanged.
    func commit(keepingAllBut built: Set<String>?) throws {
        defer { unlock() }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: final.path)) ?? [] where !Self.isLeftover(name) {
            let keep = name.hasPrefix(".") || (brandSubfolders && built.map { !$0.contains(name) } ?? false)
            if keep && !FileManager.default.fileExists(atPath: staging.path + "/" + name) {
                try FileTree.clone(final.path + "/" + name, to: staging.path + "/" + name)
            }
        }
        if let parked = try AtomicSwap.replace(final.path, with: staging.path) {
            FileTree.removeInBackground(parked)
        }
    }

    /// Throws the staged output away; the current site is left as it is.
    func discard() {
        FileTree.remove(staging.path)
        unlock()
    }

    private func unlock() {
        lockDescriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }

    /// The folders a build makes beside `site_dir`: the output being written, the previous
    /// output parked during a swap, and the previous output being deleted.
    enum Leftover: String, CaseIterable {
        case staging = ".trellis-staging-"
        case old = ".trellis-old-"
        case trash = ".trellis-trash-"
    }

    /// `.trellis-staging-site-<time><random>`: the time (hex nanoseconds) orders them.
    static func name(_ kind: Leftover, for site: String) -> String {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let nanoseconds = UInt64(clock.tv_sec) &* 1_000_000_000 &+ UInt64(clock.tv_nsec)
        let time = String(nanoseconds, radix: 16)
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return kind.rawValue + site + "-" + String(repeating: "0", count: 16 - time.count) + time
            + String(repeating: "0", count: 8 - random.count) + random
    }

    /// The kind of a folder name this type makes for `site`, if it is one.
    static func leftover(_ name: String, for site: String) -> Leftover? {
        for kind in Leftover.allCases where name.hasPrefix(kind.rawValue + site + "-") {
            let token = name.utf8.dropFirst(kind.rawValue.utf8.count + site.utf8.count + 1)
            // 8 upper-case digits: the names earlier Trellis versions gave.
            let digits = token.count == 24 ? "0123456789abcdef" : "0123456789ABCDEF"
            if token.count == 24 || token.count == 8, token.allSatisfy({ digits.utf8.contains($0) }) {
                return kind
            }
        }
        return nil
    }

    private static func isLeftover(_ name: String) -> Bool {
        Leftover.allCases.contains { name.hasPrefix($0.rawValue) }
    }

    /// Cleans up after interrupted builds (run under the lock): an output parked aside by a swap
    /// that never finished is put back when `site_dir` is missing, then every other staging,
    /// parked or trash folder of this `site_dir` is removed. Folders are matched by their exact name
    /// pattern, and never the output itself.
    static func recover(_ final: URL) {
        let parent = final.deletingLastPathComponent().path
        let site = final.lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        var leftovers = names.filter { $0 != site && leftover($0, for: site) != nil }.sorted()
        var info = stat()
        if lstat(final.path, &info) != 0, let newest = leftovers.last(where: { leftover($0, for: site) == .old }) {
            // Keep everything when the parked output cannot be put back.
            guard rename(parent + "/" + newest, final.path) == 0 else { return }
            leftovers.removeAll { $0 == newest }
        }
        for name in leftovers { FileTree.remove(parent + "/" + name) }
    }
}
