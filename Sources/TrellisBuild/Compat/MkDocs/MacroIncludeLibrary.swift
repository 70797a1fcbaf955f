import Foundation
import TrellisCore
import TrellisMacros

/// The templates `{% include "name" %}` renders in one build: files of the include folder (the
/// macros plugin's `include_dir`, else the docs folder, as the plugin sets up Jinja's
/// `FileSystemLoader`). Each file is read and parsed once, however many pages and brands
/// include it; pages rendered in parallel share it. Only files inside the project are read.
final class MacroIncludeLibrary: MacroIncludeLoading, Sendable {
    /// The folder, and its path relative to the site root (diagnostics name files by it).
    let folder: URL
    let folderPath: String
    let project: ProjectFolder
    /// The macros plugin's Python code, for the diagnostics of a filter it defines.
    let python: PythonMacros?
    /// Each file's template (nil: not found or unusable) and the parse problems of those
    /// loaded, shared by the pages rendered in parallel.
    private let loaded = Locked((cache: [String: MacroTemplate?](), problems: [Diagnostic]()))

    init(folder: URL, folderPath: String, project: ProjectFolder, python: PythonMacros? = nil) {
        self.folder = folder
        self.folderPath = folderPath
        self.project = project
        self.python = python
    }

    var searchedFolder: String? { folderPath }

    /// The files read so far, by path from the site root.
    var loadedFiles: Set<String> {
        Set(loaded.withLock { $0.cache.keys }.map { folderPath.isEmpty || folderPath == "." ? $0 : folderPath + "/" + $0 })
    }

    /// Parse problems of the templates loaded so far, each file's once.
    var diagnostics: [Diagnostic] { loaded.withLock { $0.problems } }

    func template(named name: String) -> MacroTemplate? {
        guard let relative = Self.relativePath(name) else { return nil }
        if let cached = loaded.withLock({ $0.cache[relative] }) { return cached }
        let (template, diagnostics) = load(relative)
        return loaded.withLock { loaded in
            if let cached = loaded.cache[relative] { return cached }
            loaded.cache[relative] = template
            loaded.problems += diagnostics
            return template
        }
    }

    /// Jinja's `split_template_path`: `/`-separated pieces, empty and `.` ones dropped; a `..`
    /// or a backslash makes the name not found.
    static func relativePath(_ name: String) -> String? {
        var pieces: [Substring] = []
        for piece in name.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == ".." || piece.contains("\\") { return nil }
            if piece != "." { pieces.append(piece) }
        }
        return pieces.isEmpty ? nil : pieces.joined(separator: "/")
    }

    private func load(_ relative: String) -> (MacroTemplate?, [Diagnostic]) {
        let path = folderPath.isEmpty || folderPath == "." ? relative : folderPath + "/" + relative
        let url = folder.appending(path: relative).standardizedFileURL
        switch project.follow(url.path) {
        case .inside(let real):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: real)
            else { return (nil, []) }
            guard let text = String(validating: data, as: UTF8.self) else {
                return (nil, [Diagnostic(.invalidEncoding, path: path, at: nil, message: "'\(path)' is not valid UTF-8")])
            }
            let (template, diagnostics) = MacroTemplate.parse(
                text, file: SourceFile(path: path, text: text), sourceOffset: 0, python: python)
            return (template, diagnostics)
        case .outside(let target):
            return (
                nil,
                [
                    Diagnostic(
                        .outsideRoot, path: path, at: nil,
                        message: "'\(path)' leads through a symlink to '\(target)', outside the project folder; it is not included")
                ]
            )
        case .missing, .loop:
            return (nil, [])
        }
    }
}
