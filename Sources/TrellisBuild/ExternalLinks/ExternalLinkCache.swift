import Foundation

/// The results cache: a JSON file mapping each checked URL to its status and when it was checked.
///
/// Only successes are stored. A failure is re-checked on every run: failures are what the user is
/// fixing, often by fixing the remote side, and a cached failure would hide the fix for a day.
/// A damaged or unreadable file is treated as empty; the cache is an optimisation, never an input.
struct ExternalLinkCache: Sendable {
    struct Entry: Codable, Sendable, Hashable {
        var status: Int
        var checkedAt: Date
    }

    private struct File: Codable {
        var version: Int
        var entries: [String: Entry]
    }

    static let version = 1
    var entries: [String: Entry] = [:]

    init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Reads the cache file, keeping only entries checked less than `ttl` ago.
    static func load(from url: URL, ttl: Duration, now: Date = Date()) -> ExternalLinkCache {
        guard let data = try? Data(contentsOf: url),
            let file = try? decoder.decode(File.self, from: data), file.version == version
        else { return ExternalLinkCache() }
        let oldest = now.addingTimeInterval(-ttl.seconds)
        return ExternalLinkCache(entries: file.entries.filter { $0.value.checkedAt > oldest && $0.value.checkedAt <= now })
    }

    /// Writes the cache atomically, so an interrupted run never leaves half a file behind.
    func save(to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try Self.encoder.encode(File(version: Self.version, entries: entries))
        try data.write(to: url, options: .atomic)
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
