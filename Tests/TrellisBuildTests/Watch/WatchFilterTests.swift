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

/// A batch is delivered once the folder has been quiet for the debounce window, or once its
/// first change has waited the longest allowed, whichever is first.
@Suite struct ChangeDebouncerTests {
    let start = ContinuousClock.now
    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    @Test func burstIsOneBatchDeliveredWhenQuiet() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(15), maxDelay: .milliseconds(150))
        #expect(debouncer.deadline == nil)
        #expect(debouncer.takeIfDue(at: at(0)) == nil)
        debouncer.add(["a.md"], at: at(0))
        debouncer.add(["b.md"], at: at(10))
        #expect(debouncer.takeIfDue(at: at(20)) == nil)
        debouncer.add(["a.md"], at: at(20))
        #expect(debouncer.deadline == at(35))
        #expect(debouncer.takeIfDue(at: at(34)) == nil)
        #expect(debouncer.takeIfDue(at: at(35)) == FileChanges(paths: ["a.md", "b.md"]))
        #expect(!debouncer.hasPending)
        #expect(debouncer.takeIfDue(at: at(100)) == nil)
    }

    @Test func continuousStreamIsDeliveredAtTheLongestDelay() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(15), maxDelay: .milliseconds(150))
        var delivered: [(Int, FileChanges)] = []
        for tick in stride(from: 0, through: 400, by: 10) {
            debouncer.add(["log-\(tick).md"], at: at(tick))
            if let batch = debouncer.takeIfDue(at: at(tick)) { delivered.append((tick, batch)) }
        }
        #expect(delivered.map(\.0) == [150, 310])
        #expect(delivered.first?.1.paths.count == 16)
    }

    @Test func nothingAddedChangesNothingAndARescanAloneIsABatch() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(15), maxDelay: .milliseconds(150))
        debouncer.add([], at: at(0))
        #expect(!debouncer.hasPending)
        debouncer.add([], rescan: true, at: at(0))
        #expect(debouncer.takeIfDue(at: at(15)) == FileChanges(rescan: true))
    }
}
