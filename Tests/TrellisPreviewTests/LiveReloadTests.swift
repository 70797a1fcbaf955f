import Foundation
import Testing
import TrellisBuild
import TrellisCore
import TrellisPreview
import TrellisTestSupport

/// Publishing a snapshot swaps it in and tells every browser on the events stream to reload.
@Suite(.timeLimit(.minutes(1))) struct LiveReloadTests {
    /// Opens the events stream and reads up to its `hello` (the server has registered the client).
    private func listen(port: Int, receiveBuffer: Int32? = nil) async throws -> (RawHTTPConnection, String) {
        let connection = try await RawHTTPConnection(port: port, receiveBuffer: receiveBuffer)
        try await connection.request("GET", "/__trellis/events")
        let head = try await connection.read(untilText: "event: hello\ndata: ")
        return (connection, head + (try await connection.read(untilText: "\n\n")))
    }

    @Test func aPublishedSnapshotIsAnnouncedThenServed() async throws {
        let first = snapshot(["index.html": "<body>Old text</body>"], generation: 1)
        try await withPreviewServer(first) { server, port in
            let (events, opening) = try await listen(port: port)
            #expect(opening.contains("HTTP/1.1 200"))
            #expect(opening.lowercased().contains("content-type: text/event-stream"))
            #expect(opening.lowercased().contains("cache-control: no-store"))
            #expect(opening.contains("event: hello\ndata: 1\n\n"))
            #expect(server.connectedBrowsers == 1)

            server.publish(snapshot(["index.html": "<body>New text</body>"], generation: 2))
            _ = try await events.read(untilText: "event: reload\ndata: 2\n\n")
            let page = try await rawHTTP(port: port, "/")
            #expect(page.text.contains("New text"))
            #expect(page.text.contains("data-generation=\"2\""))
            #expect(server.snapshot.generation == 2)
        }
    }

    @Test func everyBrowserIsToldAndIdleStreamsGetKeepAlives() async throws {
        try await withPreviewServer(snapshot(["index.html": "x"]), keepAliveInterval: .milliseconds(50)) { server, port in
            let (first, _) = try await listen(port: port)
            let (second, _) = try await listen(port: port)
            _ = try await first.read(untilText: ": keep-alive\n\n")
            server.publish(snapshot(["index.html": "y"], generation: 5))
            _ = try await first.read(untilText: "event: reload\ndata: 5\n\n")
            _ = try await second.read(untilText: "event: reload\ndata: 5\n\n")
        }
    }

    @Test func aClientThatNeverReadsStallsNeitherPublishNorOtherClients() async throws {
        try await withPreviewServer(snapshot(["index.html": "v0"])) { server, port in
            // A client with a tiny receive buffer that it never reads. (On loopback the kernel
            // takes megabytes before a write would wait; `EventHubTests` covers a client whose
            // writes never finish.)
            let (stuck, _) = try await listen(port: port, receiveBuffer: 1024)
            let (reader, _) = try await listen(port: port)
            var next = snapshot(["index.html": "v0"])
            let last = 3000
            for generation in 1...last {
                next.generation = generation
                server.publish(next)
            }
            _ = try await reader.read(untilText: "event: reload\ndata: \(last)\n\n")
            // Pages are still served, from the last snapshot published.
            #expect(try await rawHTTP(port: port, "/").text.contains("data-generation=\"\(last)\""))
            #expect(server.connectedBrowsers == 2)
            _ = stuck
        }
    }

    @Test func aVanishedClientIsDropped() async throws {
        try await withPreviewServer(snapshot(["index.html": "v0"])) { server, port in
            let (staying, _) = try await listen(port: port)
            do {
                let (leaving, _) = try await listen(port: port)
                #expect(server.connectedBrowsers == 2)
                _ = leaving
            }
            // The closed socket is found out when writing to it fails (or the server sees it close).
            var generation = 1
            let dropped = await eventually {
                generation += 1
                server.publish(snapshot(["index.html": "v"], generation: generation))
                return server.connectedBrowsers == 1
            }
            #expect(dropped)
            _ = try await staying.read(untilText: "event: reload\ndata: \(generation)\n\n")
        }
    }

    @Test func stoppingEndsOpenStreamsAndRunReturns() async throws {
        let server = PreviewServer(port: 0, snapshot: snapshot(["index.html": "x"])) { _ in nil }
        let running = Task { try await server.run() }
        let port = try await server.listeningPort()
        let (events, _) = try await listen(port: port)
        let (stuck, _) = try await listen(port: port, receiveBuffer: 1024)
        for generation in 2...2000 { server.publish(snapshot(["index.html": "x"], generation: generation)) }
        server.stop()
        try await running.value
        // The stream ends (a closed connection), and nothing listens any more.
        _ = try await events.readToEnd()
        _ = stuck
        #expect(server.connectedBrowsers == 0)
        await #expect(throws: (any Error).self) { try await RawHTTPConnection(port: port).readToEnd() }
        await #expect(throws: PreviewServerError.self) { try await server.run() }
    }

    @Test func cancellingTheTaskThatRunsTheServerStopsIt() async throws {
        let server = PreviewServer(port: 0, snapshot: snapshot(["index.html": "x"])) { _ in nil }
        let running = Task { try await server.run() }
        let port = try await server.listeningPort()
        let (events, _) = try await listen(port: port)
        running.cancel()
        try await running.value
        _ = try await events.readToEnd()
        #expect(server.connectedBrowsers == 0)
    }

    @Test func aPortInUseIsAnErrorFromRunAndFromListeningPort() async throws {
        try await withPreviewServer(snapshot(["index.html": "x"])) { _, port in
            let second = PreviewServer(port: port, snapshot: snapshot(["index.html": "y"])) { _ in nil }
            let error = await #expect(throws: (any Error).self) { try await second.run() }
            // What the command prints: the system's reason.
            #expect(String(describing: error).contains("in use"))
            await #expect(throws: (any Error).self) { try await second.listeningPort() }
        }
    }
}
