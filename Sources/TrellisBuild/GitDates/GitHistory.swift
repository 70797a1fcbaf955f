import Foundation

/// Each page's last (and first) commit, from ONE `git log` over the docs folder rather than
/// the plugin's `git log` per page: the log lists every commit (newest first) with the files
/// it touched, and each page takes the newest commit that changed it, following renames back
/// to older names as `git log --follow --diff-filter=r` does (a commit that only renames a
/// file does not count as an update; with rename following, its earlier commits under the old
/// name count). The creation date is the oldest commit that added it (`--diff-filter=A`).
struct GitHistory: Sendable, Equatable {
    struct Commit: Sendable, Equatable {
        var hash: String
        /// The author date, seconds since 1970 (`%at`, as the plugin reads it).
        var time: Int
    }

    /// One commit of the log and the files it touched.
    struct LogEntry: Sendable, Equatable {
        var commit: Commit
        /// Status letter (`A`, `M`, `D`, `R`, `C`, `T`) and paths: one, or two for `R`/`C`.
        var changes: [(status: Character, paths: [String])]

        static func == (a: LogEntry, b: LogEntry) -> Bool {
            a.commit == b.commit && a.changes.map(\.status) == b.changes.map(\.status) && a.changes.map(\.paths) == b.changes.map(\.paths)
        }
    }

    /// Page path → its newest commit.
    var lastCommits: [String: Commit] = [:]
    /// Page path → the oldest commit that added it.
    var firstCommits: [String: Commit] = [:]
    /// The newest commit that changed anything in the docs folder (the plugin's site date).
    var siteCommit: Commit?

    /// The arguments of the one `git` run (in the docs folder): paths relative to it, NUL-separated
    /// (no quoting of unusual names), each commit starting with a record separator.
    static let logArguments = [
        "log", "--no-show-signature", "--no-color", "-z", "--name-status", "-M", "--relative", "--format=%x1e%H %at", "--", ".",
    ]

    /// Reads the log for `pages`; `ignored` commit hashes (or prefixes) never count as a
    /// page's last update.
    init(log: String, pages: Set<String>, followRenames: Bool = true, ignored: [String] = []) {
        self.init(entries: Self.parse(log), pages: pages, followRenames: followRenames, ignored: ignored)
    }

    init(entries: [LogEntry], pages: Set<String>, followRenames: Bool = true, ignored: [String] = []) {
        // The name each page had at the point of history being read (newest to oldest).
        var tracked = Dictionary(uniqueKeysWithValues: pages.map { ($0, $0) })
        for entry in entries {
            let isIgnored = ignored.contains { !$0.isEmpty && entry.commit.hash.hasPrefix($0) }
            for change in entry.changes {
                // A rename never counts (`--diff-filter=r`; git detects it even for the new
                // name alone). Without following, the page's history ends there: no commit.
                if change.status == "R", change.paths.count == 2 {
                    let (old, new) = (change.paths[0], change.paths[1])
                    guard let page = tracked[new] else { continue }
                    // Before this commit the page was called `old`; its new name was free.
                    tracked[new] = nil
                    if followRenames { tracked[old] = page }
                    continue
                }
                if siteCommit == nil { siteCommit = entry.commit }
                guard let path = change.paths.last, let page = tracked[path] else { continue }
                if !isIgnored && lastCommits[page] == nil { lastCommits[page] = entry.commit }
                if change.status == "A" || change.status == "C" { firstCommits[page] = entry.commit }
            }
        }
    }

    /// Splits `git log -z --name-status --format=%x1e%H %at` output into commits.
    static func parse(_ log: String) -> [LogEntry] {
        var entries: [LogEntry] = []
        for record in log.split(separator: "\u{1e}", omittingEmptySubsequences: true) {
            var fields = record.split(separator: "\0", omittingEmptySubsequences: false).map {
                $0.drop { $0 == "\n" }
            }
            guard !fields.isEmpty else { continue }
            let header = fields.removeFirst().split(separator: " ")
            guard header.count == 2, let time = Int(header[1]) else { continue }
            var changes: [(Character, [String])] = []
            var i = 0
            while i < fields.count {
                let token = fields[i]
                i += 1
                guard let status = token.first, status.isLetter else { continue }
                let count = status == "R" || status == "C" ? 2 : 1
                guard i + count <= fields.count else { break }
                changes.append((status, fields[i..<(i + count)].map(String.init)))
                i += count
            }
            entries.append(LogEntry(commit: Commit(hash: String(header[0]), time: time), changes: changes))
        }
        return entries
    }

    /// Reads the history of the docs folder with one `git` run, or nil when there is none to read
    /// (no git, not a repository, or git fails): then pages get no dates, and nothing is reported.
    static func read(
        docsFolder: URL, pages: Set<String>, followRenames: Bool, ignored: [String],
        run: ([String]) -> (status: Int32, output: String)? = Subprocess.run
    ) -> GitHistory? {
        guard let result = run(["git", "-C", docsFolder.path] + logArguments), result.status == 0 else { return nil }
        return GitHistory(log: result.output, pages: pages, followRenames: followRenames, ignored: ignored)
    }
}
