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

/// An HTTP/1.1 response as read off the socket.
public struct RawHTTPResponse: Sendable {
    public var status: Int
    /// Header values by lower-cased name (the first of a repeated header).
    public var headers: [String: String]
    /// The body, de-chunked.
    public var body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

public enum RawHTTPError: Error, CustomStringConvertible {
    case connect(Int32)
    case send(Int32)
    case timeout(String)
    case malformed(String)
    case closed(String)

    public var description: String {
        switch self {
        case .connect(let code): "cannot connect (errno \(code))"
        case .send(let code): "cannot send (errno \(code))"
        case .timeout(let what): "timed out: \(what)"
        case .malformed(let what): "malformed response: \(what)"
        case .closed(let what): "connection closed: \(what)"
        }
    }
}

/// One TCP connection to a local server, written and read byte for byte: request lines are sent
/// exactly as given (URL types would normalize `..` or `%2e`), so tests can send what a hostile
/// client would. Reads block a thread of their own, never the test's task, and time out.
public final class RawHTTPConnection: @unchecked Sendable {
    // `@unchecked`: one test task uses a connection at a time; the buffers are touched only by
    // the blocking calls that task awaits one after another.
    private let fd: Int32
    private var pending = Data()
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private let timeout: Double

    /// Connects to 127.0.0.1:`port`. With `receiveBuffer`, the socket's receive buffer is made that
    /// small before connecting, for a client that reads nothing and so fills up at once.
    public convenience init(port: Int, timeout: Double = 10, receiveBuffer: Int32? = nil) async throws {
        let fd = try await offload { try Self.openSocket(port: port, timeout: timeout, receiveBuffer: receiveBuffer) }
        self.init(fd: fd, timeout: timeout)
    }

    /// Connects from the calling thread (a benchmark's own).
    public convenience init(blockingPort port: Int, timeout: Double = 10) throws {
        self.init(fd: try Self.openSocket(port: port, timeout: timeout, receiveBuffer: nil), timeout: timeout)
    }

    private init(fd: Int32, timeout: Double) {
        self.fd = fd
        self.timeout = timeout
    }

    private static func openSocket(port: Int, timeout: Double, receiveBuffer: Int32?) throws -> Int32 {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw RawHTTPError.connect(errno) }
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            let code = errno
            close(fd)
            throw RawHTTPError.connect(code)
        }
        return fd
    }

    deinit { close(fd) }

    /// Sends `text` as it is.
    public func send(_ text: String) async throws {
        try await offload { try self.sendBlocking(text) }
    }

    /// Sends a request for `target` (`Host` and `Connection` headers added unless given).
    public func request(_ method: String, _ target: String, headers: [String: String] = [:], keepAlive: Bool = true)
        async throws
    {
        try await offload { try self.requestBlocking(method, target, headers: headers, keepAlive: keepAlive) }
    }

    /// Reads one response. A HEAD request's response has no body, whatever its headers say.
    public func readResponse(head: Bool = false) async throws -> RawHTTPResponse {
        try await offload { try self.readResponseBlocking(head: head) }
    }

    /// Reads until `text` has arrived; returns everything up to and including it (bytes after it
    /// stay for the next read).
    public func read(untilText text: String) async throws -> String {
        try await offload { String(decoding: try self.readBlocking(until: Data(text.utf8), what: text), as: UTF8.self) }
    }

    /// Everything until the server closes the connection.
    public func readToEnd() async throws -> Data {
        try await offload { try self.readToEndBlocking() }
    }

    // The blocking forms, for a caller on a thread of its own (a benchmark's loop).

    public func sendBlocking(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { socketSend(fd, $0.baseAddress, $0.count) }
            guard sent > 0 else { throw RawHTTPError.send(errno) }
            bytes = bytes.dropFirst(sent)
        }
    }

    public func requestBlocking(_ method: String, _ target: String, headers: [String: String] = [:], keepAlive: Bool = true)
        throws
    {
        var lines = ["\(method) \(target) HTTP/1.1"]
        var headers = headers
        if !headers.keys.contains(where: { $0.lowercased() == "host" }) { headers["Host"] = "127.0.0.1" }
        if !keepAlive { headers["Connection"] = "close" }
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        try sendBlocking(lines.joined(separator: "\r\n") + "\r\n\r\n")
    }

    public func readResponseBlocking(head: Bool = false) throws -> RawHTTPResponse {
        let headEnd = try readBlocking(until: Data("\r\n\r\n".utf8), what: "the response head")
        let lines = String(decoding: headEnd, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw RawHTTPError.malformed(lines[0]) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw RawHTTPError.malformed(line) }
            let name = line[..<colon].lowercased()
            if headers[name] == nil { headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        var response = RawHTTPResponse(status: status, headers: headers, body: Data())
        if head || status == 304 || status / 100 == 1 { return response }
        if let length = headers["content-length"].flatMap(Int.init) {
            response.body = try readBlocking(count: length)
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                let sizeLine = String(decoding: try readBlocking(until: Data("\r\n".utf8), what: "a chunk size"), as: UTF8.self)
                guard let size = Int(sizeLine.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) else {
                    throw RawHTTPError.malformed("chunk size \(sizeLine)")
                }
                if size == 0 {
                    _ = try readBlocking(until: Data("\r\n".utf8), what: "the last chunk")
                    break
                }
                response.body += try readBlocking(count: size)
                _ = try readBlocking(count: 2)
            }
        } else {
            response.body = try readToEndBlocking()
        }
        return response
    }

    public func readBlocking(until marker: Data, what: String) throws -> Data {
        while true {
            if let range = pending.range(of: marker) {
                let result = Data(pending[pending.startIndex..<range.upperBound])
                pending = Data(pending[range.upperBound...])
                return result
            }
            guard try fillBlocking() else { throw RawHTTPError.closed("before \(what)") }
        }
    }

    private func readBlocking(count: Int) throws -> Data {
        while pending.count < count {
            guard try fillBlocking() else { throw RawHTTPError.closed("before \(count) bytes of body") }
        }
        let result = Data(pending.prefix(count))
        pending = Data(pending.dropFirst(count))
        return result
    }

    public func readToEndBlocking() throws -> Data {
        while try fillBlocking() {}
        defer { pending = Data() }
        return pending
    }

    /// Reads what has arrived into `pending`; false when the server closed the connection.
    private func fillBlocking() throws -> Bool {
        while true {
            let count = readBuffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                pending.append(contentsOf: readBuffer[0..<count])
                return true
            }
            if count == 0 { return false }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { throw RawHTTPError.timeout("no data for \(timeout) s") }
            throw RawHTTPError.closed("errno \(errno)")
        }
    }
}

/// One request on a connection of its own (`Connection: close`), and its response.
public func rawHTTP(port: Int, _ target: String, headers: [String: String] = [:]) async throws -> RawHTTPResponse {
    try await rawHTTP(port: port, "GET", target, headers: headers)
}

/// One `method` request on a connection of its own (`Connection: close`), and its response.
public func rawHTTP(port: Int, _ method: String, _ target: String, headers: [String: String] = [:]) async throws
    -> RawHTTPResponse
{
    let connection = try await RawHTTPConnection(port: port)
    try await connection.request(method, target, headers: headers, keepAlive: false)
    return try await connection.readResponse(head: method == "HEAD")
}

private func socketSend(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    send(fd, pointer, count, sendFlags)
}

/// Runs blocking socket work on a thread of its own, so it never holds one of the few threads
/// Swift's concurrency runs tasks (and the server under test) on.
private func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
