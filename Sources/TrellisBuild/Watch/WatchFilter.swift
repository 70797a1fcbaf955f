import Foundation

/// What the file watcher leaves out: editors' temporary and backup files (wherever they are) and
/// the folders the caller names (the output folder, `.git`, caches), which it does not even
/// descend into.
struct WatchFilter: Sendable {
    /// Ignored paths relative to the root, `/`-separated, without `./` or a trailing `/`.
    let ignoredPaths: Set<String>

    /// `ignoring` holds paths relative to `root` (`site`, `.git`, `build/site`) or absolute paths;
    /// an absolute path outside the root can never be watched and is dropped.
    init(root: URL, ignoring: [String]) {
        let rootPaths = [root.standardizedFileURL.path, root.resolvingSymlinksInPath().path]
        var ignored = Set<String>()
        for entry in ignoring {
            var path = entry
            if path.hasPrefix("/") {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                guard let base = rootPaths.first(where: { absolute.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
                    continue
                }
                path = String(absolute.dropFirst(base.count))
            }
            let segments = path.split(separator: "/").filter { $0 != "." }
            guard !segments.isEmpty, !segments.contains("..") else { continue }
            ignored.insert(segments.joined(separator: "/"))
        }
        ignoredPaths = ignored
    }

    /// Whether the folder at `path` (relative to the root) is left out with everything in it.
    func ignoresFolder(_ path: String) -> Bool {
        ignoredPaths.contains(path)
    }

    /// Whether a change to the file at `path` (relative to the root) goes unreported: an ignored
    /// path, or an editor's temporary or backup file.
    func ignoresFile(_ path: String) -> Bool {
        if ignoredPaths.contains(path) { return true }
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        return Self.isEditorScratch(name)
    }

    /// Whether a file named `name` is one an editor, a desktop or a browser writes for itself:
    /// vim (`.page.md.swp`, `.swx`, `page.md~`, `4913`), emacs (`.#page.md`, `#page.md#`),
    /// JetBrains (`___jb_tmp___`, `___jb_old___`), `*.tmp`, LibreOffice locks (`.~lock.x#`),
    /// `.DS_Store`, GIO's `.goutputstream-*`, `*.crdownload`.
    static func isEditorScratch(_ name: String) -> Bool {
        if name.hasSuffix("~") || name.hasSuffix(".tmp") || name.hasSuffix(".crdownload") { return true }
        if name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___") { return true }
        if name == ".DS_Store" || name.hasPrefix(".goutputstream-") || name.hasPrefix(".#") { return true }
        if name.hasPrefix(".~lock.") && name.hasSuffix("#") { return true }
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if name.hasPrefix("."), isVimSwapSuffix(name) { return true }
        return isVimProbe(name)
    }

    /// vim's swap files end in `.swp`, then `.swo`, `.swn` … down to `.swa` when older ones
    /// exist; `.swx` is its test file for the folder.
    private static func isVimSwapSuffix(_ name: String) -> Bool {
        let utf8 = Array(name.utf8.suffix(4))
        guard utf8.count == 4, utf8[0] == UInt8(ascii: "."), utf8[1] == UInt8(ascii: "s"), utf8[2] == UInt8(ascii: "w")
        else { return false }
        return (UInt8(ascii: "a")...UInt8(ascii: "p")).contains(utf8[3]) || utf8[3] == UInt8(ascii: "x")
    }

    /// Before a save vim checks that it may create files in the folder by writing `4913`
    /// (or `5036`, `5159` … when that exists: 4913 plus a multiple of 123).
    private static func isVimProbe(_ name: String) -> Bool {
        guard name.count <= 9, !name.isEmpty, name.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(name)
        else { return false }
        return number >= 4913 && (number - 4913) % 123 == 0
    }
}
