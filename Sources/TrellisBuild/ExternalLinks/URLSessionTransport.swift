import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real transport: `URLSession`, stopping each transfer as soon as the response head arrives.
///
/// Redirects are followed up to `maxRedirects`; more count as `tooManyRedirects`. The timeout is
/// enforced by a watchdog task: `URLRequest.timeoutInterval` is an idle timeout that a server
/// trickling bytes never trips, and on Linux it only has whole-second precision.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // `@unchecked`: the session and delegate are immutable references; URLSession is thread-safe.
    private let session: URLSession
    private let delegate: TransportDelegate

    /// - Parameter maxRedirects: how many redirects one request may follow before it is an error.
    public init(maxRedirects: Int = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        delegate = TransportDelegate(maxRedirects: maxRedirects)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(method: String, url: URL, timeout: Duration, userAgent: String) async throws
        -> HTTPStatusResponse
    {
        var request = URLRequest(url: url)
        request.httpMethod = method
        // swift-corelibs-foundation truncates this to whole seconds (0.3 becomes "time out at
        // once"), so it only backs up the watchdog below, which keeps the exact timeout.
        request.timeoutInterval = timeout.seconds.rounded(.up) + 1
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("*/*", forHTTPHeaderField: "Accept")
        let task = session.dataTask(with: request)
        let delegate = self.delegate
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            delegate.cancel(task, because: .timedOut)
        }
        defer { watchdog.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.register(task, continuation)
                task.resume()
            }
        } onCancel: {
            delegate.cancel(task, because: .connectionFailed("cancelled"))
        }
    }
}

/// Matches URLSession callbacks to the waiting continuation of each task.
private final class TransportDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // `@unchecked`: every mutable field is guarded by `lock`.
    private struct Pending {
        var continuation: CheckedContinuation<HTTPStatusResponse, any Error>?
        var redirects = 0
        var failure: HTTPTransportError?
    }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private let maxRedirects: Int

    init(maxRedirects: Int) {
        self.maxRedirects = maxRedirects
    }

    func register(_ task: URLSessionTask, _ continuation: CheckedContinuation<HTTPStatusResponse, any Error>) {
        lock.withLock { pending[task.taskIdentifier] = Pending(continuation: continuation) }
    }

    /// Stops a task and records why, so its completion reports that reason.
    func cancel(_ task: URLSessionTask, because reason: HTTPTransportError) {
        let known = lock.withLock { () -> Bool in
            guard var entry = pending[task.taskIdentifier] else { return false }
            entry.failure = entry.failure ?? reason
            pending[task.taskIdentifier] = entry
            return true
        }
        if known { task.cancel() }
    }

    private func finish(_ task: URLSessionTask, _ result: Result<HTTPStatusResponse, any Error>) {
        let continuation = lock.withLock { () -> CheckedContinuation<HTTPStatusResponse, any Error>? in
            let continuation = pending[task.taskIdentifier]?.continuation
            pending[task.taskIdentifier]?.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let allowed = lock.withLock { () -> Bool in
            guard var entry = pending[task.taskIdentifier] else { return false }
            entry.redirects += 1
            if entry.redirects > maxRedirects { entry.failure = entry.failure ?? .tooManyRedirects }
            pending[task.taskIdentifier] = entry
            return entry.failure == nil
        }
        // Declining (nil) delivers the redirect response itself, which `didReceive` turns into
        // the recorded failure. Cancelling here instead crashes swift-corelibs-foundation.
        completionHandler(allowed ? request : nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let failure = lock.withLock { pending[dataTask.taskIdentifier]?.failure }
        if let failure {
            finish(dataTask, .failure(failure))
        } else if let http = response as? HTTPURLResponse {
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key] = value }
            }
            finish(dataTask, .success(HTTPStatusResponse(status: http.statusCode, headers: headers)))
        } else {
            finish(dataTask, .failure(HTTPTransportError.connectionFailed("not an HTTP response")))
        }
        // The status is all we need: stop before the body is transferred.
        completionHandler(.cancel)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let entry = lock.withLock { pending.removeValue(forKey: task.taskIdentifier) }
        entry?.continuation?.resume(throwing: Self.classify(error, recorded: entry?.failure))
    }

    private static func classify(_ error: (any Error)?, recorded: HTTPTransportError?) -> HTTPTransportError {
        if let recorded { return recorded }
        guard let error = error as? URLError else {
            return .connectionFailed(error.map { "\($0)" } ?? "no response")
        }
        switch error.code {
        case .timedOut: return .timedOut
        case .httpTooManyRedirects, .redirectToNonExistentLocation: return .tooManyRedirects
        default: return .connectionFailed(error.localizedDescription)
        }
    }
}
