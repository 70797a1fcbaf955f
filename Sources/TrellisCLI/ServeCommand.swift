import ArgumentParser
import Foundation
import TrellisBuild
import TrellisCore
import TrellisPreview

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `trellis serve`: builds every selected brand into memory, serves one at
/// http://127.0.0.1:8000/, and on every save rebuilds what changed and reloads the browsers.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload.",
        discussion: """
            Builds every brand (or those --brand names) in memory, serves the first at \
            http://127.0.0.1:8000/ (a switcher on each page shows another), and on every save \
            rebuilds what changed and reloads the browsers. A build with errors keeps the last good \
            pages and shows the errors over them. Nothing is written to the output folder. \
            Exit codes: 0 stopped with Ctrl-C, 2 bad usage, an unreadable config or a port in use.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Preview only this brand, or this brand file (.yml) over the site (repeatable; the first is shown).")
    var brand: [String] = []

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on. Anything but a loopback address exposes your drafts to the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the preview in the default browser.")
    var open = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Watch by scanning the folder every 250 ms instead of asking the system (for network file systems).")
    var poll = false

    @Flag(name: .long, help: "Print each stage of the first build with its time.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() throws {
        var options = BuildOptions(root: site.rootURL)
        options.configName = site.configFile
        try site.applyBrands(brand, to: &options)
        options.strict = strict
        if verbose {
            options.log = { @Sendable (line: String) in StandardError.write(line + "\n") }
        }
        let settings = PreviewRun.Settings(
            options: options, host: host, port: port, openBrowser: open, polling: poll)
        let code = Blocking.run { await PreviewRun(settings).run() }
        if code != 0 { throw ExitCode(code) }
    }
}

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

    func refreshSearch() -> PreviewSnapshot? { session.refreshSearch() }

    func switchBrand(_ id: String) -> PreviewSnapshot? { session.switchBrand(to: id) }
}

/// One `trellis serve`, from the first build to Ctrl-C.
struct PreviewRun: Sendable {
    struct Settings: Sendable {
        var options: BuildOptions
        var host: String
        var port: Int
        var openBrowser: Bool
        var polling: Bool
    }

    let settings: Settings

    init(_ settings: Settings) { self.settings = settings }

    func run() async -> Int32 {
        let clock = ContinuousClock()
        let started = clock.now
        let engine = PreviewEngine(options: settings.options)
        let first = await engine.start()
        StandardError.write(Self.printed(first.snapshot))
        let ms = Int(milliseconds(clock.now - started).rounded())
        StandardError.write(DiagnosticPrinter.summary(of: first.snapshot.diagnostics, pages: first.pages, milliseconds: ms) + "\n")
        if first.unusable { return 2 }
        if !PreviewServer.isLoopback(settings.host) {
            StandardError.write(
                "warning: serving on \(settings.host): anyone who can reach this machine can read the preview (use 127.0.0.1 to keep it local)\n")
        }

        let server = PreviewServer(host: settings.host, port: settings.port, snapshot: first.snapshot) { id in
            await engine.switchBrand(id)
        }
        let (changes, continuation) = AsyncStream.makeStream(of: FileChanges.self)
        let watcher = FileWatcher(
            root: settings.options.root, ignoring: first.ignored,
            mode: settings.polling ? .polling(interval: FileWatcher.defaultPollingInterval) : .automatic
        ) { batch in continuation.yield(batch) }
        let stopper = SignalStopper { server.stop() }

        // Rebuilds, one batch at a time, until the watcher stops.
        let rebuilding = Task {
            for await batch in changes {
                let start = clock.now
                let result = await engine.apply(batch)
                server.publish(result.snapshot)
                let ms = milliseconds(clock.now - start)
                if result.changedDiagnostics { StandardError.write(Self.printed(result.snapshot)) }
                let what = result.full ? "rebuilt everything" : "rebuilt \(result.rendered) page\(result.rendered == 1 ? "" : "s")"
                StandardError.write("\(what) in \(Int(ms.rounded())) ms (\(Self.describe(batch)))\n")
                // The search index follows; no page changes, so no reload.
                if let searched = await engine.refreshSearch() { server.publish(searched, reload: false) }
            }
        }
        let announcing = Task {
            guard let port = try? await server.listeningPort() else { return }
            do {
                try watcher.start()
            } catch {
                StandardError.write("warning: cannot watch the site for changes: \(error)\n")
            }
            let url = "http://\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(port)/"
            StandardError.write("Serving brand '\(first.snapshot.brand)' at \(url) (Ctrl-C to stop)\n")
            if settings.openBrowser { Browser.open(url) }
        }
        var code: Int32 = 0
        do {
            // Until Ctrl-C (or SIGTERM) stops it.
            try await server.run()
        } catch {
            StandardError.write("error: cannot serve on \(settings.host):\(settings.port): \(error)\n")
            code = 2
        }
        stopper.cancel()
        announcing.cancel()
        await announcing.value
        watcher.stop()
        continuation.finish()
        await rebuilding.value
        return code
    }

    /// The snapshot's diagnostics as `build` prints them.
    static func printed(_ snapshot: PreviewSnapshot) -> String {
        DiagnosticPrinter(useColour: StandardError.isTerminal, sources: snapshot.sources).render(snapshot.diagnostics)
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

/// Turns Ctrl-C (and SIGTERM) into a clean stop.
final class SignalStopper: Sendable {
    /// The signal sources, touched only to cancel them.
    private let sources: Locked<[any DispatchSourceSignal]>

    init(_ stop: @escaping @Sendable () -> Void) {
        sources = Locked(
            [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler(handler: stop)
                source.resume()
                return source
            })
    }

    func cancel() {
        sources.withLock { sources in
            for source in sources { source.cancel() }
        }
    }
}

/// Opens a URL in the default browser, without waiting for it.
enum Browser {
    static func open(_ url: String) {
        #if os(macOS)
            let tool = "/usr/bin/open"
        #else
            let tool = "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            StandardError.write("warning: cannot open a browser (\(tool)): open \(url) yourself\n")
        }
    }
}
