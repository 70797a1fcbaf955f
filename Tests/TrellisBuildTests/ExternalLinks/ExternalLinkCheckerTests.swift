import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The `ExternalLink` rule against a real local server, through the real `URLSessionTransport`.
@Suite struct ExternalLinkCheckerTests {
    static func fastOptions() -> ExternalLinkOptions {
        var options = ExternalLinkOptions()
        options.timeout = .milliseconds(300)
        options.retries = 2
        options.retryBaseDelay = .milliseconds(10)
        options.userAgent = "Trellis test agent"
        return options
    }

    static func reference(_ url: String, _ path: String = "content/a.md", line: Int = 1, column: Int = 1)
        -> ExternalLinkReference
    {
        ExternalLinkReference(url: url, path: path, location: SourceLocation(line: line, column: column))
    }

    /// Checks `paths` on a fresh server, one reference each on successive lines of `content/a.md`.
    static func run(
        _ paths: [String], options: ExternalLinkOptions = fastOptions()
    ) async throws -> (diagnostics: [Diagnostic], server: ExternalLinkTestServer) {
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        let references = paths.enumerated().map { reference(server.base + $0.element, line: $0.offset + 1) }
        let diagnostics = await ExternalLinkChecker(options: options).check(references)
        return (diagnostics, server)
    }

    @Test func reportsNothingForLinksThatAnswer200() async throws {
        let (diagnostics, server) = try await Self.run(["/ok"])
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/ok", method: "HEAD") == 1)
        #expect(server.requests("/ok", method: "GET") == 0)
        #expect(server.receivedUserAgents == ["Trellis test agent"])
    }

    @Test func reportsA404WithTheURLAndStatus() async throws {
        let (diagnostics, server) = try await Self.run(["/missing"])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/a.md:1:1: error: '\(server.base)/missing' answered 404 Not Found [ExternalLink]"
            ])
        #expect(server.requests("/missing") == 1)
    }

    @Test func reportsServerErrorsWithoutRetrying() async throws {
        let (diagnostics, server) = try await Self.run(["/server-error"])
        #expect(diagnostics.map(\.message) == ["'\(server.base)/server-error' answered 500 Internal Server Error"])
        #expect(server.requests("/server-error") == 1)
    }

    @Test func fallsBackToGETWhenHEADIsNotAllowed() async throws {
        let (diagnostics, server) = try await Self.run(["/head-not-allowed"])
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/head-not-allowed", method: "HEAD") == 1)
        #expect(server.requests("/head-not-allowed", method: "GET") == 1)
    }

    @Test func fallsBackToGETWhenHEADLosesTheConnection() async throws {
        let (diagnostics, server) = try await Self.run(["/head-drop"])
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/head-drop", method: "HEAD") == 1)
        #expect(server.requests("/head-drop", method: "GET") == 1)
    }

    @Test func followsRedirects() async throws {
        let (diagnostics, server) = try await Self.run(["/redirect"])
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/redirect") == 1)
        #expect(server.requests("/ok") == 1)
    }

    @Test func reportsARedirectLoopAsAnError() async throws {
        let (diagnostics, server) = try await Self.run(["/loop"])
        #expect(diagnostics.map(\.message) == ["'\(server.base)/loop' redirects too many times (a redirect loop?)"])
        #expect(diagnostics.map(\.severity) == [.error])
        #expect(server.requests("/loop") <= 12)
    }

    @Test func retriesTimeoutsWithBackoffThenReportsThem() async throws {
        var options = Self.fastOptions()
        options.retries = 1
        let (diagnostics, server) = try await Self.run(["/slow"], options: options)
        #expect(diagnostics.map(\.message) == ["'\(server.base)/slow' timed out after 0.3 s (2 attempts)"])
        #expect(server.requests("/slow", method: "HEAD") == 2)
        #expect(server.requests("/slow", method: "GET") == 0)
    }

    @Test func retriesDroppedConnectionsAsGETAfterTheFirstHEAD() async throws {
        let (diagnostics, server) = try await Self.run(["/drop"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("'\(server.base)/drop' could not be reached: ") == true)
        #expect(diagnostics.first?.message.hasSuffix("(3 attempts)") == true)
        #expect(server.requests("/drop", method: "HEAD") == 1)
        #expect(server.requests("/drop", method: "GET") == 3)
    }

    @Test func warnsWhenStillRateLimitedAfterRetryingPerRetryAfter() async throws {
        let (diagnostics, server) = try await Self.run(["/limited"])
        #expect(
            diagnostics.map(\.formatted) == [
                "content/a.md:1:1: warning: rate limited (429) while checking '\(server.base)/limited'; try again later or exclude it [ExternalLink]"
            ])
        #expect(server.requests("/limited") == 3)
    }

    @Test func acceptsALinkThatAnswersAfterOneRateLimit() async throws {
        let (diagnostics, server) = try await Self.run(["/limited-once"])
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/limited-once") == 2)
    }

    @Test func requestsAURLReferencedFiveTimesOnceAndReportsEachReferenceInOrder() async throws {
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        let url = server.base + "/missing"
        let references = [
            Self.reference(url, "content/b.md", line: 3, column: 2),
            Self.reference(url, "content/a.md", line: 9, column: 1),
            Self.reference(url + "#part", "content/a.md", line: 2, column: 7),
            Self.reference(url, "content/a.md", line: 2, column: 3),
            Self.reference(url, "content/c.md", line: 1, column: 1),
        ]
        let diagnostics = await ExternalLinkChecker(options: Self.fastOptions()).check(references)
        #expect(server.requests("/missing") == 1)
        #expect(
            diagnostics.map(\.formatted) == [
                "content/a.md:2:3: error: '\(url)' answered 404 Not Found [ExternalLink]",
                "content/a.md:2:7: error: '\(url)#part' answered 404 Not Found [ExternalLink]",
                "content/a.md:9:1: error: '\(url)' answered 404 Not Found [ExternalLink]",
                "content/b.md:3:2: error: '\(url)' answered 404 Not Found [ExternalLink]",
                "content/c.md:1:1: error: '\(url)' answered 404 Not Found [ExternalLink]",
            ])
    }

    @Test func stripsFragmentsSoOnePageIsRequestedOnce() async throws {
        let (diagnostics, server) = try await Self.run(["/ok#intro", "/ok#usage", "/ok"])
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/ok") == 1)
    }

    @Test func keepsRequestsPerHostWithinTheLimit() async throws {
        var options = Self.fastOptions()
        options.perHostConcurrency = 2
        // No timeouts here: on a loaded machine a held answer can outlast the fast 300 ms timeout,
        // and a retried request would overlap the server's still-open one.
        options.timeout = .seconds(30)
        let paths = (1...6).map { "/hold/\($0)" }
        let (diagnostics, server) = try await Self.run(paths, options: options)
        #expect(diagnostics.isEmpty)
        #expect(paths.allSatisfy { server.requests($0) == 1 })
        #expect(server.maxConcurrentRequests <= 2)
    }

    @Test func skipsExcludedAndNonHTTPLinks() async throws {
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        var options = Self.fastOptions()
        options.excluded = [server.base + "/missing"]
        let references = [
            Self.reference(server.base + "/missing/deep"), Self.reference("mailto:someone@example.com"),
            Self.reference("ftp://example.com/file"), Self.reference("../relative.md"),
        ]
        let diagnostics = await ExternalLinkChecker(options: options).check(references)
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/missing/deep") == 0)
    }
}
