import Foundation

/// A request's target, split into the site path it names and its query, after the one and only
/// percent-decoding; nil for every target that could reach outside the site.
///
/// The path is decoded exactly once, then each segment is checked: `.`, `..`, an empty segment
/// (but the last, which names a folder), and a segment holding `/` (from `%2F`), `\` (or
/// `%5C`), NUL or another control character are refused. What is left cannot name anything but
/// a file under the site's root; a double-encoded `%252e%252e` decodes to the literal name
/// `%2e%2e`, which names no file.
struct RequestTarget: Equatable {
    /// The decoded segments; a trailing empty segment means the target ends in `/` (a folder).
    var segments: [String]
    /// The raw query (after `?`, still encoded), nil when there is none.
    var query: String?
    /// The path as requested (still encoded), for redirects.
    var rawPath: String

    init?(_ target: String) {
        let withoutFragment = target.prefix { $0 != "#" }
        let rawPath = withoutFragment.prefix { $0 != "?" }
        let query = withoutFragment.count > rawPath.count ? String(withoutFragment.dropFirst(rawPath.count + 1)) : nil
        // Only origin-form targets (`/a/b`): an absolute URL or `*` names nothing here.
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        let parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            guard let segment = Self.decode(part) else { return nil }
            let isLast = index == parts.count - 1
            if segment.isEmpty {
                guard isLast else { return nil }
            } else {
                guard Self.isSafe(segment) else { return nil }
            }
            segments.append(segment)
        }
        self.segments = segments
        self.query = query
        self.rawPath = String(rawPath)
    }

    /// Whether the target names a folder (`/`, `/a/b/`).
    var isFolder: Bool { segments.isEmpty || segments.last == "" }

    /// The file the target names, relative to the site root: `a/b/index.html` for a folder.
    var filePath: String {
        isFolder ? (segments.dropLast() + ["index.html"]).joined(separator: "/") : segments.joined(separator: "/")
    }

    /// The folder's index a target without its trailing slash would name (`a/b` → `a/b/index.html`).
    var indexPathIfFolder: String? {
        isFolder ? nil : (segments + ["index.html"]).joined(separator: "/")
    }

    /// The query's parameters, each decoded once (`+` is a space, as forms send it); the first of
    /// a repeated name wins. Names or values that do not decode are left out.
    var queryParameters: [String: String] {
        var result: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].replacingOccurrences(of: "+", with: " ")
            let value = parts.count > 1 ? parts[1].replacingOccurrences(of: "+", with: " ") : ""
            guard let name = Self.decode(Substring(name)), let value = Self.decode(Substring(value)) else { continue }
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    /// Decodes `%XX` escapes once; nil for a malformed escape or bytes that are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A decoded segment that names an entry of its folder and nothing else.
    private static func isSafe(_ segment: String) -> Bool {
        guard segment != ".", segment != ".." else { return false }
        return !segment.utf8.contains { byte in
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F
        }
    }
}

/// Where the brand switcher sends the reader back to: a path on this server, or `/`.
enum ReturnPath {
    /// `path` when it is a local path (starts with one `/`, no scheme, no backslash, which
    /// browsers read as `/`, and only printable ASCII, as an encoded URL is); `/` otherwise.
    static func sanitize(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"),
            path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") })
        else { return "/" }
        return path
    }
}
