import Foundation

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
    private let sendFlags = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
    import Darwin
    private let streamSocket = SOCK_STREAM
    private let sendFlags: Int32 = 0
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for testing the real transport.
///
/// One thread per connection, `Connection: close` on every answer, so in-flight requests equal
/// open connections. It counts requests per method and path and the most requests in flight.
/// Every loop is bounded: accept polls a stop flag, reads time out, slow answers sleep in slices.
final class ExternalLinkTestServer: @unchecked Sendable {
    // `@unchecked`: all mutable state is guarded by `lock`.
    struct Answer {
        var status: Int
        var headers: [String: String] = [:]
        var body = ""
        var delay: Duration = .zero
        /// Close the connection without answering, as a broken server does.
        var drop = false
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var inFlight = 0
    private var maxInFlight = 0
    private var stopped = false
    private var userAgents: Set<String> = []
    private var acceptThread: Thread?

    init() throws {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw ServerError.socket }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw ServerError.socket
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        acceptThread = thread
        thread.start()
    }

    enum ServerError: Error { case socket }

    /// The base URL, without a trailing slash (`http://127.0.0.1:54321`).
    var base: String { "http://127.0.0.1:\(port)" }

    /// Requests seen for `path`, all methods, or only `method` when given.
    func requests(_ path: String, method: String? = nil) -> Int {
        lock.withLock {
            counts.filter { key, _ in
                let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                return parts[1] == path && (method == nil || parts[0] == method)
            }.values.reduce(0, +)
        }
    }

    /// The most requests that were being answered at the same moment.
    var maxConcurrentRequests: Int { lock.withLock { maxInFlight } }

    /// Every `User-Agent` header received.
    var receivedUserAgents: Set<String> { lock.withLock { userAgents } }

    /// Stops accepting; the accept loop and slow answers notice within a few milliseconds.
    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(connection) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ").map(String.init)
        guard requestLine.count >= 2 else { return }
        let method = requestLine[0]
        let path = String(requestLine[1].prefix { $0 != "?" })
        let agent = lines.dropFirst().first { $0.lowercased().hasPrefix("user-agent:") }
            .map { $0.dropFirst("user-agent:".count).trimmingCharacters(in: .whitespaces) }
        let seen = lock.withLock { () -> Int in
            counts["\(method) \(path)", default: 0] += 1
            if let agent { userAgents.insert(agent) }
            inFlight += 1
            maxInFlight = max(maxInFlight, inFlight)
            return counts.filter { $0.key.hasSuffix(" \(path)") }.values.reduce(0, +)
        }
        defer { lock.withLock { inFlight -= 1 } }
        let answer = route(method: method, path: path, seen: seen)
        var slept = Duration.zero
        while slept < answer.delay, !isStopped {
            Thread.sleep(forTimeInterval: 0.02)
            slept += .milliseconds(20)
        }
        if answer.drop { return }
        write(answer, to: connection, includeBody: method != "HEAD")
    }

    /// The behaviour of each test route; `seen` counts requests to the path so far, this one included.
    private func route(method: String, path: String, seen: Int) -> Answer {
        switch path {
        case "/ok": return Answer(status: 200, body: "ok")
        case "/missing": return Answer(status: 404)
        case "/server-error": return Answer(status: 500)
        case "/head-not-allowed": return Answer(status: method == "HEAD" ? 405 : 200)
        case "/head-drop": return method == "HEAD" ? Answer(status: 0, drop: true) : Answer(status: 200)
        case "/drop": return Answer(status: 0, drop: true)
        case "/slow": return Answer(status: 200, delay: .milliseconds(1500))
        case "/limited": return Answer(status: 429, headers: ["Retry-After": "0"])
        case "/limited-once": return seen == 1 ? Answer(status: 429, headers: ["Retry-After": "0"]) : Answer(status: 200)
        case "/redirect": return Answer(status: 302, headers: ["Location": "/ok"])
        case "/loop": return Answer(status: 302, headers: ["Location": "/loop"])
        case _ where path.hasPrefix("/hold/"): return Answer(status: 200, delay: .milliseconds(150))
        default: return Answer(status: 404)
        }
    }

    private func readHead(_ connection: Int32) -> String? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            if let text = String(bytes: data, encoding: .utf8), text.contains("\r\n\r\n") {
                return String(text[..<text.range(of: "\r\n\r\n")!.lowerBound])
            }
        }
        return nil
    }

    private func write(_ answer: Answer, to connection: Int32, includeBody: Bool) {
        var text = "HTTP/1.1 \(answer.status) Status\r\nConnection: close\r\nContent-Length: \(answer.body.utf8.count)\r\n"
        for (name, value) in answer.headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        if includeBody { text += answer.body }
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, sendFlags) }
            guard count > 0 else { return }
            sent += count
        }
    }
}
