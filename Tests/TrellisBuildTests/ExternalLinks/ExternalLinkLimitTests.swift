import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// A transport that answers 200 after a short pause and records how many requests overlapped.
actor RecordingTransport: HTTPTransport {
    private var inFlight: [String: Int] = [:]
    private(set) var maxPerHost: [String: Int] = [:]
    private(set) var maxTotal = 0
    private(set) var requested: [String] = []

    nonisolated func send(method: String, url: URL, timeout: Duration, userAgent: String) async throws
        -> HTTPStatusResponse
    {
        let host = url.host ?? ""
        await begin(host, url.absoluteString)
        try? await Task.sleep(for: .milliseconds(20))
        await end(host)
        return HTTPStatusResponse(status: 200)
    }

    private func begin(_ host: String, _ url: String) {
        requested.append(url)
        inFlight[host, default: 0] += 1
        maxPerHost[host] = max(maxPerHost[host] ?? 0, inFlight[host]!)
        maxTotal = max(maxTotal, inFlight.values.reduce(0, +))
    }

    private func end(_ host: String) {
        inFlight[host, default: 0] -= 1
    }
}

@Suite struct ExternalLinkLimitTests {
    @Test func respectsTheGlobalAndPerHostLimitsAcrossHosts() async {
        var options = ExternalLinkOptions()
        options.perHostConcurrency = 2
        options.totalConcurrency = 3
        let transport = RecordingTransport()
        let urls = (1...4).flatMap { host in (1...4).map { "https://host\(host).test/page\($0)" } }
        let references = urls.map { ExternalLinkCheckerTests.reference($0) }
        let diagnostics = await ExternalLinkChecker(options: options, transport: transport).check(references)
        #expect(diagnostics.isEmpty)
        #expect(await transport.requested.sorted() == urls.sorted())
        #expect(await transport.maxTotal <= 3)
        #expect(await transport.maxPerHost.values.allSatisfy { $0 <= 2 })
    }

    @Test func reportsURLsWithoutAHostAsInvalidWithoutRequestingThem() async {
        let transport = RecordingTransport()
        let diagnostics = await ExternalLinkChecker(options: ExternalLinkOptions(), transport: transport)
            .check([ExternalLinkCheckerTests.reference("https://", "content/x.md", line: 4, column: 9)])
        #expect(diagnostics.map(\.formatted) == ["content/x.md:4:9: error: 'https://' is not a valid URL [ExternalLink]"])
        #expect(await transport.requested.isEmpty)
    }

    @Test func semaphoreWakesWaitersInArrivalOrder() async {
        let semaphore = AsyncSemaphore(1)
        await semaphore.wait()
        let order = OrderLog()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<3 {
                group.addTask {
                    await semaphore.wait()
                    await order.append(index)
                    await semaphore.signal()
                }
                // Let each waiter queue up before the next one is created.
                while await semaphore.waiting < index + 1 { await Task.yield() }
            }
            await semaphore.signal()
        }
        #expect(await order.values == [0, 1, 2])
    }
}

actor OrderLog {
    private(set) var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}
