import Foundation
import TrellisCore

/// One http(s) link found in the docs: the URL as written, and where it was written.
///
/// Many references may share a URL; the checker requests each distinct URL once.
public struct ExternalLinkReference: Sendable, Hashable {
    /// The URL as written in the page, fragment included (`https://example.com/a#b`).
    public var url: String
    /// The file the link is in, relative to the site root (`content/a.md`).
    public var path: String
    /// Where the link's destination starts in that file.
    public var location: SourceLocation

    public init(url: String, path: String, location: SourceLocation) {
        self.url = url
        self.path = path
        self.location = location
    }
}

/// How `ExternalLinkChecker` talks to the network: limits, retries, cache and exclusions.
public struct ExternalLinkOptions: Sendable {
    /// How long one request may take before it counts as a timeout.
    public var timeout: Duration = .seconds(10)
    /// How many times a URL is requested again after a timeout, connection failure or 429.
    public var retries = 2
    /// The first wait before a retry; each further retry waits twice as long.
    public var retryBaseDelay: Duration = .milliseconds(200)
    /// The longest `Retry-After` honoured; longer waits are cut to this so a server cannot stall a run.
    public var maxRetryAfter: Duration = .seconds(30)
    /// At most this many requests run against one host at a time (servers rate-limit crawlers).
    public var perHostConcurrency = 2
    /// At most this many requests run at a time overall.
    public var totalConcurrency = 16
    /// A JSON file remembering successful checks between runs; `nil` disables the cache.
    public var cacheURL: URL?
    /// How long a cached success is trusted without asking again.
    public var cacheTTL: Duration = .seconds(24 * 3600)
    /// The `User-Agent` header sent with every request.
    public var userAgent = "Trellis link checker"
    /// URL prefixes never checked (`https://internal.example.com/`), matched against the URL as written.
    public var excluded: [String] = []

    public init() {}
}
