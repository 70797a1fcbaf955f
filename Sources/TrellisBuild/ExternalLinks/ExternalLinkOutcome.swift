import Foundation
import TrellisCore

/// What checking one distinct URL found; turned into a diagnostic for each reference to it.
enum ExternalLinkOutcome: Sendable, Hashable {
    case ok(status: Int)
    /// Still 429 after the retry budget: the link may be fine, so this is only a warning.
    case rateLimited
    case httpError(status: Int)
    case timedOut(after: Duration, attempts: Int)
    case unreachable(reason: String, attempts: Int)
    case tooManyRedirects
    case invalidURL

    /// The diagnostic for a reference written as `url` at `location` of `path`, or `nil` when
    /// the link is fine. A rate-limited link may be fine: it is the catalogue's
    /// `ExternalLink.RateLimited`, which only warns.
    func diagnostic(for url: String, path: String, at location: SourceLocation?) -> Diagnostic? {
        switch self {
        case .ok: nil
        case .rateLimited: Diagnostic(.rateLimitedExternalLink, path: path, at: location, message: message(for: url))
        default: Diagnostic(.externalLink, path: path, at: location, message: message(for: url))
        }
    }

    /// The message for a reference written as `url`.
    func message(for url: String) -> String {
        switch self {
        case .ok(let status):
            "'\(url)' answered \(status)"
        case .rateLimited:
            "rate limited (429) while checking '\(url)'; try again later or exclude it"
        case .httpError(let status):
            "'\(url)' answered \(status) \(Self.reasonPhrase(status))"
        case .timedOut(let after, let attempts):
            "'\(url)' timed out after \(Self.format(after)) (\(Self.attempts(attempts)))"
        case .unreachable(let reason, let attempts):
            "'\(url)' could not be reached: \(reason) (\(Self.attempts(attempts)))"
        case .tooManyRedirects:
            "'\(url)' redirects too many times (a redirect loop?)"
        case .invalidURL:
            "'\(url)' is not a valid URL"
        }
    }

    private static func attempts(_ count: Int) -> String {
        count == 1 ? "1 attempt" : "\(count) attempts"
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        if seconds == seconds.rounded() { return "\(Int(seconds)) s" }
        return "\((seconds * 1000).rounded() / 1000) s"
    }

    /// The standard reason phrase; servers' own phrases are not available from URLSession.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 418: "I'm a teapot"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: (400..<500).contains(status) ? "Client Error" : (500..<600).contains(status) ? "Server Error" : "Unexpected Status"
        }
    }
}
