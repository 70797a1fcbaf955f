import Foundation
import TrellisCore

/// Reads a brand's override folder: every regular file under it, by relative path.
enum ThemeFiles {
    /// The folder's files (`partials/header.mustache` → bytes), hidden and backup files skipped.
    /// - Throws: `DiagnosticError` with an `IOError` if the folder is missing or unreadable.
    static func read(folder: URL) throws -> [(String, Data)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw DiagnosticError(
                Diagnostic(.io, path: folder.relativePath, at: nil, message: "theme override folder does not exist"))
        }
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [(String, Data)] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                !url.lastPathComponent.hasSuffix("~")
            else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(base + "/") else { continue }
            let relative = String(path.dropFirst(base.count + 1))
            do {
                files.append((relative, try Data(contentsOf: url)))
            } catch {
                throw DiagnosticError(
                    Diagnostic(.io, path: displayPath(folder, relative), at: nil, message: "cannot read theme file: \(error)"))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// How diagnostics name a file of an override folder.
    static func displayPath(_ folder: URL, _ relative: String) -> String {
        var base = folder.relativePath
        while base.hasSuffix("/") { base.removeLast() }
        return base.isEmpty ? relative : base + "/" + relative
    }
}
