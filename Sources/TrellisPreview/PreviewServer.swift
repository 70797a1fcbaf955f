import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TrellisBuild
import TrellisCore

/// The HTTP server of `trellis serve`: it serves the current `PreviewSnapshot` and tells the
/// browsers to reload when the next one is published.
///
/// This is the only file that imports the HTTP library (Hummingbird); the routing, the paths, the
/// events and the script are plain code beside it. The server runs once:
///
/// ```swift
/// let server = PreviewServer(port: 8000, snapshot: first) { brand in await engine.switch(to: brand) }
/// async let running: Void = server.run()    // until the task is cancelled or `stop()` is called
/// let port = try await server.listeningPort()
/// server.publish(next)                      // after each finished rebuild
/// ```
public final class PreviewServer: Sendable {
    /// The address the server binds (a loopback address unless the user asks otherwise).
    public let host: String
    private let requestedPort: Int
    private let state: PreviewState
    private let router: PreviewRouter
    private let keepAliveInterval: Duration
    private let lifecycle = Locked(Lifecycle())

    /// - Parameters:
    ///   - host: the address to bind, `127.0.0.1` by default. Requests to a loopback-bound server
    ///     must name a local host (`localhost`, `127.x.x.x`, `[::1]`).
    ///   - port: the port; 0 picks a free one (see `listeningPort()`).
    ///   - snapshot: what is served until the first `publish`.
    ///   - keepAliveInterval: how often the events stream sends a comment while idle.
    ///   - switchBrand: builds (or finds) the snapshot of another brand for the switcher; nil when
    ///     it cannot, and then nothing changes. The server publishes what it returns.
    public init(
        host: String = "127.0.0.1", port: Int, snapshot: PreviewSnapshot, keepAliveInterval: Duration = .seconds(15),
        switchBrand: @escaping @Sendable (String) async -> PreviewSnapshot?
    ) {
        self.host = host
        self.requestedPort = port
        self.keepAliveInterval = keepAliveInterval
        state = PreviewState(snapshot)
        router = PreviewRouter(state: state, switchBrand: switchBrand, loopbackOnly: Self.isLoopback(host))
    }

    /// The snapshot being served.
    public var snapshot: PreviewSnapshot { state.snapshot }

    /// Swaps `snapshot` in whole (a request already being answered finishes from the old one),
    /// then tells every connected browser to reload. Never waits for a browser.
    ///
    /// With `reload: false` (files no page shows changed, such as the search index, and the
    /// generation is the same), the snapshot is swapped in without telling anyone.
    public func publish(_ snapshot: PreviewSnapshot, reload: Bool = true) {
        state.publish(snapshot, reload: reload)
    }

    /// The browsers connected to the events stream now.
    public var connectedBrowsers: Int { state.hub.clientCount }

    /// Binds and serves until the calling task is cancelled or `stop()` is called, then closes
    /// every connection (event streams included) and returns once all of them are done. Throws
    /// when the address cannot be bound; a server runs once.
    public func run() async throws {
        try lifecycle.withLock { lifecycle in
            guard lifecycle.phase == .idle else { throw PreviewServerError.alreadyRun }
            lifecycle.phase = .running
        }
        // The library reports a stop (its tasks cancelled) as an error; the command reports
        // what matters (a port in use) from what `run()` throws.
        var logger = Logger(label: "trellis.preview")
        logger.logLevel = .critical
        let application = Application(
            responder: TransportResponder(router: router, hub: state.hub),
            configuration: ApplicationConfiguration(address: .hostname(host, port: requestedPort)),
            onServerRunning: { [self] channel in listening(on: channel.localAddress?.port) },
            logger: logger
        )
        let failure = await withTaskCancellationHandler {
            await withTaskGroup(of: (any Error)?.self) { group in
                group.addTask {
                    do {
                        try await application.run()
                        return nil
                    } catch {
                        return error
                    }
                }
                group.addTask { [self] in
                    await sendKeepAlives()
                    return nil
                }
                group.addTask { [self] in
                    await stopRequested()
                    return nil
                }
                // Whichever ends first (a failure to bind, a stop, a cancellation) ends the rest.
                let first = await group.next() ?? nil
                state.hub.close()
                group.cancelAll()
                for await _ in group {}
                return first
            }
        } onCancel: {
            stop()
        }
        let waiters = lifecycle.withLock { lifecycle in
            lifecycle.phase = .stopped
            lifecycle.failure = failure ?? PreviewServerError.stopped
            defer { lifecycle.portWaiters = [:] }
            return Array(lifecycle.portWaiters.values)
        }
        for waiter in waiters { waiter.resume(throwing: failure ?? PreviewServerError.stopped) }
        if let failure, !(failure is CancellationError) { throw failure }
    }

    /// Asks `run()` to stop: it closes the connections and returns.
    public func stop() {
        let waiter = lifecycle.withLock { lifecycle in
            lifecycle.stopRequested = true
            defer { lifecycle.stopWaiter = nil }
            return lifecycle.stopWaiter
        }
        waiter?.resume()
    }

    /// The port the server listens on, once it does (the one chosen when it was given port 0).
    /// Throws when `run()` failed or stopped before listening, or the waiting task is cancelled.
    public func listeningPort() async throws -> Int {
        let id = lifecycle.withLock { lifecycle in
            defer { lifecycle.nextWaiter += 1 }
            return lifecycle.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                let answer: Result<Int, any Error>? = lifecycle.withLock { lifecycle in
                    if let port = lifecycle.port { return .success(port) }
                    if let failure = lifecycle.failure { return .failure(failure) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    lifecycle.portWaiters[id] = continuation
                    return nil
                }
                if let answer { continuation.resume(with: answer) }
            }
        } onCancel: {
            lifecycle.withLock { $0.portWaiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    private func listening(on port: Int?) {
        let waiters = lifecycle.withLock { lifecycle in
            lifecycle.port = port ?? requestedPort
            defer { lifecycle.portWaiters = [:] }
            return Array(lifecycle.portWaiters.values)
        }
        for waiter in waiters { waiter.resume(returning: port ?? requestedPort) }
    }

    /// Returns once `stop()` is called or the task is cancelled.
    private func stopRequested() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = lifecycle.withLock { lifecycle in
                    if lifecycle.stopRequested { return true }
                    lifecycle.stopWaiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            stop()
        }
    }

    private func sendKeepAlives() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: keepAliveInterval)
            guard !Task.isCancelled else { return }
            state.hub.keepAlive()
        }
    }

    /// Whether `host` is a loopback address or name (then requests must name a local host).
    public static func isLoopback(_ host: String) -> Bool {
        PreviewRouter.isLocal(host: host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
    }

    private struct Lifecycle {
        enum Phase { case idle, running, stopped }
        var phase = Phase.idle
        var port: Int?
        var failure: (any Error)?
        var portWaiters: [Int: CheckedContinuation<Int, any Error>] = [:]
        var nextWaiter = 0
        var stopRequested = false
        var stopWaiter: CheckedContinuation<Void, Never>?
    }
}

/// Why a preview server is not serving.
public enum PreviewServerError: Error, Sendable {
    /// `run()` was called on a server that already ran.
    case alreadyRun
    /// The server stopped (or was stopped before it listened).
    case stopped
}

/// Hands each request to the router and writes its answer with the HTTP library.
private struct TransportResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let router: PreviewRouter
    let hub: EventHub

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var headers: [String: String] = [:]
        // HTTP/1's `Host` arrives as the request's authority.
        if let authority = request.head.authority { headers["host"] = authority }
        for field in request.headers where headers[field.name.canonicalName] == nil {
            headers[field.name.canonicalName] = field.value
        }
        let answer = await router.respond(
            to: PreviewRequest(method: request.method.rawValue, target: request.head.path ?? "/", headers: headers))
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        let status = HTTPResponse.Status(code: answer.status, reasonPhrase: Self.reason(answer.status))
        switch answer.body {
        case .bytes(let data) where answer.omitsBody:
            fields[.contentLength] = String(data.count)
            return Response(status: status, headers: fields, body: ResponseBody())
        case .bytes(let data):
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .events(let subscription):
            return Response(
                status: status, headers: fields,
                body: ResponseBody { [hub] writer in
                    // A failed write (the browser is gone) ends this client's stream alone.
                    defer { hub.unsubscribe(subscription) }
                    for await message in subscription.messages {
                        try await writer.write(ByteBuffer(bytes: message))
                    }
                    try await writer.finish(nil)
                })
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 303: "See Other"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: ""
        }
    }
}
