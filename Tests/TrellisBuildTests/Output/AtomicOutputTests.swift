import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The output is swapped in whole for every brand: a failed build changes nothing, what an
/// interrupted build left is put back or cleaned up by the next one, and a build of some
/// brands keeps the others' output.
@Suite struct AtomicOutputTests {
    func twoBrandSite() throws -> TestSite {
        try TestSite([
            "trellis.yml": twoBrandConfig,
            "brands/alpha.yml": alphaBrand,
            "brands/beta.yml": betaBrand,
            "content/index.md": "# Home\n\nWelcome to {{ brand }}. Read the [guide](guide.md).\n",
            "content/guide.md": "# Guide\n\nVersion one.\n",
        ])
    }

    func leftovers(_ site: TestSite) -> [String] {
        names(in: site.root).filter { $0.hasPrefix(".trellis-") }
    }

    @Test func aFailedBuildKeepsThePreviousOutputByteForByte() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        #expect(site.build().outcome == .success)
        let before = folderSnapshot(site.root.appending(path: "site"))
        #expect(before["alpha/guide/index.html"] != nil && before["beta/guide/index.html"] != nil)
        try site.write("content/guide.md", "# Guide\n\nVersion two, [broken](missing.md).\n")
        #expect(site.build().outcome == .failed)
        #expect(folderSnapshot(site.root.appending(path: "site")) == before)
        #expect(leftovers(site) == [])
    }

    @Test func aSuccessfulBuildReplacesEveryBrandAndLeavesNothingBeside() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        _ = site.build()
        try site.write("content/guide.md", "# Guide\n\nVersion two.\n")
        #expect(site.build().outcome == .success)
        #expect(site.output("alpha/guide/index.html")?.contains("Version two.") == true)
        #expect(site.output("beta/guide/index.html")?.contains("Version two.") == true)
        // The previous output may still be being deleted in the background.
        #expect(leftovers(site).allSatisfy { $0.hasPrefix(".trellis-trash-site-") })
    }

    @Test func theNextBuildRemovesWhatAnInterruptedBuildLeft() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        _ = site.build()
        let staging = SiteOutput.name(.staging, for: "site")
        let parked = SiteOutput.name(.old, for: "site")
        try site.write(staging + "/alpha/index.html", "half written")
        try site.write(parked + "/alpha/index.html", "an older site")
        try site.write(".trellis-staging-site-notours/keep.txt", "not Trellis's")
        // Even a failing build cleans up, and keeps the output.
        try site.write("content/guide.md", "[broken](missing.md)\n")
        let before = folderSnapshot(site.root.appending(path: "site"))
        #expect(site.build().outcome == .failed)
        #expect(leftovers(site) == [".trellis-staging-site-notours"])
        #expect(folderSnapshot(site.root.appending(path: "site")) == before)
    }

    @Test func anOutputParkedByAnInterruptedSwapIsPutBack() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        _ = site.build()
        let before = folderSnapshot(site.root.appending(path: "site"))
        // Killed between the fallback swap's two renames: no site, the old one parked aside.
        let parked = SiteOutput.name(.old, for: "site")
        try FileManager.default.moveItem(at: site.root.appending(path: "site"), to: site.root.appending(path: parked))
        try site.write(SiteOutput.name(.staging, for: "site") + "/alpha/index.html", "the new site, never swapped in")
        try site.write("content/guide.md", "[broken](missing.md)\n")
        #expect(site.build().outcome == .failed)
        #expect(folderSnapshot(site.root.appending(path: "site")) == before)
        #expect(leftovers(site) == [])
    }

    @Test func buildingOneBrandKeepsTheOthersOutput() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        _ = site.build()
        let beta = folderSnapshot(site.root.appending(path: "site/beta"))
        try site.write("content/guide.md", "# Guide\n\nVersion two.\n")
        #expect(site.build(brands: ["alpha"]).outcome == .success)
        #expect(site.output("alpha/guide/index.html")?.contains("Version two.") == true)
        #expect(folderSnapshot(site.root.appending(path: "site/beta")) == beta)
        // The previous output may still be being deleted in the background.
        #expect(leftovers(site).allSatisfy { $0.hasPrefix(".trellis-trash-site-") })
    }

    @Test func hiddenEntriesOfTheOutputAreKeptAsMkDocsKeepsThem() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        _ = site.build()
        try site.write("site/.git", "gitdir: ../.git/worktrees/gh-pages\n")
        try site.write("site/stale.html", "no longer produced")
        #expect(site.build().outcome == .success)
        #expect(site.output(".git") == "gitdir: ../.git/worktrees/gh-pages\n")
        #expect(site.output("stale.html") == nil)
    }

    @Test func lintNeverTouchesTheOutput() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        _ = site.build()
        try site.write(SiteOutput.name(.staging, for: "site") + "/alpha/index.html", "left by a killed build")
        let before = folderSnapshot(site.root)
        _ = site.lint()
        #expect(folderSnapshot(site.root) == before)
    }

    @Test func aSymlinkedSiteDirIsWrittenThroughAndKept() throws {
        let site = try twoBrandSite()
        defer { site.cleanUp() }
        let target = try TestSite([:])
        defer { target.cleanUp() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appending(path: "site").path, withDestinationPath: target.root.appending(path: "out").path)
        #expect(site.build().outcome == .success)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.root.appending(path: "site").path)
            == target.root.appending(path: "out").path)
        #expect(FileManager.default.fileExists(atPath: target.root.appending(path: "out/alpha/guide/index.html").path))
    }
}
