import Foundation
import Testing
import TrellisBuild

/// `FolderFiles` serves the regular files under its folder and nothing else.
@Suite struct FolderFilesTests {
    /// `root/site/` with files, a folder, links in and out; `root/secret.txt` and `root/outside/`.
    private func makeFolder() throws -> URL {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("trellis-folder-files-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try manager.createDirectory(at: site.appendingPathComponent("guide/deep"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try Data("outside".utf8).write(to: root.appendingPathComponent("outside/page.html"))
        try Data("<p>guide</p>".utf8).write(to: site.appendingPathComponent("guide/index.html"))
        try Data("deep".utf8).write(to: site.appendingPathComponent("guide/deep/x.txt"))
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("alias.html").path, withDestinationPath: "guide/index.html")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("shared").path, withDestinationPath: "guide/deep")
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret.txt")
        try manager.createSymbolicLink(
            atPath: site.appendingPathComponent("escape").path, withDestinationPath: root.appendingPathComponent("outside").path)
        try manager.createSymbolicLink(atPath: site.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere.txt")
        return root
    }

    @Test func servesRegularFilesAndLinksThatStayInside() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = FolderFiles(root: root.appendingPathComponent("site"))
        #expect(files.contents(of: "guide/index.html") == Data("<p>guide</p>".utf8))
        #expect(files.contents(of: "guide/deep/x.txt") == Data("deep".utf8))
        #expect(files.contents(of: "alias.html") == Data("<p>guide</p>".utf8))
        #expect(files.contents(of: "shared/x.txt") == Data("deep".utf8))
    }

    @Test(arguments: [
        "guide", "guide/", "shared", "missing.html", "dangling.txt", "leak.txt", "escape/page.html", "../secret.txt",
        "guide/../../secret.txt", "./guide/index.html", "guide//index.html", "/secret.txt", "", "guide/index.html\u{0}",
        "..\\secret.txt", "guide\\..\\..\\secret.txt",
    ])
    func refusesFoldersMissesAndEverythingOutside(path: String) throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FolderFiles(root: root.appendingPathComponent("site")).contents(of: path) == nil)
    }

    @Test func readsTheFolderAsItIsNowAfterASwap() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let current = root.appendingPathComponent("current")
        try manager.createSymbolicLink(atPath: current.path, withDestinationPath: "site")
        let files = FolderFiles(root: current)
        #expect(files.contents(of: "guide/index.html") == Data("<p>guide</p>".utf8))
        // A new build swapped in by relinking `current`.
        try manager.createDirectory(at: root.appendingPathComponent("next/guide"), withIntermediateDirectories: true)
        try Data("<p>new</p>".utf8).write(to: root.appendingPathComponent("next/guide/index.html"))
        try manager.removeItem(at: current)
        try manager.createSymbolicLink(atPath: current.path, withDestinationPath: "next")
        #expect(files.contents(of: "guide/index.html") == Data("<p>new</p>".utf8))
        #expect(files.contents(of: "alias.html") == nil)
    }
}
