import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension WatchTests {
    /// Starting and stopping: `stop()` wakes the thread at once, waits for it, closes every
    /// descriptor, may be called twice or from the callback, and nothing is delivered after it.
    @Suite struct FileWatcherLifecycleTests {
        @Test func stopDoesNotWaitForTheNextPollAndCanBeRepeated() throws {
            let folder = try WatchedFolder(mode: .polling(interval: .seconds(3600)))
            #expect(folder.watcher.backend == .polling)
            let started = ContinuousClock.now
            folder.watcher.stop()
            // Far below the hour a sleeping thread would take: the wake-up pipe works.
            #expect(ContinuousClock.now - started < .seconds(60))
            #expect(folder.watcher.backend == nil)
            folder.watcher.stop()
            #expect(folder.watcher.backend == nil)
        }

        @Test(arguments: watchModes)
        func nothingIsDeliveredAfterStopAndARestartWatchesAgain(mode: FileWatcher.Mode) throws {
            let folder = try WatchedFolder(mode: mode)
            try folder.write("before.md")
            folder.watcher.stop()
            let delivered = folder.batches.withLock { $0.count }
            try folder.write("while-stopped.md")
            usleep(300_000)
            #expect(folder.batches.withLock { $0.count } == delivered)

            try folder.watcher.start()
            try folder.watcher.start()
            try folder.write("after-restart.md")
            #expect(folder.waitFor(["after-restart.md"]))
        }

        @Test(arguments: watchModes)
        func stopFromInsideTheCallbackEndsTheWatcher(mode: FileWatcher.Mode) throws {
            let watcherBox = Locked<FileWatcher?>(nil)
            let folder = try WatchedFolder(mode: mode, onBatch: { _ in watcherBox.withLock { $0 }?.stop() })
            watcherBox.withLock { $0 = folder.watcher }
            try folder.write("first.md")
            #expect(folder.waitFor(["first.md"]))
            #expect(folder.waitUntil { folder.watcher.backend == nil })
            try folder.write("second.md")
            usleep(300_000)
            #expect(!folder.reported.contains("second.md"))
            folder.watcher.stop()
            watcherBox.withLock { $0 = nil }
        }

        @Test func startFailsWhenTheRootIsNotAFolder() throws {
            let site = try TestSite(["file.md": "x\n"])
            defer { site.cleanUp() }
            for root in [site.root.appending(path: "missing"), site.root.appending(path: "file.md")] {
                let watcher = FileWatcher(root: root, onChange: { _ in })
                #expect(throws: FileWatcherError.notAFolder(root.path)) { try watcher.start() }
                #expect(watcher.backend == nil)
            }
        }

        #if os(Linux)
            @Test(arguments: watchModes)
            func stopClosesEveryDescriptorTheWatcherOpened(mode: FileWatcher.Mode) throws {
                let inotifyBefore = openDescriptors().filter { $0.value == "anon_inode:inotify" }.count
                let folder = try WatchedFolder(["docs/a.md": "a\n"], mode: mode)
                let descriptors = folder.watcher.descriptors
                let targets = openDescriptors()
                let held = descriptors.compactMap { targets[$0] }
                #expect(held.count == descriptors.count)
                #expect(held.filter { $0.hasPrefix("pipe:") }.count == 2)
                #expect(held.contains("anon_inode:inotify") == (folder.watcher.backend == .inotify))
                folder.watcher.stop()
                let after = openDescriptors()
                // Pipes are told apart by inode; every inotify instance shares one, so count them
                // (no other test opens one while this suite runs: it is serialized).
                #expect(held.filter { $0.hasPrefix("pipe:") }.allSatisfy { !after.values.contains($0) })
                #expect(after.filter { $0.value == "anon_inode:inotify" }.count == inotifyBefore)
            }

            /// Descriptor → what it refers to (`pipe:[1234]`, `anon_inode:inotify`, a path).
            private func openDescriptors() -> [Int32: String] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
                var result: [Int32: String] = [:]
                for name in names {
                    guard let descriptor = Int32(name),
                        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)
                    else { continue }
                    result[descriptor] = target
                }
                return result
            }
        #endif
    }
}
