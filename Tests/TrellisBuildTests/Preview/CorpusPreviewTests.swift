import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Page edits, new and deleted pages on real sites the preview was not written for: after each, the preview equals a
/// clean preview of the same files. Runs where `TRELLIS_CORPUS` names a folder of sites (each
/// with an `mkdocs.yml`, `mkdocs.reference.yml` or `trellis.yml`), as the developers' machines
/// have them; the sites are not part of the project.
@Suite struct CorpusPreviewTests {
    static let sites: [URL] = {
        guard let corpus = ProcessInfo.processInfo.environment["TRELLIS_CORPUS"] else { return [] }
        let folder = URL(fileURLWithPath: corpus)
        let found = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return found.filter { configName($0) != nil }.sorted { $0.path < $1.path }
    }()

    static func configName(_ site: URL) -> String? {
        ["mkdocs.reference.yml", "mkdocs.yml", "trellis.yml"].first { FileManager.default.fileExists(atPath: site.appending(path: $0).path) }
    }

    @Test(.enabled(if: !sites.isEmpty), arguments: sites)
    func pageEditsEqualACleanBuild(_ folder: URL) throws {
        let s = try TestSite(copying: folder)
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.configName = try #require(Self.configName(folder))
        let session = PreviewSession(options: options)
        _ = session.start()
        // (Pages a plugin makes, such as the blog's archive, have no file to edit.)
        let pages = session.pagePaths.filter { FileManager.default.fileExists(atPath: s.root.appending(path: $0).path) }
        // A few pages spread over the site, each edited three ways, then put back.
        let picked = stride(from: 0, to: pages.count, by: max(1, pages.count / 4)).map { pages[$0] }
        for path in picked {
            let original = try String(contentsOf: s.root.appending(path: path), encoding: .utf8)
            var edits = [("a paragraph", original + "\n\nAn added paragraph.\n")]
            if let heading = original.range(of: "\n## ") {
                edits.append(("a heading", original.replacingCharacters(in: heading, with: "\n## Renamed ")))
            }
            if let title = original.range(of: "# "), title.lowerBound == original.startIndex || original[original.index(before: title.lowerBound)] == "\n" {
                edits.append(("a title", original.replacingCharacters(in: title, with: "# Retitled ")))
            }
            edits.append(("put back", original))
            for (what, text) in edits {
                try s.write(path, text)
                let snapshot = session.apply([path])
                PreviewSessionTests.expectSameAsClean(snapshot, session, s, "\(folder.lastPathComponent) \(path): \(what)", options: options)
            }
            // A new page beside it, linking to it, then gone; the page itself gone, then back.
            let name = (path as NSString).lastPathComponent
            let new = (path as NSString).deletingLastPathComponent + "/trellis-new-page.md"
            let changes: [(String, String, () throws -> Void)] = [
                ("new page", new, { try s.write(new, "# A new page\n\nSee [the page](\(name)).\n\n## Its part\n") }),
                ("new page deleted", new, { try s.remove(new) }),
                ("deleted", path, { try s.remove(path) }),
                ("put back after deletion", path, { try s.write(path, original) }),
            ]
            for (what, changed, change) in changes {
                try change()
                let snapshot = session.apply([changed])
                PreviewSessionTests.expectSameAsClean(snapshot, session, s, "\(folder.lastPathComponent) \(path): \(what)", options: options)
            }
        }
    }
}
