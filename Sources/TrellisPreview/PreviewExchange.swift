import Foundation

/// A request as the preview's router sees it: no type of the HTTP library, so the router is plain
/// code (the transport, `PreviewServer.swift`, is the only file that imports the library).
struct PreviewRequest: Sendable {
    var method: String
    /// The request target exactly as sent (`/a/b/?q`), not yet decoded.
    var target: String
    /// Header values by lower-cased name (the first of a repeated header).
    var headers: [String: String] = [:]
}

/// A response as the router makes it; the transport writes it.
struct PreviewResponse: Sendable {
    enum Body: Sendable {
        case bytes(Data)
        /// A server-sent events stream: its messages until the client or the server goes away.
        case events(EventHub.Subscription)
    }

    var status: Int
    var headers: [(name: String, value: String)]
    var body: Body
    /// A HEAD request's answer: the headers a GET gets (its `Content-Length` too), no body.
    var omitsBody = false

    init(status: Int, contentType: String? = nil, headers: [(name: String, value: String)] = [], body: Body = .bytes(Data())) {
        self.status = status
        // The preview must always show the newest build: nothing is cached.
        self.headers = [("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
        if let contentType { self.headers.append(("Content-Type", contentType)) }
        self.headers += headers
        self.body = body
    }

    /// A short plain-text answer (`404 Not Found`).
    static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> PreviewResponse {
        PreviewResponse(status: status, contentType: MediaType.plainText, headers: headers, body: .bytes(Data((text + "\n").utf8)))
    }

    static func redirect(_ status: Int, to location: String) -> PreviewResponse {
        .text(status, "See \(location)", headers: [("Location", location)])
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
