import Foundation
import Testing

@testable import TrellisBuild

/// Which files the watcher leaves out: editors' scratch files by name, anywhere; ignored folders
/// by their path from the root, and only there.
@Suite struct WatchFilterTests {
    let root = URL(fileURLWithPath: "/work/project")

    @Test(arguments: [
        ".page.md.swp", ".page.md.swo", ".page.md.swa", ".page.md.swx", "page.md~", "4913", "5036", "10079",
        ".#page.md", ".#x#", "#page.md#", "page.md___jb_tmp___", "page.md___jb_old___", "page.md.tmp",
        ".~lock.report.odt#", ".DS_Store", ".goutputstream-ABC123", "image.png.crdownload",
    ])
    func editorScratchFileIsIgnoredInAnyFolder(name: String) {
        let filter = WatchFilter(root: root, ignoring: [])
        #expect(filter.ignoresFile(name))
        #expect(filter.ignoresFile("docs/deep/" + name))
    }

    @Test(arguments: [
        "page.md", "tmp.md", "swp.md", "page.swp", "notes#1.md", "#", "4914", "4912", "5035", "10080", "0004913",
        "12345678901234567890", "page.md.bak", "lock.md", "~home.md", ".pages", ".nav.yml", "page.tmp.md",
    ])
    func ordinaryFileIsReported(name: String) {
        let filter = WatchFilter(root: root, ignoring: [])
        #expect(!filter.ignoresFile(name))
        #expect(!filter.ignoresFile("docs/" + name))
    }

    @Test func ignoredPathsAreRelativeToTheRootWhateverTheirSpelling() {
        let filter = WatchFilter(
            root: root,
            ignoring: ["site", "./.git/", "out//public/", "/work/project/.trellis-cache", "/elsewhere/site", "../up", ""])
        #expect(filter.ignoredPaths == ["site", ".git", "out/public", ".trellis-cache"])
        #expect(filter.ignoresFolder("site"))
        #expect(filter.ignoresFolder("out/public"))
        #expect(!filter.ignoresFolder("docs/site"))
        #expect(!filter.ignoresFolder("out"))
        #expect(filter.ignoresFile("site"))
        #expect(!filter.ignoresFile("site.md"))
    }
}
