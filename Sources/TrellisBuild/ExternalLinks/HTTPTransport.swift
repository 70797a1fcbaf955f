import Foundation

/// What the checker needs from an HTTP response: the final status and headers, never the body.
public struct HTTPStatusResponse: Sendable, Hashable {
    /// The status code of the last response, after redirects were followed.
    public var status: Int
    /// Header fields with lowercased names (`retry-after`).
    public var headers: [String: String]

    public init(status: Int, headers: [String: String] = [:]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Why a request produced no response; the checker retries `timedOut` and `connectionFailed`.
public enum HTTPTransportError: Error, Sendable, Hashable {
    /// No response within the timeout.
    case timedOut
    /// The server redirected more times than the client follows (usually a loop).
    case tooManyRedirects
    /// DNS, TCP, TLS or protocol failure; the text explains it for the diagnostic.
    case connectionFailed(String)
}

/// Sends one request and reports the status; abstracted so the checker can be driven without a network.
///
/// Implementations follow redirects themselves and must not read more of a body than needed.
public protocol HTTPTransport: Sendable {
    func send(method: String, url: URL, timeout: Duration, userAgent: String) async throws -> HTTPStatusResponse
}

extension Duration {
    /// The duration in seconds, as Foundation APIs want it.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
