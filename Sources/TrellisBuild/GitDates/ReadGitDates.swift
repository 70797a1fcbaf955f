import Foundation
import TrellisCore

/// What the git-revision-date-localized plugin gives one page: the values it puts in
/// `page.meta` (and replaces `{{ name }}` with in the Markdown), and what the theme shows.
struct PageRevisionDates: Sendable, Equatable {
    /// `git_revision_date_localized` (the shown date, in its span), `…_hash`, `…_tag`,
    /// `…_raw_<type>`, the same for `git_site_revision_date_localized` and, when enabled,
    /// `git_creation_date_localized`; in that order.
    var meta: [(key: String, value: String)]
    /// The last update, as shown (the plugin's span markup).
    var updated: String
    /// The creation date, as shown, when `enable_creation_date` is set.
    var created: String?

    static func == (a: PageRevisionDates, b: PageRevisionDates) -> Bool {
        a.updated == b.updated && a.created == b.created && a.meta.map(\.key) == b.meta.map(\.key)
            && a.meta.map(\.value) == b.meta.map(\.value)
    }

    /// The variables the plugin replaces in a page's Markdown, with their values.
    var markdownValues: [String: String] {
        let names: Set = ["git_revision_date_localized", "git_site_revision_date_localized", "git_creation_date_localized"]
        return Dictionary(meta.filter { names.contains($0.key) }.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Stage: with `last_updated` (the git-revision-date-localized plugin), each page's dates from
/// one `git log` of the docs folder (`GitHistory`), formatted once per page. Without git or a
/// repository pages get no dates and nothing is reported (with `fallback_to_build_date`, the
/// build date); a page not committed yet gets the build date, as the plugin gives it.
struct ReadGitDates: SiteStage {
    let name = "read git dates"
    /// Runs a program (git) and returns its exit status and output; tests count the runs.
    var runProgram: @Sendable ([String]) -> (status: Int32, output: String)? = { Subprocess.run($0) }

    func run(_ site: inout SiteState) throws {
        guard let settings = site.config.revisionDates else { return }
        let generated = Set(site.pages.map(\.path).filter { site.blog?.isGeneratedView($0) == true })
        let paths = Set(site.pages.map(\.path)).subtracting(generated).filter { !settings.excludes($0) }
        let history = GitHistory.read(
            docsFolder: site.docsDir, pages: paths, followRenames: settings.followRenames,
            ignored: ignoredCommits(settings, site: site), run: runProgram)
        guard history != nil || settings.fallbackToBuildDate else { return }
        let seconds = site.buildDate.timeIntervalSince1970
        let buildTime = seconds.isFinite ? Int(min(max(seconds, -1e15), 1e15)) : 0
        var formats: [String: RevisionDateFormat] = [:]
        var dates: [String: PageRevisionDates] = [:]
        for page in site.pages where !settings.excludes(page.path) {
            let locale = page.meta.values["locale"]?.stringValue ?? settings.locale ?? site.config.language
            let format =
                formats[locale]
                ?? RevisionDateFormat(locale: locale, timeZone: settings.timeZone, customFormat: settings.customFormat)
            formats[locale] = format
            let none = GitHistory.Commit(hash: "", time: buildTime)
            let isGenerated = generated.contains(page.path)
            let last = isGenerated ? none : history?.lastCommits[page.path] ?? none
            var entries = Self.meta("git_revision_date_localized", last, format: format, style: settings.style)
            entries += Self.meta("git_site_revision_date_localized", history?.siteCommit ?? none, format: format, style: settings.style)
            var created: String?
            if settings.enableCreationDate {
                var first = isGenerated ? none : history?.firstCommits[page.path] ?? last
                if first.hash.isEmpty || first.time > last.time { first = last }
                let creation = Self.meta("git_creation_date_localized", first, format: format, style: settings.style)
                entries += creation
                created = creation.first?.value
            }
            dates[page.path] = PageRevisionDates(meta: entries, updated: entries.first?.value ?? "", created: created)
        }
        site.revisionDates = dates
    }

    /// The plugin's `_render_date` for one variable.
    static func meta(
        _ variable: String, _ commit: GitHistory.Commit, format: RevisionDateFormat, style: RevisionDateSettings.Style
    ) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = [
            (variable, format.shown(style, time: commit.time)), (variable + "_hash", commit.hash), (variable + "_tag", ""),
        ]
        let raw = format.variants(of: commit.time)
        for type in ["date", "datetime", "datetime-timezone", "iso_date", "iso_datetime", "timeago", "custom"] {
            result.append((variable + "_raw_" + type, raw[type] ?? ""))
        }
        return result
    }

    /// The hashes of `ignored_commits_file` (git's `blame.ignoreRevsFile` format), if set.
    private func ignoredCommits(_ settings: RevisionDateSettings, site: SiteState) -> [String] {
        guard let file = settings.ignoredCommitsFile else { return [] }
        let url = site.config.url(of: file, root: site.root)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            site.engine.emit(
                Diagnostic(.unavailableInput, path: site.config.path, at: nil, message: "cannot read the ignored commits file '\(file)'"))
            return []
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let hash = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(in: .whitespaces) ?? ""
            return hash.isEmpty ? nil : hash
        }
    }
}
