import Foundation
import TrellisCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches a project folder and everything in it, and reports each burst of changes as one batch
/// of paths once the folder has been quiet for a moment, so `trellis serve` can decide what to
/// rebuild.
///
/// On Linux it uses inotify (one watch per folder, added as folders appear), and falls back to
/// polling when inotify cannot be used or runs out of watches; elsewhere it polls. Editors'
/// temporary and backup files are never reported, so an atomic save (write `page.md.tmp` or
/// `.page.md.swp`, rename it onto `page.md`) reports `page.md`. Ignored folders are not even
/// entered. Symlinks are reported as files and never followed.
///
/// Threading: `onChange` is called on the watcher's own thread (not the Swift concurrency pool),
/// one batch at a time, never concurrently with itself, and never once `stop()` has returned.
/// It should hand the batch on quickly (to a task or a queue): while it runs, changes queue up
/// and arrive in the next batch. `start()` and `stop()` may be called from any thread, `stop()`
/// even from inside `onChange`.
public final class FileWatcher: Sendable {
    /// How to watch.
    public enum Mode: Sendable, Equatable, CustomStringConvertible {
        /// inotify on Linux, falling back to polling every `defaultPollingInterval` when inotify
        /// fails; polling elsewhere.
        case automatic
        /// Scans the tree every `interval` (for network and container file systems that send no
        /// events).
        case polling(interval: Duration)

        public var description: String {
            switch self {
            case .automatic: "automatic"
            case .polling(let interval): "polling every \(interval)"
            }
        }
    }

    /// What watches, once started.
    public enum Backend: Sendable, Equatable {
        /// Linux inotify: changes arrive as they happen.
        case inotify
        /// Scans of the tree at an interval.
        case polling
    }

    /// The interval `automatic` polls at when it cannot use inotify.
    public static let defaultPollingInterval = Duration.milliseconds(250)

    /// The folder watched; reported paths are relative to it.
    public let root: URL
    /// How the watcher was asked to watch (`backend` says what it does).
    public let mode: Mode
    let filter: WatchFilter
    let debounce: Duration
    let maxDelay: Duration
    let onChange: @Sendable (FileChanges) -> Void
    /// Makes inotify fail after this many watches, as if the kernel's limit were reached (tests).
    let inotifyWatchLimit: Int?
    private let state = Locked(Phase.idle)

    private enum Phase {
        case idle
        case running(Run)
        /// `stop()` asked the thread to end; the group is left when it has.
        case stopping(DispatchGroup, threadID: Locked<UInt?>)
    }

    private struct Run {
        /// Every descriptor the run opened (closed when it ends).
        let descriptors: [Int32]
        let wakeWriteDescriptor: Int32
        let stopping: Locked<Bool>
        let backend: Locked<Backend>
        let threadID: Locked<UInt?>
        let finished: DispatchGroup
    }

    /// - Parameters:
    ///   - root: the folder to watch, recursively.
    ///   - ignoring: folders (or files) left out, relative to `root` or absolute: the output
    ///     folder, `.git`, `.trellis-cache`, `.build`. Their contents are not watched at all.
    ///   - mode: inotify where possible (`automatic`), or polling.
    ///   - debounce: how long the folder must be quiet before a batch is delivered.
    ///   - maxDelay: the longest a change waits under a continuous stream of changes.
    ///   - onChange: receives each batch (never empty), on the watcher's thread.
    public convenience init(
        root: URL, ignoring: [String] = [], mode: Mode = .automatic, debounce: Duration = .milliseconds(15),
        maxDelay: Duration = .milliseconds(150), onChange: @escaping @Sendable (FileChanges) -> Void
    ) {
        self.init(
            root: root, ignoring: ignoring, mode: mode, debounce: debounce, maxDelay: maxDelay, inotifyWatchLimit: nil,
            onChange: onChange)
    }

    init(
        root: URL, ignoring: [String], mode: Mode, debounce: Duration, maxDelay: Duration, inotifyWatchLimit: Int?,
        onChange: @escaping @Sendable (FileChanges) -> Void
    ) {
        self.root = root
        self.mode = mode
        filter = WatchFilter(root: root, ignoring: ignoring)
        self.debounce = debounce
        self.maxDelay = maxDelay
        self.inotifyWatchLimit = inotifyWatchLimit
        self.onChange = onChange
    }

    deinit {
        stop()
    }

    /// What watches: nil unless running. `automatic` gives `inotify` on Linux unless it failed.
    public var backend: Backend? {
        state.withLock { phase in
            guard case .running(let run) = phase else { return nil }
            return run.backend.withLock { $0 }
        }
    }

    /// The descriptors the running watcher holds open (for tests that check they are closed).
    var descriptors: [Int32] {
        state.withLock { phase in
            guard case .running(let run) = phase else { return [] }
            return run.descriptors
        }
    }

    /// Starts watching: every change made after `start()` returns is reported. Does nothing when
    /// already running; a stopped watcher can be started again (a thread still ending after
    /// `stop()` delivers nothing more).
    /// - Throws: `FileWatcherError` when the root is not a folder or no wake-up pipe can be made.
    public func start() throws {
        try state.withLock { phase in
            if case .running = phase { return }
            phase = .running(try launch())
        }
    }

    /// Stops watching: wakes the thread, waits for it to end (unless called from `onChange`) and
    /// closes every descriptor. No batch is delivered after it returns. Idempotent.
    public func stop() {
        let waitFor: (DispatchGroup, Locked<UInt?>)? = state.withLock { phase in
            switch phase {
            case .idle:
                return nil
            case .stopping(let finished, let threadID):
                return (finished, threadID)
            case .running(let run):
                run.stopping.withLock { $0 = true }
                var byte: UInt8 = 1
                _ = write(run.wakeWriteDescriptor, &byte, 1)
                close(run.wakeWriteDescriptor)
                phase = .stopping(run.finished, threadID: run.threadID)
                return (run.finished, run.threadID)
            }
        }
        guard let (finished, threadID) = waitFor else { return }
        // From `onChange` the thread ends as soon as the callback returns.
        guard threadID.withLock({ $0 }) != currentThreadID() else { return }
        finished.wait()
        state.withLock { phase in
            if case .stopping(let group, _) = phase, group === finished { phase = .idle }
        }
    }

    private func launch() throws -> Run {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FileWatcherError.notAFolder(root.path)
        }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw FileWatcherError.cannotWake(errno: errno) }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }

        let rootPath = root.path
        var loop = WatchLoop(
            polling: nil, debouncer: ChangeDebouncer(quiet: debounce, maxDelay: maxDelay), wakeDescriptor: pipeEnds[0],
            stopping: Locked(false), activeBackend: Locked(.polling), threadID: Locked(nil),
            fallbackInterval: Self.defaultPollingInterval, onChange: onChange)
        switch mode {
        case .polling(let interval):
            loop.polling = PollingBackend(root: rootPath, filter: filter, interval: interval)
        case .automatic:
            #if os(Linux)
                if let inotify = try? InotifyBackend(root: rootPath, filter: filter, watchLimit: inotifyWatchLimit) {
                    loop.inotify = inotify
                    loop.activeBackend.withLock { $0 = .inotify }
                    break
                }
            #endif
            loop.polling = PollingBackend(root: rootPath, filter: filter, interval: Self.defaultPollingInterval)
        }

        var descriptors = pipeEnds
        #if os(Linux)
            if let inotify = loop.inotify { descriptors.append(inotify.descriptor) }
        #endif
        let run = Run(
            descriptors: descriptors, wakeWriteDescriptor: pipeEnds[1], stopping: loop.stopping, backend: loop.activeBackend,
            threadID: loop.threadID,
            finished: DispatchGroup())
        run.finished.enter()
        let thread = Thread { [loop, finished = run.finished] in
            var loop = loop
            loop.run()
            finished.leave()
        }
        thread.name = "trellis-watch"
        thread.start()
        return run
    }
}

/// Why a file watcher could not start.
public enum FileWatcherError: Error, Equatable, CustomStringConvertible {
    /// The root to watch does not exist or is not a folder.
    case notAFolder(String)
    /// The pipe that wakes the watcher's thread could not be created (out of descriptors).
    case cannotWake(errno: Int32)

    public var description: String {
        switch self {
        case .notAFolder(let path): "cannot watch \(path): not a folder"
        case .cannotWake(let code): "cannot start the file watcher: \(String(cString: strerror(code)))"
        }
    }
}
