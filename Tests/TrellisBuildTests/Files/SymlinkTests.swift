import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Symlinks are followed while they stay inside the project; one leading outside is an
/// `OutsideRoot` error naming the link and its target, and what it leads to is not published,
/// unless `allow_symlinks_to` lists the target.
@Suite struct SymlinkTests {
    /// A file outside every test project, standing in for `/etc/passwd`.
    final class Secret {
        let folder: TestSite
        var path: String { folder.root.appending(path: "secret.txt").path }
        var real: String { ProjectFolder.resolvedPath(path) }
        var folderReal: String { ProjectFolder.resolvedPath(folder.root.path) }

        init() throws { folder = try TestSite(["secret.txt": "root:x:0:0:TOP-SECRET\n"]) }
        deinit { folder.cleanUp() }
    }

    func link(_ site: TestSite, _ path: String, to target: String) throws {
        let url = site.root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    func mkdocsSite(_ config: String = "site_name: Links\n") throws -> TestSite {
        try TestSite([
            "mkdocs.yml": config,
            "docs/index.md": "# Home\n\nWelcome.\n",
            "shared/notes.md": "# Shared notes\n\nInside the project.\n",
        ])
    }

    /// A Trellis site (whose `validation` takes rule IDs) that downgrades `OutsideRoot`.
    func lenientSite(_ extra: String = "") throws -> TestSite {
        try TestSite([
            "trellis.yml": "site_name: Links\nvalidation: {OutsideRoot: warning, UnusedAsset: off}\n" + extra,
            "content/index.md": "# Home\n\nWelcome.\n",
        ])
    }

    func published(_ site: TestSite) -> String {
        folderSnapshot(site.root.appending(path: "site")).values.map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    @Test func aPageLinkedOutsideIsReportedAndNotPublished() throws {
        let secret = try Secret()
        let site = try mkdocsSite()
        defer { site.cleanUp() }
        try link(site, "docs/passwd.md", to: secret.path)
        let report = site.build()
        #expect(report.lines == [
            "docs/passwd.md: error: 'docs/passwd.md' is a symlink to '\(secret.real)', outside the project folder; it is "
                + "not published (list the target in 'allow_symlinks_to' to publish it) [OutsideRoot]"
        ])
        #expect(report.outcome == .failed)
        let lint = site.lint()
        #expect(lint.lines == report.lines)
        #expect(!site.exists("site"))
    }

    @Test func aStaticFileLinkedOutsideIsReportedAndNotCopied() throws {
        let secret = try Secret()
        let site = try lenientSite()
        defer { site.cleanUp() }
        try link(site, "content/files/passwd", to: secret.path)
        let report = site.build()
        #expect(report.lines == [
            "content/files/passwd: warning: 'content/files/passwd' is a symlink to '\(secret.real)', outside the project folder; "
                + "it is not published (list the target in 'allow_symlinks_to' to publish it) [OutsideRoot]"
        ])
        // Downgraded to a warning, the build goes on, and still leaves the file out.
        #expect(report.outcome == .success)
        #expect(site.exists("site/default/index.html"))
        #expect(!site.exists("site/default/files/passwd"))
        #expect(!published(site).contains("TOP-SECRET"))
    }

    @Test func aSnippetThroughASymlinkedFolderIsReportedAndNotIncluded() throws {
        let secret = try Secret()
        // An MkDocs site (snippets are an MkDocs extension) under a trellis.yml that downgrades the rule.
        let site = try mkdocsSite("site_name: Links\nmarkdown_extensions: [pymdownx.snippets]\n")
        defer { site.cleanUp() }
        try site.write("trellis.yml", "mkdocs: mkdocs.yml\nvalidation: {OutsideRoot: warning}\n")
        try link(site, "snippets", to: secret.folder.root.path)
        try site.write("docs/index.md", "# Home\n\n--8<-- \"snippets/secret.txt\"\n")
        let report = site.build()
        #expect(report.lines == [
            "docs/index.md:3:1: warning: snippet 'snippets/secret.txt' leads through a symlink to '\(secret.real)', outside "
                + "the project folder; it is not included (list the target in 'allow_symlinks_to' to include it) [OutsideRoot]"
        ])
        #expect(site.exists("site/default/index.html"))
        #expect(!published(site).contains("TOP-SECRET"))
    }

    @Test func linksInsideTheProjectArePublished() throws {
        let site = try mkdocsSite("site_name: Links\nmarkdown_extensions: [pymdownx.snippets]\n")
        defer { site.cleanUp() }
        try site.write("docs/img/logo.png", "PNG")
        try link(site, "docs/notes.md", to: "../shared/notes.md")
        try link(site, "docs/pictures", to: "img")
        try link(site, "docs/more", to: "../shared")
        try link(site, "snips", to: "shared")
        try site.write(
            "docs/index.md", "# Home\n\n--8<-- \"snips/notes.md\"\n\n[notes](notes.md) ![a](img/logo.png) ![b](pictures/logo.png)\n")
        let report = site.build()
        #expect(report.lines == [])
        #expect(site.output("notes/index.html")?.contains("Inside the project.") == true)
        #expect(site.output("more/notes/index.html")?.contains("Inside the project.") == true)
        #expect(site.output("pictures/logo.png") == "PNG")
        #expect(site.output("index.html")?.contains("Inside the project.") == true)
        // Copied as a regular file, not as a link.
        let copied = site.root.appending(path: "site/pictures/logo.png").path
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: copied)) == nil)
    }

    @Test func allowSymlinksToPublishesWhatItLists() throws {
        let secret = try Secret()
        let site = try mkdocsSite("site_name: Links\nallow_symlinks_to: [\(secret.folder.root.path)]\n")
        defer { site.cleanUp() }
        try link(site, "docs/outside.md", to: secret.path)
        try link(site, "docs/raw.txt", to: secret.path)
        try site.write("docs/index.md", "# Home\n\n[raw](raw.txt)\n")
        let report = site.build()
        #expect(report.lines == [])
        #expect(site.output("outside/index.html")?.contains("TOP-SECRET") == true)
        #expect(site.output("raw.txt") == "root:x:0:0:TOP-SECRET\n")
    }

    @Test func loopsAndDanglingLinksGetADiagnosticNotAHang() throws {
        let site = try mkdocsSite()
        defer { site.cleanUp() }
        try link(site, "docs/sub/up", to: "..")
        try link(site, "docs/a.md", to: "b.md")
        try link(site, "docs/b.md", to: "a.md")
        try link(site, "docs/gone.png", to: "nowhere.png")
        try site.write("docs/sub/page.md", "# Sub\n")
        let report = site.build()
        let docs = ProjectFolder.resolvedPath(site.root.appending(path: "docs").path)
        #expect(report.lines == [
            "docs/a.md: error: 'docs/a.md' is a symlink that leads back to itself (a loop); it is not followed [IOError]",
            "docs/b.md: error: 'docs/b.md' is a symlink that leads back to itself (a loop); it is not followed [IOError]",
            "docs/gone.png: error: 'docs/gone.png' is a symlink to 'nowhere.png', which does not exist [IOError]",
            "docs/sub/up: error: 'docs/sub/up' is a symlink to '\(docs)', a folder that holds it (a loop); it is not followed [IOError]",
        ])
    }

    @Test func aDocsFolderLinkedOutsideIsRefused() throws {
        let secret = try Secret()
        let site = try TestSite(["mkdocs.yml": "site_name: Links\n"])
        defer { site.cleanUp() }
        try link(site, "docs", to: secret.folder.root.path)
        let report = site.build()
        #expect(report.outcome == .unusable)
        #expect(report.lines == [
            "mkdocs.yml: error: the docs folder 'docs' leads to '\(secret.folderReal)', outside the project folder (list the "
                + "target in 'allow_symlinks_to', or name it in 'docs_dir' as an absolute path) [OutsideRoot]"
        ])
    }

    @Test func aBrandLogoLinkedOutsideIsNotCopied() throws {
        let secret = try Secret()
        let site = try TestSite([
            "trellis.yml": "site_name: Links\nbrands: [alpha]\nvalidation: {OutsideRoot: warning}\n",
            "brands/alpha.yml": "name: Alpha\ntheme:\n  logo: images/logo.svg\n",
            "content/index.md": "# Home\n",
        ])
        defer { site.cleanUp() }
        try link(site, "images/logo.svg", to: secret.path)
        let report = site.build()
        #expect(report.lines == [
            "brands/alpha.yml:3:9: warning: 'images/logo.svg' (theme.logo of brand 'alpha') leads to '\(secret.real)', outside "
                + "the project folder; it is not used (list the target in 'allow_symlinks_to' to use it) [OutsideRoot]"
        ])
        #expect(!site.exists("site/alpha/assets/brand/logo.svg"))
    }
}
