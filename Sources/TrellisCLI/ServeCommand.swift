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
struct ServeCommand: AsyncParsableCommand {
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

    @Flag(name: .long, help: "Open the preview in a browser ($BROWSER when set, else the system's default).")
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

    func run() async throws {
        var options = BuildOptions(root: site.rootURL)
        options.configName = site.configFile
        try site.applyBrands(brand, to: &options)
        options.strict = strict
        if verbose {
            options.log = { @Sendable (line: String) in StandardError.write(line + "\n") }
        }
        let service = PreviewService(
            PreviewService.Settings(options: options, host: host, port: port, polling: poll, useColour: StandardError.isTerminal),
            log: { line in StandardError.write(line.hasSuffix("\n") || line.isEmpty ? line : line + "\n") })
        let stopper = SignalStopper { service.stop() }
        let openBrowser = open
        let code = await service.run { url in if openBrowser { Browser.open(url) } }
        stopper.cancel()
        if code != 0 { throw ExitCode(code) }
    }
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
/// Opens a URL in the user's browser: with `$BROWSER` when it is set (commands separated by `:`,
/// `%s` standing for the URL, else the URL appended, as `xdg-open` and Python's `webbrowser`
/// read it), else with `open` on macOS and `xdg-open` elsewhere.
enum Browser {
    static func open(_ url: String) {
        for command in commands(for: url, environment: ProcessInfo.processInfo.environment) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil { return }
        }
        StandardError.write("warning: cannot open a browser: open \(url) yourself\n")
    }

    /// The commands to try, in order, each as an executable and its arguments.
    static func commands(for url: String, environment: [String: String]) -> [[String]] {
        var commands: [[String]] = []
        for entry in (environment["BROWSER"] ?? "").split(separator: ":") where !entry.trimmingCharacters(in: .whitespaces).isEmpty {
            let quoted = "'" + url.replacingOccurrences(of: "'", with: "'\\''") + "'"
            let line = entry.contains("%s") ? entry.replacingOccurrences(of: "%s", with: quoted) : entry + " " + quoted
            commands.append(["/bin/sh", "-c", line])
        }
        #if os(macOS)
            commands.append(["/usr/bin/open", url])
        #else
            commands.append(["/usr/bin/xdg-open", url])
        #endif
        return commands
    }
}
