import Foundation
import TrellisCore

/// The git-revision-date-localized plugin's options (mkdocs.yml's `plugins:` entry, or
/// `last_updated:` in `trellis.yml`), checked once when the config is read. With them, every
/// page shows the date of its last commit (and, with `enable_creation_date`, of its first).
public struct RevisionDateSettings: Sendable, Equatable {
    /// How dates are written (the plugin's `type`).
    public enum Style: String, Sendable, CaseIterable {
        case date, datetime, timeago, custom
        case isoDate = "iso_date"
        case isoDatetime = "iso_datetime"
    }

    public var style: Style = .date
    /// The strftime format of `custom` (`%d. %B %Y`, the plugin's default).
    public var customFormat = "%d. %B %Y"
    /// The plugin's `locale`; nil: the theme's language, else `en`.
    public var locale: String?
    /// An IANA time zone name (`UTC`, `Europe/Amsterdam`).
    public var timeZone = "UTC"
    /// Pages without a commit (or a site without git) get the build date instead.
    public var fallbackToBuildDate = false
    public var enableCreationDate = false
    /// Page paths (docs-relative) that get no date, as `fnmatch` globs (`drafts/*`).
    public var exclude: [String] = []
    /// Whether a page's history follows it through renames (`enable_git_follow`).
    public var followRenames = true
    /// A file of commits to skip for the last-update date (`ignored_commits_file`), relative
    /// to the config's folder.
    public var ignoredCommitsFile: String?

    public init() {}

    /// The options as the plugin reads them, and a message per option it would refuse.
    /// Options the plugin has and Trellis needs not (`enabled`, `strict`,
    /// `enable_parallel_processing`) are accepted and change nothing.
    public static func read(_ options: ValueMap) -> (RevisionDateSettings, [String]) {
        var settings = RevisionDateSettings()
        var problems: [String] = []
        func string(_ key: String) -> String? {
            guard let value = options[key] else { return nil }
            if case .string(let s) = value { return s }
            if case .null = value { return nil }
            problems.append("'\(key)' must be a string")
            return nil
        }
        func bool(_ key: String) -> Bool? {
            guard let value = options[key] else { return nil }
            if case .bool(let b) = value { return b }
            problems.append("'\(key)' must be true or false")
            return nil
        }
        if let type = string("type") {
            if let style = Style(rawValue: type) {
                settings.style = style
            } else {
                let choices = Style.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                problems.append("'type' must be one of \(choices), not '\(type)'")
            }
        }
        if let format = string("custom_format") { settings.customFormat = format }
        if let locale = string("locale"), !locale.isEmpty { settings.locale = locale }
        if let zone = string("timezone"), !zone.isEmpty {
            if TimeZone(identifier: zone) == nil {
                problems.append("'timezone' is not a known time zone: '\(zone)'")
            } else {
                settings.timeZone = zone
            }
        }
        if let v = bool("fallback_to_build_date") { settings.fallbackToBuildDate = v }
        if let v = bool("enable_creation_date") { settings.enableCreationDate = v }
        if let v = bool("enable_git_follow") { settings.followRenames = v }
        for key in ["enabled", "strict", "enable_parallel_processing"] { _ = bool(key) }
        settings.ignoredCommitsFile = string("ignored_commits_file")
        if let value = options["exclude"] {
            if case .list(let items) = value {
                settings.exclude = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
                if settings.exclude.count != items.count { problems.append("'exclude' must be a list of globs") }
            } else {
                problems.append("'exclude' must be a list of globs")
            }
        }
        return (settings, problems)
    }

    /// Whether `path` (docs-relative) is excluded (`fnmatch.fnmatchcase` on the whole path).
    func excludes(_ path: String) -> Bool {
        exclude.contains { Glob.matches(path, $0) }
    }
}
