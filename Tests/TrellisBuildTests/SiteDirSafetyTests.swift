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

    /// Builds an MkDocs site whose config sets `site_dir`, and checks the refusal left every
    /// file as it was.
    func refused(_ siteDir: String, extraFiles: [String: String] = [:]) throws -> (TestSite, [String]) {
        try refused({ _ in siteDir }, extraFiles: extraFiles)
    }

    /// The same, with `site_dir` made from the project's folder name.
    func refused(_ siteDir: (String) -> String, extraFiles: [String: String] = [:]) throws -> (TestSite, [String]) {
        let site = try TestSite(Self.files.merging(extraFiles) { a, _ in a })
        try site.write("mkdocs.yml", "site_name: Safe\nsite_dir: \(siteDir(site.root.lastPathComponent))\n")
        let before = folderSnapshot(site.root)
        let report = site.build()
        #expect(report.outcome == .unusable)
        #expect(folderSnapshot(site.root) == before, "nothing may be touched")
        #expect(site.exists("docs/index.md") && site.exists("notes.txt") && site.exists("mkdocs.yml"))
        return (site, report.lines)
    }

    func realRoot(_ site: TestSite) -> String {
        ProjectFolder.resolvedPath(site.root.standardizedFileURL.path)
    }

    @Test(arguments: ["''", "'.'", "./", "docs/..", "docs/../docs/.."])
    func theProjectFolderItselfIsRefused(_ siteDir: String) throws {
        let (site, lines) = try refused(siteDir)
        defer { site.cleanUp() }
        let root = realRoot(site)
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'site_dir' should not be the project folder or contain it, as the build replaces "
                + "the 'site_dir' with its output. (site_dir: '\(root)', project: '\(root)') [ConfigType]"
        ])
    }

    @Test func theProjectSeenFromOutsideIsRefused() throws {
        let (site, lines) = try refused { "../\($0)" }
        defer { site.cleanUp() }
        let root = realRoot(site)
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'site_dir' should not be the project folder or contain it, as the build replaces "
                + "the 'site_dir' with its output. (site_dir: '\(root)', project: '\(root)') [ConfigType]"
        ])
    }

    @Test func aFolderAboveTheProjectIsRefused() throws {
        let (site, lines) = try refused("..")
        defer { site.cleanUp() }
        let root = realRoot(site)
        let parent = URL(fileURLWithPath: root).deletingLastPathComponent().path
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'site_dir' should not be the project folder or contain it, as the build replaces "
                + "the 'site_dir' with its output. (site_dir: '\(parent)', project: '\(root)') [ConfigType]"
        ])
    }

    @Test func theDocsFolderIsRefused() throws {
        let (site, lines) = try refused("docs")
        defer { site.cleanUp() }
        let root = realRoot(site)
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'docs_dir' should not be within the 'site_dir' as this can mean the source files "
                + "are overwritten by the output, and the build replaces the 'site_dir' with its output. "
                + "(site_dir: '\(root)/docs', docs_dir: '\(root)/docs') [ConfigType]"
        ])
    }

    @Test func aFolderInsideTheDocsFolderIsRefused() throws {
        let (site, lines) = try refused("docs/site")
        defer { site.cleanUp() }
        let root = realRoot(site)
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'site_dir' should not be within the 'docs_dir' as this leads to the build "
                + "directory being copied into itself and duplicate nested files in the 'site_dir'. "
                + "(site_dir: '\(root)/docs/site', docs_dir: '\(root)/docs') [ConfigType]"
        ])
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

    @Test func theConfigFileIsRefused() throws {
        let (site, lines) = try refused("mkdocs.yml")
        defer { site.cleanUp() }
        let root = realRoot(site)
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'config file' should not be within the 'site_dir' as the build replaces the "
                + "'site_dir' with its output. (site_dir: '\(root)/mkdocs.yml', config file: '\(root)/mkdocs.yml') [ConfigType]"
        ])
    }

    @Test func anotherProjectIsRefused() throws {
        let (site, lines) = try refused("other", extraFiles: ["other/.git/HEAD": "ref: refs/heads/main\n", "other/x.md": "x\n"])
        defer { site.cleanUp() }
        let root = realRoot(site)
        #expect(lines == [
            "mkdocs.yml:2:11: error: The 'site_dir' '\(root)/other' holds a project ('.git'), not a built site; the build "
                + "would replace it with its output. [ConfigType]"
        ])
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
        let root = realRoot(site)
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
