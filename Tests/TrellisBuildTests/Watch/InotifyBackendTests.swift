#if os(Linux)
    import Foundation
    import Glibc
    import Testing
    import TrellisCore

    @testable import TrellisBuild

    /// The inotify backend on its own (events are queued by the kernel before each file call
    /// returns, so reading them right after is deterministic), and the watcher's fallback to
    /// polling when inotify runs out of watches.
    @Suite struct InotifyBackendTests {
        let site: TestSite
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)

        init() throws {
            site = try TestSite([
                "docs/index.md": "i\n", "docs/guide/setup.md": "s\n", "site/index.html": "", ".git/objects/ab/cd": "",
            ])
        }

        func backend(watchLimit: Int? = nil) throws -> InotifyBackend {
            try InotifyBackend(
                root: site.root.path, filter: WatchFilter(root: site.root, ignoring: ["site", ".git"]), watchLimit: watchLimit
            )
        }

        func finish(_ backend: InotifyBackend) {
            backend.close()
            buffer.deallocate()
            site.cleanUp()
        }

        @Test func watchesEveryFolderButTheIgnoredOnes() throws {
            let inotify = try backend()
            defer { finish(inotify) }
            #expect(inotify.watchedFolders == ["", "docs", "docs/guide"])
        }

        @Test func newFolderIsWatchedAndItsFilesReportedMovedFolderIsForgotten() throws {
            var inotify = try backend()
            defer { finish(inotify) }
            try site.write("docs/new/deeper/page.md", "new\n")
            var events = inotify.readEvents(buffer: buffer)
            #expect(Set(events.paths) == ["docs/new/deeper/page.md"])
            #expect(inotify.watchedFolders.isSuperset(of: ["docs/new", "docs/new/deeper"]))

            let outside = try TestSite([:])
            defer { outside.cleanUp() }
            try FileManager.default.moveItem(
                at: site.root.appending(path: "docs/new"), to: outside.root.appending(path: "new"))
            events = inotify.readEvents(buffer: buffer)
            #expect(Set(events.paths) == ["docs/new/deeper/page.md"])
            #expect(inotify.watchedFolders == ["", "docs", "docs/guide"])
            try outside.write("new/deeper/page.md", "edited where it went\n")
            #expect(inotify.readEvents(buffer: buffer).paths.isEmpty)
        }

        @Test func overflowingTheQueueAsksForARescanAndKeepsWatching() throws {
            var inotify = try backend()
            defer { finish(inotify) }
            let limit =
                (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
                .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16384
            let first = open(site.root.appending(path: "docs/a.md").path, O_WRONLY | O_CREAT, 0o644)
            let second = open(site.root.appending(path: "docs/b.md").path, O_WRONLY | O_CREAT, 0o644)
            defer {
                close(first)
                close(second)
            }
            var byte: UInt8 = 0
            // Alternating files, so the kernel cannot merge an event into the one before it.
            for _ in 0...(limit / 2 + 100) {
                _ = write(first, &byte, 1)
                _ = write(second, &byte, 1)
            }
            let events = inotify.readEvents(buffer: buffer)
            #expect(events.rescan)
            #expect(inotify.watchedFolders == ["", "docs", "docs/guide"])
            try site.write("docs/guide/after.md", "after the overflow\n")
            #expect(Set(inotify.readEvents(buffer: buffer).paths) == ["docs/guide/after.md"])
        }

        @Test func runningOutOfWatchesAtStartIsAnError() throws {
            #expect(throws: InotifyBackend.Exhausted.self) { _ = try backend(watchLimit: 2) }
            buffer.deallocate()
            site.cleanUp()
        }

        @Test func watcherFallsBackToPollingWhenOutOfWatches() throws {
            defer {
                buffer.deallocate()
                site.cleanUp()
            }
            let atStart = try WatchedFolder(["a/b/c.md": "c\n"], mode: .automatic, inotifyWatchLimit: 1)
            #expect(atStart.watcher.backend == .polling)
            try atStart.write("a/b/c.md", "edited while polling\n")
            #expect(atStart.waitFor(["a/b/c.md"]))

            let later = try WatchedFolder(["a/b.md": "b\n"], mode: .automatic, inotifyWatchLimit: 2)
            #expect(later.watcher.backend == .inotify)
            try later.write("new/c.md")
            #expect(later.waitUntil { later.batches.withLock { $0.contains { $0.rescan } } })
            #expect(later.watcher.backend == .polling)
            try later.write("a/b.md", "edited after the fallback\n")
            #expect(later.waitFor(["a/b.md"]))
        }
    }
#endif
