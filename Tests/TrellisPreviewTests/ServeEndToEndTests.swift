import Foundation
import Testing
import TrellisBuild
import TrellisCore
import TrellisPreview
import TrellisTestSupport

/// `trellis serve` as a writer meets it: a real site on disk, the watcher, the rebuilds and the
/// server on an ephemeral port of 127.0.0.1, driven over real HTTP.
@Suite(.timeLimit(.minutes(2))) struct ServeEndToEndTests {
    static let files = [
        "trellis.yml": "site_name: Guides\nsite_url: https://docs.example.com/\nbrands: [alpha, beta]\n",
        "brands/alpha.yml": "name: Alpha Cloud\nextra:\n  brand: Alpha Cloud\n",
        "brands/beta.yml": "name: Beta Hosting\nextra:\n  brand: Beta Hosting\n",
        "content/index.md": "# Home\n\nStart with [the install](guide.md#install).\n",
        "content/guide.md": "# Guide for {{ brand }}\n\n## Install\n\nRun the installer.\n",
    ]

    /// A site folder, a running service on it, and its log.
    final class Served: Sendable {
        let root: URL
        let service: PreviewService
        let running: Task<Int32, Never>
        let port: Int
        let lines: Locked<[String]>

        init() async throws {
            root = FileManager.default.temporaryDirectory.appending(path: "trellis-serve-\(UUID().uuidString)")
            for (path, text) in ServeEndToEndTests.files { try Self.write(text, to: root.appending(path: path)) }
            let lines = Locked<[String]>([])
            let address = Locked<String?>(nil)
            var options = BuildOptions(root: root)
            options.configName = "trellis.yml"
            let service = PreviewService(.init(options: options, port: 0)) { line in lines.withLock { $0.append(line) } }
            self.service = service
            self.lines = lines
            running = Task { await service.run { url in address.withLock { $0 = url } } }
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(60)
            while address.withLock({ $0 }) == nil, clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            guard let url = address.withLock({ $0 }), let port = URL(string: url)?.port else {
                service.stop()
                throw RawHTTPError.closed("the preview never said where it listens")
            }
            self.port = port
        }

        static func write(_ text: String, to url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        }

        func write(_ path: String, _ text: String) throws { try Self.write(text, to: root.appending(path: path)) }

        func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appending(path: path)) }

        func get(_ target: String) async throws -> RawHTTPResponse { try await rawHTTP(port: port, target) }

        /// The status the overlay shows: each diagnostic's rule and path.
        func problems() async throws -> [String] {
            let status = try await get("/__trellis/status.json")
            let json = try JSONSerialization.jsonObject(with: status.body) as? [String: Any]
            let diagnostics = json?["diagnostics"] as? [[String: Any]] ?? []
            return diagnostics.map { "\($0["rule"] as? String ?? "?") \($0["path"] as? String ?? "?")" }
        }

        func finish() async -> Int32 {
            service.stop()
            let code = await running.value
            try? FileManager.default.removeItem(at: root)
            return code
        }
    }

    /// Opens the events stream as the page script does.
    static func listen(_ served: Served) async throws -> RawHTTPConnection {
        let events = try await RawHTTPConnection(port: served.port, timeout: 30)
        try await events.request("GET", "/__trellis/events")
        _ = try await events.read(untilText: "event: hello\ndata: ")
        return events
    }

    /// Waits for the next reload event.
    static func reload(_ events: RawHTTPConnection) async throws {
        _ = try await events.read(untilText: "event: reload\ndata: ")
        _ = try await events.read(untilText: "\n\n")
    }

    @Test func aWriterEditsPagesAndTheBrowserFollows() async throws {
        let served = try await Served()
        do {
            // Pages and assets, with their types, the script injected into pages only.
            let home = try await served.get("/")
            #expect(home.status == 200)
            #expect(home.header("content-type")?.hasPrefix("text/html") == true)
            #expect(home.text.contains("/__trellis/preview.js"))
            let css = try await served.get("/assets/trellis.css")
            #expect(css.header("content-type")?.hasPrefix("text/css") == true)
            #expect(!css.text.contains("/__trellis/preview.js"))
            #expect(try await served.get("/guide/").text.contains("Guide for Alpha Cloud"))
            let events = try await Self.listen(served)

            // A text edit: a reload, then the new text.
            try served.write("content/guide.md", "# Guide for {{ brand }}\n\n## Install\n\nRun the new installer.\n")
            try await Self.reload(events)
            #expect(try await served.get("/guide/").text.contains("Run the new installer."))
            #expect(try await served.problems() == [])

            // A heading another page links to, renamed: that page's link shows in the overlay.
            try served.write("content/guide.md", "# Guide for {{ brand }}\n\n## Installation\n\nRun the new installer.\n")
            try await Self.reload(events)
            #expect(try await served.problems() == ["MissingAnchor content/index.md"])
            try served.write("content/index.md", "# Home\n\nStart with [the install](guide.md#installation).\n")
            try await Self.reload(events)
            #expect(try await served.problems() == [])

            // A new page appears in every page's navigation; deleted, it leaves it.
            try served.write("content/extra.md", "# Extra notes\n\nMore.\n")
            try await Self.reload(events)
            #expect(try await served.get("/").text.contains("Extra notes"))
            #expect(try await served.get("/guide/").text.contains("Extra notes"))
            try served.remove("content/extra.md")
            try await Self.reload(events)
            #expect(try await served.get("/").text.contains("Extra notes") == false)
            #expect(try await served.get("/extra/").status == 404)

            // A broken macro: the overlay says so and the last good page stays; fixed, it goes.
            try served.write("content/guide.md", "# Guide for {{ brand }}\n\n## Installation\n\nRun {{ brand.\n")
            try await Self.reload(events)
            #expect(try await served.problems().contains { $0.hasSuffix("content/guide.md") })
            #expect(try await served.get("/guide/").text.contains("Run the new installer."))
            try served.write("content/guide.md", "# Guide for {{ brand }}\n\n## Installation\n\nRun it on {{ brand }}.\n")
            try await Self.reload(events)
            #expect(try await served.problems() == [])
            #expect(try await served.get("/guide/").text.contains("Run it on Alpha Cloud."))

            // The brand switcher: another brand, on the same page.
            let switched = try await served.get("/__trellis/switch?brand=beta&path=/guide/")
            #expect(switched.status == 303)
            #expect(switched.header("location") == "/guide/")
            #expect(try await served.get("/guide/").text.contains("Run it on Beta Hosting."))

            // Nothing outside the site, in any spelling.
            for target in ["/../trellis.yml", "/..%2ftrellis.yml", "/%2e%2e/trellis.yml", "/%2E%2E%2Ftrellis.yml", "/..%5ctrellis.yml",
                "/%252e%252e/trellis.yml", "/guide/..%2f..%2ftrellis.yml"]
            {
                let response = try await served.get(target)
                #expect(response.status == 404, "\(target)")
                #expect(!response.text.contains("site_name"), "\(target)")
            }
            let log = served.lines.withLock { $0 }
            #expect(log.contains { $0.hasPrefix("rebuilt 2 pages in") }, "\(log)")
        } catch {
            _ = await served.finish()
            throw error
        }
        #expect(await served.finish() == 0)
    }
}
