import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Pages dated by their last commit, as mkdocs-git-revision-date-localized-plugin dates them,
/// from one `git log` of the docs folder.
@Suite struct GitDatesSiteTests {
    /// 2026-12-04 16:30:00 UTC.
    static let buildDate = Date(timeIntervalSince1970: 1_796_401_800)

    func build(_ site: TestSite) -> BuildReport {
        var options = BuildOptions(root: site.root)
        options.today = Self.buildDate
        return SiteBuilder.build(options)
    }

    func git(_ arguments: [String], in site: TestSite) throws {
        let result = Subprocess.run(
            ["git", "-C", site.root.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
                + arguments)
        #expect(result?.status == 0)
    }

    /// The plugin's date span for a day (UTC, English).
    static func span(_ day: String, _ time: String) -> String {
        "<span class=\"git-revision-date-localized-plugin git-revision-date-localized-plugin-date\" title=\"\(day) \(time) UTC\">\(day)</span>"
    }

    @Test func datesEachPageByItsLastCommitFollowingRenames() throws {
        let site = try TestSite([
            "mkdocs.yml": "site_name: T\nplugins:\n  - git-revision-date-localized:\n      enable_creation_date: true\n",
            "docs/index.md": "# Home\n\nUpdated {{ git_revision_date_localized }}.\n",
            "docs/old.md": "# Moved later\n",
            "docs/b.md": "# B\n",
        ])
        defer { site.cleanUp() }
        try git(["init", "-q"], in: site)
        try git(["add", "-A"], in: site)
        // Author dates: the plugin reads %at; the committer date is today's.
        try git(["commit", "-q", "-m", "start", "--date=2026-01-01T10:00:00Z"], in: site)
        try git(["mv", "docs/old.md", "docs/new.md"], in: site)
        try git(["commit", "-q", "-m", "rename", "--date=2026-02-01T10:00:00Z"], in: site)
        try site.write("docs/b.md", "# B\n\nMore.\n")
        try git(["commit", "-q", "-am", "edit", "--date=2026-03-04T15:30:00Z"], in: site)
        try site.write("docs/fresh.md", "# Not committed yet\n")
        let report = build(site)
        #expect(report.outcome == .success)
        #expect(report.lines == [])
        let january = Self.span("January 1, 2026", "10:00:00")
        // Updated and created, in Material's source-file markup.
        let b = try #require(site.output("b/index.html"))
        #expect(b.contains("title=\"Last update\""))
        #expect(b.contains(Self.span("March 4, 2026", "15:30:00")))
        #expect(b.contains("title=\"Created\""))
        #expect(b.contains(january))
        // A commit that only renames does not update the page; its history goes on under the old name.
        let moved = try #require(site.output("new/index.html"))
        #expect(moved.contains(january) && !moved.contains("February"))
        // Not committed: the build time, as the plugin gives it.
        #expect(site.output("fresh/index.html")?.contains(Self.span("December 4, 2026", "16:30:00")) == true)
        // The plugin's own substitution in the Markdown.
        #expect(site.output("index.html")?.contains("<p>Updated \(january).</p>") == true)
    }

    @Test func readsTheWholeSiteWithOneGitRun() throws {
        let site = try TestSite([
            "trellis.yml": "site_name: T\nlast_updated: true\n",
            "content/index.md": "# Home\n", "content/a.md": "# A\n", "content/guide/b.md": "# B\n", "content/guide/c.md": "# C\n",
        ])
        defer { site.cleanUp() }
        // git's output for `logArguments`: newest commit first, NUL-separated names.
        let log = "\u{1e}cccc 1775037600\0\nM\0guide/b.md\0\u{1e}bbbb 1769940000\0\nR100\0guide/old-c.md\0guide/c.md\0"
            + "\u{1e}aaaa 1767261600\0\nA\0index.md\0A\0a.md\0A\0guide/b.md\0A\0guide/old-c.md\0"
        let runs = GitRunCounter()
        var state = SiteState(options: BuildOptions(root: site.root))
        for stage in [LoadConfig(), DiscoverFiles(), ExcludeFiles(), LoadPages(), ResolveBlog()] as [any SiteStage] {
            try stage.run(&state)
        }
        var stage = ReadGitDates()
        stage.runProgram = { arguments in
            runs.add(arguments)
            return (0, log)
        }
        try stage.run(&state)
        #expect(runs.calls.count == 1)
        #expect(runs.calls.first?.suffix(GitHistory.logArguments.count) == GitHistory.logArguments[...])
        let raw = state.revisionDates.mapValues { dates in dates.meta.first { $0.key == "git_revision_date_localized_raw_iso_date" }?.value }
        #expect(raw == ["index.md": "2026-01-01", "a.md": "2026-01-01", "guide/b.md": "2026-04-01", "guide/c.md": "2026-01-01"])
        let site_ = state.revisionDates["a.md"]?.meta.first { $0.key == "git_site_revision_date_localized_hash" }?.value
        #expect(site_ == "cccc")
    }

    @Test func followsRenamesOnlyWhenAskedAndSkipsIgnoredCommits() {
        let log = "\u{1e}ffff 300\0\nM\0a.md\0\u{1e}eeee 200\0\nR087\0b.md\0c.md\0\u{1e}dddd 100\0\nA\0a.md\0A\0b.md\0"
        let followed = GitHistory(log: log, pages: ["a.md", "c.md"])
        // A rename with edits is still a rename for --diff-filter=r: c.md's date is b.md's.
        #expect(followed.lastCommits.mapValues(\.time) == ["a.md": 300, "c.md": 100])
        #expect(followed.firstCommits.mapValues(\.time) == ["a.md": 100, "c.md": 100])
        #expect(followed.siteCommit?.hash == "ffff")
        let unfollowed = GitHistory(log: log, pages: ["a.md", "c.md"], followRenames: false)
        // Without following, `git log --diff-filter=r -- c.md` lists nothing (git still sees the
        // rename): no commit, so the build date, as the plugin gives it.
        #expect(unfollowed.lastCommits.mapValues(\.time) == ["a.md": 300])
        #expect(unfollowed.firstCommits["c.md"] == nil)
        let ignoring = GitHistory(log: log, pages: ["a.md"], ignored: ["fff"])
        #expect(ignoring.lastCommits["a.md"]?.hash == "dddd")
    }

    @Test func withoutGitPagesHaveNoDatesAndNothingIsReported() throws {
        let site = try TestSite([
            "mkdocs.yml": "site_name: T\nplugins:\n  - git-revision-date-localized\n",
            "docs/index.md": "# Home\n\nUpdated {{ git_revision_date_localized }}.\n",
        ])
        defer { site.cleanUp() }
        let report = build(site)
        #expect(report.outcome == .success)
        #expect(report.lines == [])
        let home = try #require(site.output("index.html"))
        #expect(!home.contains("md-source-file"))
        #expect(home.contains("{{ git_revision_date_localized }}"))
        // git missing altogether: the same, unless the build date is the fallback.
        var options = BuildOptions(root: site.root)
        options.today = Self.buildDate
        var state = SiteState(options: options)
        for stage in [LoadConfig(), DiscoverFiles(), ExcludeFiles(), LoadPages(), ResolveBlog()] as [any SiteStage] {
            try stage.run(&state)
        }
        var stage = ReadGitDates()
        stage.runProgram = { _ in nil }
        try stage.run(&state)
        #expect(state.revisionDates.isEmpty)
        state.config.revisionDates?.fallbackToBuildDate = true
        try stage.run(&state)
        #expect(state.revisionDates["index.md"]?.meta.first { $0.key == "git_revision_date_localized_raw_iso_date" }?.value == "2026-12-04")
        #expect(state.revisionDates["index.md"]?.meta.first { $0.key == "git_revision_date_localized_hash" }?.value == "")
    }

    @Test func trellisSitesChooseTypeAndLocaleAndMacrosSeeTheDates() throws {
        let site = try TestSite([
            "trellis.yml": "site_name: T\nlast_updated:\n  type: iso_date\n  locale: de\n",
            "content/index.md": "# Home\n\nStand: {{ page.meta.git_revision_date_localized_raw_date }}, built {{ page.update_date }}\n",
        ])
        defer { site.cleanUp() }
        try git(["init", "-q"], in: site)
        try git(["add", "-A"], in: site)
        try git(["commit", "-q", "-m", "start", "--date=2026-01-01T10:00:00Z"], in: site)
        #expect(build(site).outcome == .success)
        let home = try #require(site.output("default/index.html"))
        #expect(home.contains("<p>Stand: 1. Januar 2026, built 2026-12-04</p>"))
        #expect(
            home.contains(
                "<span class=\"git-revision-date-localized-plugin git-revision-date-localized-plugin-iso_date\" title=\"1. Januar 2026 10:00:00 UTC\">2026-01-01</span>"
            ))
    }

    @Test func rejectsAnUnknownType() throws {
        let site = try TestSite([
            "trellis.yml": "site_name: T\nlast_updated:\n  type: weekday\n", "content/index.md": "# Home\n",
        ])
        defer { site.cleanUp() }
        let report = build(site)
        #expect(report.outcome != .success)
        #expect(report.lines.first?.hasPrefix("trellis.yml:3:3: error: last_updated: 'type' must be one of") == true)
    }
}

/// Records calls from several threads.
final class GitRunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[String]] = []

    func add(_ call: [String]) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(call)
    }

    var calls: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
