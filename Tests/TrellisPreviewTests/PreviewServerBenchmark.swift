import Foundation
import Testing
import TrellisBuild
import TrellisPreview
import TrellisTestSupport

/// Not a test: with `TRELLIS_PREVIEW_BENCH=1`, times 1,000 sequential GETs of a 30 KB page (the
/// preview script injected into each) on one keep-alive connection, and on a new connection
/// each, and prints the figures. Nothing is asserted about them.
@Suite struct PreviewServerBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRELLIS_PREVIEW_BENCH"] != nil))
    func sequentialGetsOfA30KBPage() async throws {
        let paragraph = "<p>" + String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 8) + "</p>\n"
        var page = "<!doctype html><html><head><title>Page</title></head><body>\n"
        let end = "</body></html>\n"
        while page.utf8.count + paragraph.utf8.count + end.utf8.count <= 30 * 1024 { page += paragraph }
        page += String(repeating: " ", count: 30 * 1024 - page.utf8.count - end.utf8.count) + end
        let requests = 1000
        try await withPreviewServer(snapshot(["guide/index.html": page])) { _, port in
            for round in 1...3 {
                let connection = try await RawHTTPConnection(port: port)
                let keepAlive = try await timed {
                    for _ in 0..<requests {
                        try connection.requestBlocking("GET", "/guide/")
                        let response = try connection.readResponseBlocking()
                        guard response.status == 200, response.body.count > 30 * 1024 else {
                            throw RawHTTPError.malformed("status \(response.status), \(response.body.count) bytes")
                        }
                    }
                }
                let fresh = try await timed {
                    for _ in 0..<requests {
                        let connection = try RawHTTPConnection(blockingPort: port)
                        try connection.requestBlocking("GET", "/guide/", keepAlive: false)
                        guard try connection.readResponseBlocking().status == 200 else { throw RawHTTPError.malformed("status") }
                    }
                }
                print(
                    "preview server, round \(round): \(requests) GETs of a \(page.utf8.count)-byte page: "
                        + "one connection \(keepAlive), a connection each \(fresh)")
            }
        }
    }

    /// Runs `body` on a thread of its own and returns how long it took.
    private func timed(_ body: @escaping @Sendable () throws -> Void) async throws -> Duration {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                let clock = ContinuousClock()
                let start = clock.now
                continuation.resume(with: Result { try body() }.map { clock.now - start })
            }.start()
        }
    }
}
