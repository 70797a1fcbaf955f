import Foundation
import TrellisBuild
import TrellisCore

/// The rebuild engine behind the server: one task at a time changes the session.
actor PreviewEngine {
    private let session: PreviewSession
    private var shown: [Diagnostic] = []

    init(options: BuildOptions) {
        session = PreviewSession(options: options)
    }

    /// The first build.
    func start() -> (snapshot: PreviewSnapshot, pages: Int, unusable: Bool, ignored: [String]) {
        let snapshot = session.start()
        shown = snapshot.diagnostics
        return (snapshot, session.pageCount, session.isUnusable, session.ignoredFolders)
    }

    /// A batch of changes: the new state, what it cost, and the diagnostics when they changed.
    func apply(_ changes: FileChanges) -> (snapshot: PreviewSnapshot, rendered: Int, full: Bool, changedDiagnostics: Bool) {
        let snapshot = session.apply(changes.paths, everything: changes.rescan)
        let changed = snapshot.diagnostics != shown
        shown = snapshot.diagnostics
        return (snapshot, session.lastRendered, session.lastWasFull, changed)
    }

    /// The search index's update, to run off the engine.
    func searchJob() -> SearchJob? { session.searchJob() }

    /// Whether no rebuild happened since `job` was made.
    func isCurrent(_ job: SearchJob) -> Bool { session.isCurrent(job) }

    /// A finished search job's index, in place (nil when a rebuild made it out of date).
    func apply(_ result: SearchJob.Result) -> PreviewSnapshot? { session.apply(result) }

    func switchBrand(_ id: String) -> PreviewSnapshot? { session.switchBrand(to: id) }
}

/// `trellis serve` without its command line: the first build, the server, the watcher and the
/// rebuilds, until `stop()`. What a person should see goes to `log`, a line at a time.
public final class PreviewService: Sendable {
    public struct Settings: Sendable {
        public var options: BuildOptions
        public var host: String
        public var port: Int
        /// Watch by polling instead of inotify.
        public var polling: Bool
        /// Colour the diagnostics (a terminal).
        public var useColour: Bool

        public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, polling: Bool = false, useColour: Bool = false) {
            self.options = options
            self.host = host
            self.port = port
            self.polling = polling
            self.useColour = useColour
        }
    }

    let settings: Settings
    let log: @Sendable (String) -> Void
    private let server = Locked<PreviewServer?>(nil)
    private let stopped = Locked(false)

    public init(_ settings: Settings, log: @escaping @Sendable (String) -> Void) {
        self.settings = settings
        self.log = log
    }

    /// Stops a running service (or one about to run): `run()` then returns.
    public func stop() {
        stopped.withLock { $0 = true }
        server.withLock { $0 }?.stop()
    }

    /// Builds, serves and rebuilds until `stop()`; `ready` gets the address once the server
    /// listens and the watcher watches. Returns the exit code: 0 when stopped, 2 for an
    /// unusable config or an address that cannot be bound.
    public func run(ready: @escaping @Sendable (String) -> Void = { _ in }) async -> Int32 {
        let settings = self.settings
        let log = self.log
        let clock = ContinuousClock()
        let started = clock.now
        let engine = PreviewEngine(options: settings.options)
        let first = await engine.start()
        log(Self.printed(first.snapshot, colour: settings.useColour))
        let ms = Int(milliseconds(clock.now - started).rounded())
        log(DiagnosticPrinter.summary(of: first.snapshot.diagnostics, pages: first.pages, milliseconds: ms) + "\n")
        if first.unusable { return 2 }
        if !PreviewServer.isLoopback(settings.host) {
            log(
                "warning: serving on \(settings.host): anyone who can reach this machine can read the preview (use 127.0.0.1 to keep it local)\n")
        }

        let server = PreviewServer(host: settings.host, port: settings.port, snapshot: first.snapshot) { id in
            await engine.switchBrand(id)
        }
        self.server.withLock { $0 = server }
        if stopped.withLock({ $0 }) { server.stop() }
        let (changes, continuation) = AsyncStream.makeStream(of: FileChanges.self)
        let watcher = FileWatcher(
            root: settings.options.root, ignoring: first.ignored,
            mode: settings.polling ? .polling(interval: FileWatcher.defaultPollingInterval) : .automatic
        ) { batch in continuation.yield(batch) }

        // Rebuilds, one batch at a time, until the watcher stops.
        let rebuilding = Task {
            for await batch in changes {
                let start = clock.now
                let result = await engine.apply(batch)
                // Nothing of the site changed (a scratch file came and went).
                guard result.full || result.rendered > 0 || result.changedDiagnostics else { continue }
                server.publish(result.snapshot)
                let ms = milliseconds(clock.now - start)
                if result.changedDiagnostics { log(Self.printed(result.snapshot, colour: settings.useColour)) }
                let what = result.full ? "rebuilt everything" : "rebuilt \(result.rendered) page\(result.rendered == 1 ? "" : "s")"
                log("\(what) in \(Int(ms.rounded())) ms (\(Self.describe(batch)))\n")
                // The search index follows once the writer pauses, off the engine (a save never
                // waits for it); no page changes, so no reload. A job overtaken by a rebuild is
                // dropped.
                if let job = await engine.searchJob() {
                    Task.detached(priority: .utility) {
                        try? await Task.sleep(for: .milliseconds(400))
                        guard await engine.isCurrent(job) else { return }
                        if let searched = await engine.apply(job.run()) { server.publish(searched, reload: false) }
                    }
                }
            }
        }
        let announcing = Task {
            guard let port = try? await server.listeningPort() else { return }
            do {
                try watcher.start()
            } catch {
                log("warning: cannot watch the site for changes: \(error)\n")
            }
            let url = "http://\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(port)/"
            let which = first.snapshot.brands.count > 1 ? "brand '\(first.snapshot.brand)' " : ""
            log("Serving \(which)at \(url) (Ctrl-C to stop)\n")
            ready(url)
        }
        var code: Int32 = 0
        do {
            // Until Ctrl-C (or SIGTERM) stops it.
            try await server.run()
        } catch {
            log("error: cannot serve on \(settings.host):\(settings.port): \(error)\n")
            code = 2
        }
        announcing.cancel()
        await announcing.value
        watcher.stop()
        continuation.finish()
        await rebuilding.value
        return code
    }

    /// The snapshot's diagnostics as `build` prints them.
    static func printed(_ snapshot: PreviewSnapshot, colour: Bool) -> String {
        DiagnosticPrinter(useColour: colour, sources: snapshot.sources).render(snapshot.diagnostics)
    }

    static func describe(_ batch: FileChanges) -> String {
        if batch.rescan { return "the whole folder" }
        let paths = batch.paths.sorted()
        guard let first = paths.first else { return "nothing" }
        return paths.count == 1 ? first : "\(first) and \(paths.count - 1) more"
    }
}

/// A duration in milliseconds.
private func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}
