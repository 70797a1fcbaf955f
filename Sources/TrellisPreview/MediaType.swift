/// The `Content-Type` the preview serves a file with, from its name's extension.
enum MediaType {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let json = "application/json"
    static let eventStream = "text/event-stream"
    static let javascript = "text/javascript; charset=utf-8"
    static let fallback = "application/octet-stream"

    /// By lower-cased extension: what a built site holds (pages, theme assets, search index,
    /// sitemaps, images, fonts, media, downloads).
    private static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": javascript, "mjs": javascript,
        "json": json, "map": json, "webmanifest": "application/manifest+json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2",
        "ttf": "font/ttf", "otf": "font/otf",
        "xml": "application/xml",
        "txt": plainText, "md": "text/markdown; charset=utf-8",
        "gz": "application/gzip",
        "zip": "application/zip",
        "pdf": "application/pdf",
        "mp4": "video/mp4", "webm": "video/webm",
        "mp3": "audio/mpeg", "ogg": "audio/ogg",
        "wasm": "application/wasm",
        "csv": "text/csv; charset=utf-8",
        "yml": "text/yaml; charset=utf-8", "yaml": "text/yaml; charset=utf-8",
    ]

    /// The type of the file at `path` (the last `.` of its last segment decides); a file with no
    /// known extension is `application/octet-stream`, so a browser downloads rather than guesses.
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// Whether a response of this type gets the preview script.
    static func isHTML(_ type: String) -> Bool { type == html }
}
