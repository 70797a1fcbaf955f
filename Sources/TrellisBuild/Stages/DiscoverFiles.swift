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
    /// Pages whose text is given in memory (`BuildOptions.docs`), by docs-relative path:
    /// `LoadPages` reads them from here instead of the disk, and only them.
    var inMemory: [String: PageSource] = [:]

    /// Pages that are only link targets: with pages in memory, the docs folder's others.
    var linkOnlyPages: [String] {
        inMemory.isEmpty ? [] : pages.filter { inMemory[$0] == nil }
    }

    /// The pages `LoadPages` reads.
    var loadedPages: [String] {
        inMemory.isEmpty ? pages : pages.filter { inMemory[$0] != nil }
    }
}

/// Stage: walks the docs folder. Hidden files and folders (`.git`, `.DS_Store`) are skipped;
/// symlinks are followed while they stay inside the project (see `FileTree.files`), and those
/// that do not are reported and left out. Pages given in memory take the place of the docs
/// folder's (see `DocsSource.memory`).
struct DiscoverFiles: SiteStage {
    let name = "discover files"
    var runsInRender: Bool { true }

    func run(_ site: inout SiteState) throws {
        if case .memory(let pages) = site.options.docs {
            site.files = Self.files(of: pages, site: site)
            return
        }
        do {
            site.files = try Self.walk(docsDir: site.docsDir, docsPath: site.config.docsDir, project: site.project, engine: site.engine)
        } catch let error as DiagnosticError {
            site.engine.emit(contentsOf: error.diagnostics)
            throw StopBuild(outcome: .unusable)
        }
    }

    /// The docs folder with pages given in memory (the last one given for a path): the folder's
    /// files, when it exists, as link targets, its problems left unreported.
    static func files(of pages: [PageSource], site: SiteState) -> DiscoveredFiles {
        let docsPath = site.config.docsDir
        var found =
            (try? walk(docsDir: site.docsDir, docsPath: docsPath, project: site.project, engine: DiagnosticEngine()))
            ?? DiscoveredFiles()
        for page in pages { found.inMemory[page.docsPath(in: site.docsDir)] = page }
        found.pages = Set(found.pages).union(found.inMemory.keys).sorted()
        found.staticFiles.removeAll { found.inMemory[$0] != nil }
        return found
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
