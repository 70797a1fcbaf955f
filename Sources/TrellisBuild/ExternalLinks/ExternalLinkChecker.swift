import Foundation
import TrellisCore

/// The `ExternalLink` rule of `trellis lint --external`: requests every http(s) link in the docs
/// and reports each reference whose URL does not answer successfully.
///
/// Like Zola and lychee it reports everything in one run: each distinct URL (fragment removed)
/// is requested once however many pages use it, with a per-host and a global concurrency limit,
/// retries with exponential backoff, and a cache of recent successes.
public struct ExternalLinkChecker: Sendable {
    public var options: ExternalLinkOptions
    private let transport: any HTTPTransport

    public init(options: ExternalLinkOptions = ExternalLinkOptions(), transport: any HTTPTransport = URLSessionTransport()) {
        self.options = options
        self.transport = transport
    }

    /// Checks each distinct URL once (many references share one request), returns diagnostics for the references.
    ///
    /// Non-http(s) and excluded URLs are skipped. Diagnostics are sorted by path, line and column.
    /// A cache that cannot be written yields one `IOError` warning; it never fails the check.
    public func check(_ references: [ExternalLinkReference]) async -> [Diagnostic] {
        var byKey: [String: [ExternalLinkReference]] = [:]
        for reference in references where isCheckable(reference.url) {
            byKey[Self.requestKey(reference.url), default: []].append(reference)
        }
        let now = Date()
        var cache = options.cacheURL.map { ExternalLinkCache.load(from: $0, ttl: options.cacheTTL, now: now) }
            ?? ExternalLinkCache()
        let pending = byKey.keys.filter { cache.entries[$0] == nil }.sorted()
        let outcomes = await checkAll(pending)

        var diagnostics: [Diagnostic] = []
        for (key, outcome) in outcomes {
            if case .ok(let status) = outcome {
                cache.entries[key] = ExternalLinkCache.Entry(status: status, checkedAt: now)
                continue
            }
            cache.entries[key] = nil
            for reference in byKey[key] ?? [] {
                if let diagnostic = outcome.diagnostic(for: reference.url, path: reference.path, at: reference.location) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        if let cacheURL = options.cacheURL {
            do {
                try cache.save(to: cacheURL)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .unavailableInput, path: cacheURL.path, at: nil,
                        message: "could not write the external link cache: \(error.localizedDescription)"))
            }
        }
        return diagnostics.sorted(by: Diagnostic.sortKey)
    }

    /// The URL actually requested: the fragment never reaches the server, so it is dropped.
    static func requestKey(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard let hash = trimmed.firstIndex(of: "#") else { return trimmed }
        return String(trimmed[..<hash])
    }

    private func isCheckable(_ url: String) -> Bool {
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        return !options.excluded.contains { !$0.isEmpty && url.hasPrefix($0) }
    }

    private func checkAll(_ keys: [String]) async -> [(String, ExternalLinkOutcome)] {
        let limits = ExternalLinkLimits(
            global: AsyncSemaphore(options.totalConcurrency), hosts: HostLimiter(perHost: options.perHostConcurrency))
        return await withTaskGroup(of: (String, ExternalLinkOutcome).self) { group in
            for key in keys {
                group.addTask { (key, await self.checkOne(key, limits: limits)) }
            }
            var results: [(String, ExternalLinkOutcome)] = []
            results.reserveCapacity(keys.count)
            for await result in group { results.append(result) }
            return results
        }
    }
}

/// The semaphores shared by all requests of one `check` call.
struct ExternalLinkLimits: Sendable {
    let global: AsyncSemaphore
    let hosts: HostLimiter
}

extension ExternalLinkChecker {
    /// Status codes after which a HEAD is repeated as a GET: servers that refuse or forbid HEAD.
    static let headFallbackStatuses: Set<Int> = [403, 405, 501]

    /// Checks one URL: HEAD, GET when HEAD is refused, retrying timeouts, failures and 429s.
    func checkOne(_ key: String, limits: ExternalLinkLimits) async -> ExternalLinkOutcome {
        guard let url = URL(string: key), let host = url.host?.lowercased(), !host.isEmpty else { return .invalidURL }
        let hostLimit = await limits.hosts.semaphore(for: host)
        var method = "HEAD"
        var attempt = 0
        while true {
            var result = await request(method, url, host: hostLimit, global: limits.global)
            // Only connection failures fall back: a HEAD that times out would most likely time out
            // as a GET too, and trying both would double the wait on every dead host.
            if method == "HEAD", Self.shouldFallBack(result) {
                method = "GET"
                result = await request(method, url, host: hostLimit, global: limits.global)
            }
            let canRetry = attempt < options.retries
            switch result {
            case .success(let response) where (200..<300).contains(response.status):
                return .ok(status: response.status)
            case .success(let response) where response.status == 429:
                guard canRetry else { return .rateLimited }
                await pause(retryAfter(response) ?? backoff(attempt))
            case .success(let response):
                return .httpError(status: response.status)
            case .failure(.tooManyRedirects):
                return .tooManyRedirects
            case .failure(.timedOut):
                guard canRetry else { return .timedOut(after: options.timeout, attempts: attempt + 1) }
                await pause(backoff(attempt))
            case .failure(.connectionFailed(let reason)):
                guard canRetry else { return .unreachable(reason: reason, attempts: attempt + 1) }
                await pause(backoff(attempt))
            }
            attempt += 1
        }
    }

    private static func shouldFallBack(_ result: Result<HTTPStatusResponse, HTTPTransportError>) -> Bool {
        switch result {
        case .success(let response): headFallbackStatuses.contains(response.status)
        case .failure(.connectionFailed): true
        case .failure: false
        }
    }

    /// One request, holding a permit of the host and of the whole run only while it is in flight.
    private func request(
        _ method: String, _ url: URL, host: AsyncSemaphore, global: AsyncSemaphore
    ) async -> Result<HTTPStatusResponse, HTTPTransportError> {
        // Host first: a task waiting on a busy host must not sit on a global permit.
        await host.wait()
        await global.wait()
        let result: Result<HTTPStatusResponse, HTTPTransportError>
        do {
            result = .success(
                try await transport.send(method: method, url: url, timeout: options.timeout, userAgent: options.userAgent))
        } catch let error as HTTPTransportError {
            result = .failure(error)
        } catch {
            result = .failure(.connectionFailed("\(error)"))
        }
        await global.signal()
        await host.signal()
        return result
    }

    private func backoff(_ attempt: Int) -> Duration {
        options.retryBaseDelay * (1 << min(attempt, 16))
    }

    /// The wait a 429 asks for (`Retry-After` in seconds or as an HTTP date), capped by the options.
    private func retryAfter(_ response: HTTPStatusResponse) -> Duration? {
        guard let value = response.headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        var wait: Duration
        if let seconds = Int(value) {
            wait = .seconds(max(0, seconds))
        } else if let date = Self.httpDate(value) {
            wait = .milliseconds(Int(max(0, date.timeIntervalSinceNow) * 1000))
        } else {
            return nil
        }
        wait = min(wait, options.maxRetryAfter)
        return wait
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    private func pause(_ duration: Duration) async {
        if duration > .zero { try? await Task.sleep(for: duration) }
    }
}
