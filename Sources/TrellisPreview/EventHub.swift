import Foundation
import TrellisCore

/// The browsers listening on the server-sent events stream, and what is sent to them.
///
/// Each client has its own small buffer that keeps only the newest messages: sending never waits
/// for a client, so a slow or vanished browser holds up neither `publish` nor the others. A
/// client whose writes fail ends its stream, and leaves the hub when its stream ends.
final class EventHub: Sendable {
    /// One client's queue of messages, already in the wire format.
    typealias Stream = AsyncStream<Data>

    private struct State {
        var clients: [Int: Stream.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Locked(State())

    /// How many messages a client that does not keep up may have waiting; older ones are dropped
    /// (a reload supersedes the one before it, and keep-alives matter only while idle).
    private static let bufferSize = 4

    /// One client: its messages, and the id it leaves the hub by.
    struct Subscription: Sendable {
        let id: Int?
        let messages: Stream
    }

    /// A new client: first a `retry` and a `hello` with the current generation, then what is
    /// sent. A subscription to a closed hub ends at once.
    func subscribe(generation: Int) -> Subscription {
        let (stream, continuation) = Stream.makeStream(bufferingPolicy: .bufferingNewest(Self.bufferSize))
        continuation.yield(Self.message(retryMilliseconds: 1000))
        continuation.yield(Self.message(event: "hello", data: String(generation)))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.clients[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return Subscription(id: nil, messages: stream)
        }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return Subscription(id: id, messages: stream)
    }

    /// The client is gone (its stream ended or a write failed).
    func unsubscribe(_ subscription: Subscription) {
        guard let id = subscription.id else { return }
        remove(id)?.finish()
    }

    /// Announces a new state: every client gets `event: reload` with the generation.
    func reload(generation: Int) {
        send(Self.message(event: "reload", data: String(generation)))
    }

    /// A comment line, so idle connections are not closed by anything in between and a vanished
    /// client is found out by a failed write.
    func keepAlive() {
        send(Data(": keep-alive\n\n".utf8))
    }

    /// Ends every stream and refuses new ones: the server is stopping.
    func close() {
        let clients = state.withLock { state in
            state.closed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.finish() }
    }

    /// The clients currently connected.
    var clientCount: Int { state.withLock { $0.clients.count } }

    private func send(_ message: Data) {
        // Yielding never waits; it is still done outside the lock, as `onTermination` takes it.
        let clients = state.withLock { Array($0.clients.values) }
        for client in clients { client.yield(message) }
    }

    @discardableResult
    private func remove(_ id: Int) -> Stream.Continuation? {
        state.withLock { $0.clients.removeValue(forKey: id) }
    }

    static func message(event: String, data: String) -> Data {
        Data("event: \(event)\ndata: \(data)\n\n".utf8)
    }

    static func message(retryMilliseconds: Int) -> Data {
        Data("retry: \(retryMilliseconds)\n\n".utf8)
    }
}
