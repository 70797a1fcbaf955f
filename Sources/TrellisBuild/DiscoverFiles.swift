import Foundation
import TrellisCore

/// The files of the docs folder: Markdown pages and the static files copied beside them.
public struct DiscoveredFiles: Sendable {
    /// Markdown files, relative to the docs folder, sorted.
    public var pages: [String] = []
    /// Every other file (images, downloads), relative to the docs folder, sorted.
    public var staticFiles: [String] = []
    /// Files MkDocs' `exclude_docs` or `draft_docs` leave out of the site (pages and others),
    /// with the URL each would have: links to them are noted and still rewritten, as in MkDocs.
    public var excluded: [String: String] = [:]
    /// Pages `not_in_nav` keeps out of a derived nav and out of `PageNotInNav`.
    public var notInNav: Set<String> = []
}

/// Stage: walks the docs folder. Hidden files and folders (`.git`, `.DS_Store`) are skipped;
/// symlinks are followed while they stay inside the project (see `FileTree.files`), and those
/// that do not are reported and left out.
struct DiscoverFiles: SiteStage {
    let name = "discover files"

    func run(_ site: SiteState) throws {
        do {
            site.files = try Self.walk(docsDir: site.docsDir, docsPath: site.config.docsDir, project: site.project, engine: site.engine)
        } catch let error as DiagnosticError {
            site.engine.emit(contentsOf: error.diagnostics)
            throw StopBuild(outcome: .unusable)
        }
    }

    static func walk(docsDir: URL, docsPath: String, project: ProjectFolder, engine: DiagnosticEngine) throws -> DiscoveredFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: docsDir.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw DiagnosticError(
                Diagnostic(.io, path: nil, at: nil, message: "the docs folder '\(docsPath)' does not exist"))
        }
        var found = DiscoveredFiles()
        let (files, problems) = FileTree.files(under: docsDir.standardizedFileURL.path, within: project)
        engine.emit(contentsOf: problems.map { $0.diagnostic(in: docsPath) })
        for relative in files {
            if relative.hasSuffix(".md") || relative.hasSuffix(".markdown") {
                found.pages.append(relative)
            } else {
                found.staticFiles.append(relative)
            }
        }
        return found
    }
}
