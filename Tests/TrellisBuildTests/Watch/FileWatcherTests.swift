import Foundation
import Testing

@testable import TrellisBuild

/// The watcher reports, in both modes, every file created, modified, deleted or renamed, as paths
/// relative to the root; folders expand to their files; editors' scratch files and ignored
/// folders are never reported.
@Suite struct FileWatcherTests {
    @Test(arguments: watchModes)
    func reportsCreatedModifiedAndDeletedFiles(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["docs/old.md": "old\n", "docs/kept.md": "kept\n"], mode: mode)
        try folder.write("docs/new.md")
        #expect(folder.waitFor(["docs/new.md"]))
        try folder.write("docs/kept.md", "kept, and edited at greater length\n")
        #expect(folder.waitFor(["docs/kept.md"]))
        try folder.remove("docs/old.md")
        #expect(folder.waitFor(["docs/old.md"]))
        #expect(folder.batches.withLock { $0.allSatisfy { !$0.isEmpty && !$0.rescan } })
    }

    @Test(arguments: watchModes)
    func atomicSaveReportsThePageAndNotTheTemporaryFile(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["docs/page.md": "before\n"], mode: mode)
        try folder.write("docs/page.md.tmp", "after, saved atomically\n")
        try folder.rename("docs/page.md.tmp", "docs/page.md")
        #expect(folder.waitFor(["docs/page.md"]))
        // vim: probe file, backup by rename, write, swap file.
        try folder.write("docs/4913", "")
        try folder.remove("docs/4913")
        try folder.write("docs/.page.md.swp", "swap")
        try folder.rename("docs/page.md", "docs/page.md~")
        try folder.write("docs/page.md", "after, saved by vim\n")
        try folder.remove("docs/page.md~")
        #expect(try folder.settle())
        #expect(folder.reported.filter { $0.hasPrefix("docs/") } == ["docs/page.md"])
    }

    @Test(arguments: watchModes)
    func renameReportsTheOldAndTheNewPath(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["docs/setup.md": "# Setup\n"], mode: mode)
        try folder.rename("docs/setup.md", "docs/install.md")
        #expect(folder.waitFor(["docs/setup.md", "docs/install.md"]))
    }

    @Test(arguments: watchModes)
    func newFolderReportsFilesWrittenAtOnceAndIsWatchedAfterwards(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["index.md": "# Home\n"], mode: mode)
        try folder.write("guide/deep/er/page.md")
        try folder.write("guide/deep/other.md")
        #expect(folder.waitFor(["guide/deep/er/page.md", "guide/deep/other.md"]))
        folder.reset()
        try folder.write("guide/deep/er/page.md", "edited later, inside the new folder\n")
        #expect(folder.waitFor(["guide/deep/er/page.md"]))
    }

    @Test(arguments: watchModes)
    func deletedFolderReportsEveryFileInIt(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(
            ["old/a.md": "a\n", "old/sub/b.md": "b\n", "old/sub/c.png": "c", "keep.md": "k\n"], mode: mode)
        try folder.remove("old")
        #expect(folder.waitFor(["old/a.md", "old/sub/b.md", "old/sub/c.png"]))
        #expect(try folder.settle())
        #expect(!folder.reported.contains("keep.md"))
        #expect(!folder.reported.contains { $0 == "old" || $0 == "old/sub" })
    }

    @Test(arguments: watchModes)
    func renamedFolderReportsBothNamesAndIsWatchedUnderItsNewName(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["docs/old/a.md": "a\n", "docs/old/sub/b.md": "b\n"], mode: mode)
        try folder.rename("docs/old", "docs/new")
        #expect(folder.waitFor(["docs/old/a.md", "docs/old/sub/b.md", "docs/new/a.md", "docs/new/sub/b.md"]))
        folder.reset()
        try folder.write("docs/new/sub/b.md", "edited after the rename\n")
        #expect(folder.waitFor(["docs/new/sub/b.md"]))
        #expect(try folder.settle())
        #expect(!folder.reported.contains { $0.hasPrefix("docs/old/") })
    }

    @Test(arguments: watchModes)
    func folderMovedOutOfTheRootIsReportedAndNoLongerWatched(mode: FileWatcher.Mode) throws {
        let outside = try TestSite([:])
        defer { outside.cleanUp() }
        let folder = try WatchedFolder(["gone/a.md": "a\n"], mode: mode)
        try FileManager.default.moveItem(at: folder.url.appending(path: "gone"), to: outside.root.appending(path: "gone"))
        #expect(folder.waitFor(["gone/a.md"]))
        folder.reset()
        try outside.write("gone/a.md", "edited outside the project\n")
        #expect(try folder.settle())
        #expect(folder.reported.allSatisfy { $0.hasPrefix("sentinel-") })
    }

    @Test(arguments: watchModes)
    func editorScratchFilesAreNeverReported(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["docs/page.md": "page\n"], mode: mode)
        let scratch = [
            ".page.md.swp", ".page.md.swx", "page.md~", "4913", ".#page.md", "#page.md#", "page.md___jb_tmp___",
            "page.md___jb_old___", "page.md.tmp", ".~lock.page.odt#", ".DS_Store", ".goutputstream-3HD1X1",
            "picture.png.crdownload",
        ]
        for name in scratch { try folder.write("docs/" + name, "scratch") }
        for name in scratch { try folder.remove("docs/" + name) }
        #expect(try folder.settle())
        #expect(folder.reported.allSatisfy { $0.hasPrefix("sentinel-") })
    }

    @Test(arguments: watchModes)
    func ignoredFoldersAreNotWatchedButSameNamesElsewhereAre(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(
            ["site/index.html": "", ".git/HEAD": "ref\n", "out/site/x.html": "", "content/site/page.md": "p\n"], mode: mode,
            ignoring: ["site", ".git", "./out/site/", "/nowhere/else"])
        try folder.write("site/index.html", "<p>rebuilt</p>")
        try folder.write("site/new/page/index.html", "<p>new</p>")
        try folder.write(".git/index", "index")
        try folder.write("out/site/x.html", "<p>x</p>")
        try folder.write("content/site/page.md", "edited\n")
        #expect(folder.waitFor(["content/site/page.md"]))
        #expect(try folder.settle())
        #expect(folder.reported.allSatisfy { $0 == "content/site/page.md" || $0.hasPrefix("sentinel-") })
    }

    @Test(arguments: watchModes)
    func burstOfWritesArrivesWholeInFewBatches(mode: FileWatcher.Mode) throws {
        // A longer quiet window than the default, so a loaded machine pausing the writer between
        // two writes does not split the burst into many batches.
        let folder = try WatchedFolder(mode: mode, debounce: .milliseconds(100), maxDelay: .seconds(5))
        let paths = (0..<200).map { "burst/page-\($0).md" }
        for path in paths { try folder.write(path, "written in a burst\n") }
        #expect(folder.waitFor(Set(paths)))
        let batches = folder.batches.withLock { $0 }
        #expect(batches.count <= 4)
        #expect(batches.reduce(0) { $0 + $1.paths.count } < 400)
    }

    @Test(arguments: watchModes)
    func symlinkedFoldersAreReportedAsLinksAndNotFollowed(mode: FileWatcher.Mode) throws {
        let outside = try TestSite(["shared.md": "outside\n"])
        defer { outside.cleanUp() }
        let folder = try WatchedFolder(["docs/index.md": "i\n"], mode: mode)
        try FileManager.default.createSymbolicLink(atPath: folder.path("docs/shared"), withDestinationPath: outside.root.path)
        #expect(folder.waitFor(["docs/shared"]))
        folder.reset()
        try outside.write("shared.md", "edited outside, through no link\n")
        try outside.write("more.md", "new outside\n")
        #expect(try folder.settle())
        #expect(folder.reported.allSatisfy { $0.hasPrefix("sentinel-") })
    }

    @Test(arguments: watchModes)
    func unreadableFoldersAndRacingFoldersDoNotStopTheWatcher(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(
            ["locked/secret.md": "s\n"], mode: mode, prepare: { chmod($0.appending(path: "locked").path, 0) })
        defer { chmod(folder.path("locked"), 0o755) }
        for round in 0..<50 {
            try folder.write("race/\(round)/a/b/page.md")
            try folder.remove("race")
        }
        try folder.write("after.md")
        #expect(folder.waitFor(["after.md"]))
    }

    @Test(arguments: watchModes)
    func deletingTheRootReportsItsFilesAndInotifyAsksForARescan(mode: FileWatcher.Mode) throws {
        let folder = try WatchedFolder(["index.md": "i\n", "docs/a.md": "a\n"], mode: mode)
        let inotify = folder.watcher.backend == .inotify
        try FileManager.default.removeItem(at: folder.url)
        #expect(folder.waitFor(["index.md", "docs/a.md"]))
        if inotify { #expect(folder.waitUntil { folder.batches.withLock { $0.contains(where: \.rescan) } }) }
    }
}
