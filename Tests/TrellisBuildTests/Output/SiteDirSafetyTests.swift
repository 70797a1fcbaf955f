import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// A `site_dir` the build would destroy sources with is refused before anything is touched,
/// with MkDocs' rules (and wording where MkDocs has one), at the `site_dir` line.
@Suite struct SiteDirSafetyTests {
    static let files = [
        "docs/index.md": "# Home\n\nWelcome.\n",
        "docs/guide.md": "# Guide\n",
        "notes.txt": "keep me\n",
    ]

    /// Builds an MkDocs site whose config sets `site_dir` (made from the project's folder
    /// name), checks the refusal left every file as it was, and that it gave exactly the
    /// diagnostic `message` makes from the project's real path. The project is a subfolder of
    /// a test folder, so a `site_dir` that climbs out of it stays inside the test's own files
    /// even if the refusal ever broke.
    func expectRefused(
        _ siteDir: (String) -> String, extraFiles: [String: String] = [:], _ message: (String) -> String
    ) throws {
        let files = Self.files.merging(extraFiles) { a, _ in a }
        let outer = try TestSite(Dictionary(uniqueKeysWithValues: files.map { ("proj/" + $0.key, $0.value) }))
        defer { outer.cleanUp() }
        try outer.write("proj/mkdocs.yml", "site_name: Safe\nsite_dir: \(siteDir("proj"))\n")
        let before = folderSnapshot(outer.root)
        let report = SiteBuilder.build(BuildOptions(root: outer.root.appending(path: "proj")))
        #expect(report.outcome == .unusable)
        #expect(folderSnapshot(outer.root) == before, "nothing may be touched")
        #expect(outer.exists("proj/docs/index.md") && outer.exists("proj/notes.txt") && outer.exists("proj/mkdocs.yml"))
        let root = ProjectFolder.resolvedPath(outer.root.appending(path: "proj").standardizedFileURL.path)
        #expect(report.lines == ["mkdocs.yml:2:11: error: " + message(root) + " [ConfigType]"])
    }

    static func projectMessage(site: String, project: String) -> String {
        "The 'site_dir' should not be the project folder or contain it, as the build replaces the 'site_dir' with its "
            + "output. (site_dir: '\(site)', project: '\(project)')"
    }

    @Test(arguments: ["''", "'.'", "./", "docs/..", "docs/../docs/.."])
    func theProjectFolderItselfIsRefused(_ siteDir: String) throws {
        try expectRefused({ _ in siteDir }) { Self.projectMessage(site: $0, project: $0) }
    }

    @Test func theProjectSeenFromOutsideIsRefused() throws {
        try expectRefused({ "../\($0)" }) { Self.projectMessage(site: $0, project: $0) }
    }

    @Test func aFolderAboveTheProjectIsRefused() throws {
        try expectRefused({ _ in ".." }) {
            Self.projectMessage(site: URL(fileURLWithPath: $0).deletingLastPathComponent().path, project: $0)
        }
    }

    @Test func theDocsFolderIsRefused() throws {
        try expectRefused({ _ in "docs" }) {
            "The 'docs_dir' should not be within the 'site_dir' as this can mean the source files are overwritten by the "
                + "output, and the build replaces the 'site_dir' with its output. (site_dir: '\($0)/docs', docs_dir: '\($0)/docs')"
        }
    }

    @Test func aFolderInsideTheDocsFolderIsRefused() throws {
        try expectRefused({ _ in "docs/site" }) {
            "The 'site_dir' should not be within the 'docs_dir' as this leads to the build directory being copied into "
                + "itself and duplicate nested files in the 'site_dir'. (site_dir: '\($0)/docs/site', docs_dir: '\($0)/docs')"
        }
    }

    @Test func theConfigFileIsRefused() throws {
        try expectRefused({ _ in "mkdocs.yml" }) {
            "The 'config file' should not be within the 'site_dir' as the build replaces the 'site_dir' with its output. "
                + "(site_dir: '\($0)/mkdocs.yml', config file: '\($0)/mkdocs.yml')"
        }
    }

    @Test func anotherProjectIsRefused() throws {
        try expectRefused({ _ in "other" }, extraFiles: ["other/mkdocs.yml": "site_name: Other\n", "other/x.md": "x\n"]) {
            "The 'site_dir' '\($0)/other' holds a project ('mkdocs.yml'), not a built site; the build would replace it with its output."
        }
    }

    @Test func aFolderNoBuildLeftIsRefused() throws {
        try expectRefused({ _ in "data" }, extraFiles: ["data/results.csv": "1,2\n", "data/raw/a.txt": "a\n"]) {
            "The 'site_dir' '\($0)/data' is not empty and holds no site a build left (no 'index.html' or '404.html'); empty "
                + "it or choose another folder; the build would replace it with its output."
        }
    }

    @Test func aSymlinkIntoTheDocsFolderIsRefused() throws {
        let site = try TestSite(Self.files.merging(["mkdocs.yml": "site_name: Safe\nsite_dir: out\n"]) { a, _ in a })
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appending(path: "out").path, withDestinationPath: "docs")
        let before = folderSnapshot(site.root)
        let report = site.build()
        #expect(report.outcome == .unusable)
        #expect(report.lines.first?.contains("The 'docs_dir' should not be within the 'site_dir'") == true)
        #expect(folderSnapshot(site.root) == before)
    }

    @Test func aTrellisSitesBrandsFolderIsRefused() throws {
        let site = try TestSite([
            "trellis.yml": "site_name: Guides\nsite_dir: brands\nbrands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\n",
            "content/index.md": "# Home\n",
        ])
        defer { site.cleanUp() }
        let before = folderSnapshot(site.root)
        let report = site.build()
        let root = ProjectFolder.resolvedPath(site.root.standardizedFileURL.path)
        #expect(report.outcome == .unusable)
        #expect(report.lines == [
            "trellis.yml:2:11: error: The 'brands_dir' should not be within the 'site_dir' as the build replaces the "
                + "'site_dir' with its output. (site_dir: '\(root)/brands', brands_dir: '\(root)/brands') [ConfigType]"
        ])
        #expect(folderSnapshot(site.root) == before)
    }

    @Test func lintRefusesItToo() throws {
        let site = try TestSite(Self.files.merging(["mkdocs.yml": "site_name: Safe\nsite_dir: ''\n"]) { a, _ in a })
        defer { site.cleanUp() }
        #expect(site.lint().outcome == .unusable)
    }

    @Test func anAbsoluteSiteDirIsHonoured() throws {
        let output = FileManager.default.temporaryDirectory.appending(path: "trellis-abs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try TestSite(Self.files.merging(["mkdocs.yml": "site_name: Safe\nsite_dir: \(output.path)\n"]) { a, _ in a })
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.outcome == .success)
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "guide/index.html").path))
        #expect(!site.exists("site"))
        #expect(!names(in: site.root).contains { $0.hasPrefix(".trellis") })
    }

    @Test func anAbsoluteDocsDirIsHonoured() throws {
        let docs = try TestSite(["guide.md": "# Outside guide\n", "index.md": "# Home\n"])
        defer { docs.cleanUp() }
        let site = try TestSite(["mkdocs.yml": "site_name: Safe\ndocs_dir: \(docs.root.path)\n"])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.outcome == .success)
        #expect(site.output("guide/index.html")?.contains("Outside guide") == true)
    }
}
