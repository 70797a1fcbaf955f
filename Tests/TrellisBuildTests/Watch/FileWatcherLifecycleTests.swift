import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            let folder = try WatchedFolder(["docs/a.md": "a\n"], mode: mode)
            let rootInode = try #require(
                try FileManager.default.attributesOfItem(atPath: folder.url.path)[.systemFileNumber] as? Int)
            let descriptors = folder.watcher.descriptors
            let targets = openDescriptors()
            let pipes = Set(descriptors.compactMap { targets[$0] }.filter { $0.hasPrefix("pipe:") })
            #expect(pipes.count == 1)
            #expect(descriptors.count == (folder.watcher.backend == .inotify ? 3 : 2))
            #expect(inotifyInstancesWatching(inode: rootInode) == (folder.watcher.backend == .inotify ? 1 : 0))
            folder.watcher.stop()
            // Told apart by what they are, not by number: other tests open descriptors meanwhile.
            #expect(pipes.isDisjoint(with: openDescriptors().values))
            #expect(inotifyInstancesWatching(inode: rootInode) == 0)
        }

        /// Descriptor → what it refers to (`pipe:[1234]`, `anon_inode:inotify`, a path).
        private func openDescriptors() -> [Int32: String] {
            var result: [Int32: String] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
                guard let descriptor = Int32(name),
                    let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)
                else { continue }
                result[descriptor] = target
            }
            return result
        }

        /// How many inotify descriptors of this process watch the folder with this inode (every
        /// inotify descriptor is the same anonymous inode; its watches tell them apart).
        private func inotifyInstancesWatching(inode: Int) -> Int {
            let watch = " ino:" + String(inode, radix: 16) + " "
            return openDescriptors().filter { descriptor, target in
                guard target == "anon_inode:inotify",
                    let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(descriptor)", encoding: .utf8)
                else { return false }
                return info.split(separator: "\n").contains { $0.hasPrefix("inotify wd:") && $0.contains(watch) }
            }.count
        }
    #endif
}
