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
        var byFolder: [String: Set<String>] = [:]
        for path in ignored {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            byFolder[folder, default: []].insert(String(path.split(separator: "/").last ?? ""))
        }
        ignoredNamesByFolder = byFolder
    }

    /// Ignored paths by the folder they are in ("" for the root) and their name there, so a walk
    /// checks a folder's entries without building their paths.
    private let ignoredNamesByFolder: [String: Set<String>]

    /// Whether the folder at `path` (relative to the root) is left out with everything in it.
    func ignoresFolder(_ path: String) -> Bool {
        ignoredPaths.contains(path)
    }

    /// The names of the ignored entries in `folder` (usually none).
    func ignoredNames(in folder: String) -> Set<String> {
        ignoredNamesByFolder[folder] ?? []
    }

    /// Whether a change to the file at `path` (relative to the root) goes unreported: an ignored
    /// path, or an editor's temporary or backup file.
    func ignoresFile(_ path: String) -> Bool {
        if ignoredPaths.contains(path) { return true }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return Self.isEditorScratch(path) }
        return Self.isEditorScratch(String(path[path.utf8.index(after: slash)...]))
    }

    /// Whether a file named `name` is one an editor, a desktop or a browser writes for itself:
    /// vim (`.page.md.swp`, `.swx`, `page.md~`, `4913`), emacs (`.#page.md`, `#page.md#`),
    /// JetBrains (`___jb_tmp___`, `___jb_old___`), `*.tmp`, LibreOffice locks (`.~lock.x#`),
    /// `.DS_Store`, GIO's `.goutputstream-*`, Foundation's atomic writes (`.dat.nosync*`),
    /// `*.crdownload`. Compares bytes: it runs for every
    /// file of every poll.
    static func isEditorScratch(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        switch last {
        case UInt8(ascii: "~"):
            return true
        case UInt8(ascii: "#"):
            if (first == UInt8(ascii: "#") && bytes.count > 1) || bytes.starts(with: ".~lock.".utf8) { return true }
        case UInt8(ascii: "_"):
            if bytes.ends(with: "___jb_tmp___") || bytes.ends(with: "___jb_old___") { return true }
        case UInt8(ascii: "p"):
            if bytes.ends(with: ".tmp") { return true }
        case UInt8(ascii: "d"):
            if bytes.ends(with: ".crdownload") { return true }
        default:
            break
        }
        if first == UInt8(ascii: ".") {
            if bytes.starts(with: ".#".utf8) || bytes.starts(with: ".goutputstream-".utf8) || bytes.starts(with: ".dat.nosync".utf8)
                || name == ".DS_Store"
            {
                return true
            }
            return isVimSwapSuffix(bytes)
        }
        return isVimProbe(bytes)
    }

    /// vim's swap files end in `.swp`, then `.swo`, `.swn` … down to `.swa` when older ones
    /// exist; `.swx` is its test file for the folder.
    private static func isVimSwapSuffix(_ bytes: String.UTF8View) -> Bool {
        let tail = Array(bytes.suffix(4))
        guard tail.count == 4, tail[0] == UInt8(ascii: "."), tail[1] == UInt8(ascii: "s"), tail[2] == UInt8(ascii: "w")
        else { return false }
        return (UInt8(ascii: "a")...UInt8(ascii: "p")).contains(tail[3]) || tail[3] == UInt8(ascii: "x")
    }

    /// Before a save vim checks that it may create files in the folder by writing `4913`
    /// (or `5036`, `5159` … when that exists: 4913 plus a multiple of 123).
    private static func isVimProbe(_ bytes: String.UTF8View) -> Bool {
        guard bytes.count >= 4, bytes.count <= 9, bytes.first != UInt8(ascii: "0"), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return false }
        let number = bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
        return number >= 4913 && (number - 4913) % 123 == 0
    }
}

extension String.UTF8View {
    fileprivate func ends(with suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return suffix.withUTF8Buffer { self.suffix(count).elementsEqual($0) }
    }
}
