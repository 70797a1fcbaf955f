import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The results cache: successes are reused while fresh, failures and stale entries are re-checked.
@Suite struct ExternalLinkCacheTests {
    static func temporaryCache() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("trellis-extlinks-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("cache/links.json")
    }

    static func options(cache: URL) -> ExternalLinkOptions {
        var options = ExternalLinkCheckerTests.fastOptions()
        options.cacheURL = cache
        return options
    }

    static func writeCache(_ entries: [String: Date], to url: URL) throws {
        let formatter = ISO8601DateFormatter()
        let body = entries.map { "\"\($0.key)\": {\"status\": 200, \"checkedAt\": \"\(formatter.string(from: $0.value))\"}" }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{\"version\": 1, \"entries\": {\(body.joined(separator: ", "))}}".write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func aSecondRunReusesSuccessesButRechecksFailures() async throws {
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.deletingLastPathComponent().deletingLastPathComponent()) }
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        let references = [
            ExternalLinkCheckerTests.reference(server.base + "/ok#top", line: 1),
            ExternalLinkCheckerTests.reference(server.base + "/missing", line: 2),
        ]
        let checker = ExternalLinkChecker(options: Self.options(cache: cache))
        let first = await checker.check(references)
        let second = await checker.check(references)
        #expect(first.map(\.message) == ["'\(server.base)/missing' answered 404 Not Found"])
        #expect(second == first)
        #expect(server.requests("/ok") == 1)
        #expect(server.requests("/missing") == 2)
        let saved = try String(contentsOf: cache, encoding: .utf8)
        #expect(saved.contains("\"\(server.base)/ok\""))
        #expect(!saved.contains("/missing"))
    }

    @Test func freshEntriesAreTrustedAndExpiredOnesRechecked() async throws {
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.deletingLastPathComponent().deletingLastPathComponent()) }
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        try Self.writeCache(
            [
                server.base + "/missing": Date().addingTimeInterval(-60),
                server.base + "/ok": Date().addingTimeInterval(-2 * 24 * 3600),
            ], to: cache)
        let references = [
            ExternalLinkCheckerTests.reference(server.base + "/missing"),
            ExternalLinkCheckerTests.reference(server.base + "/ok"),
        ]
        let diagnostics = await ExternalLinkChecker(options: Self.options(cache: cache)).check(references)
        // The cached "/missing" success is younger than the TTL, so it is believed without asking.
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/missing") == 0)
        #expect(server.requests("/ok") == 1)
    }

    @Test func aDamagedCacheIsIgnoredAndReplaced() async throws {
        let cache = try Self.temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.deletingLastPathComponent().deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0xFF, 0x00, 0x7B]).write(to: cache)
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        let references = [ExternalLinkCheckerTests.reference(server.base + "/ok")]
        let diagnostics = await ExternalLinkChecker(options: Self.options(cache: cache)).check(references)
        #expect(diagnostics.isEmpty)
        #expect(server.requests("/ok") == 1)
        let reloaded = ExternalLinkCache.load(from: cache, ttl: .seconds(3600))
        #expect(reloaded.entries[server.base + "/ok"]?.status == 200)
    }

    @Test func anUnwritableCacheGivesOneWarning() async throws {
        let blocker = try Self.temporaryCache().deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: blocker.deletingLastPathComponent()) }
        try "a file where a folder should be".write(to: blocker, atomically: true, encoding: .utf8)
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        let options = Self.options(cache: blocker.appendingPathComponent("links.json"))
        let diagnostics = await ExternalLinkChecker(options: options).check(
            [ExternalLinkCheckerTests.reference(server.base + "/ok")])
        #expect(diagnostics.map(\.id) == [.io])
        #expect(diagnostics.map(\.severity) == [.warning])
    }
}
