import Foundation
import TrellisCore

/// Icons from custom folders laid out like Material's `custom_icons` (`<folder>/<set>/<name>.svg`).
///
/// Overlay folders are small (a brand's logos), so they are read eagerly; that also reports an
/// unreadable folder once, when the library is made, instead of on some later page.
struct IconOverlay: Sendable {
    /// SVG text by icon name; the first folder that has a name wins, as in Material.
    var icons: [String: String] = [:]
    /// Top-level subfolders, which become known name prefixes.
    var sets: Set<String> = []
    /// SVG files directly in a folder, known by exact name.
    var roots: Set<String> = []

    init() {}

    /// Reads every `*.svg` below each folder, in order.
    init(folders: [URL]) throws {
        var problems: [Diagnostic] = []
        for folder in folders {
            do {
                try add(folder: folder)
            } catch let error as DiagnosticError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    private mutating func add(folder: URL) throws {
        guard Self.isDirectory(folder.path) else {
            throw DiagnosticError(
                Diagnostic(.io, path: folder.path, range: nil, message: "icon folder cannot be read"))
        }
        var found: [(relative: [String], url: URL)] = []
        // An explicit stack, a depth bound and a visited set: folders may nest deeply or loop
        // through symlinks.
        var pending: [[String]] = [[]]
        var visited: Set<String> = []
        while let relative = pending.popLast() {
            let directory = relative.reduce(folder) { $0.appendingPathComponent($1) }
            guard relative.count < Self.maximumDepth,
                visited.insert(directory.resolvingSymlinksInPath().path).inserted,
                let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
            else { continue }
            for entry in entries where !entry.hasPrefix(".") {
                let url = directory.appendingPathComponent(entry)
                if Self.isDirectory(url.path) {
                    pending.append(relative + [entry])
                } else if entry.hasSuffix(".svg") {
                    found.append((relative + [entry], url))
                }
            }
        }
        // Directory order differs between systems; sorting keeps "first wins" deterministic.
        found.sort { $0.relative.joined(separator: "/") < $1.relative.joined(separator: "/") }
        var problems: [Diagnostic] = []
        for (relative, url) in found {
            var parts = relative
            parts[parts.count - 1] = String(parts[parts.count - 1].dropLast(4))
            let name = parts.joined(separator: "-")
            if parts.count == 1 { roots.insert(name) } else { sets.insert(parts[0]) }
            guard icons[name] == nil else { continue }
            do {
                icons[name] = try Self.read(url)
            } catch let error as DiagnosticError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    private static let maximumDepth = 32

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The file as Material reads it: UTF-8 in text mode, so CRLF and CR become LF.
    private static func read(_ url: URL) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError(
                Diagnostic(.io, path: url.path, range: nil, message: "icon cannot be read: \(error.localizedDescription)"))
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.elementsEqual(data) else {
            throw DiagnosticError(
                Diagnostic(.invalidEncoding, path: url.path, range: nil, message: "icon is not valid UTF-8"))
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
