import Foundation

/// Dates written as the git-revision-date-localized plugin writes them (its `dates.py` and
/// `add_spans`): localized with Foundation's CLDR data where the plugin uses Babel's, each
/// variant wrapped in `<span class="git-revision-date-localized-plugin
/// git-revision-date-localized-plugin-TYPE" title="DATE HH:MM:SS ZONE">…</span>`.
///
/// Pages share commits (the site's last commit is every page's), so each time is formatted
/// once; not for use from several threads.
final class RevisionDateFormat {
    let locale: String
    let timeZone: TimeZone
    let timeZoneName: String
    let customFormat: String
    private let longDate: DateFormatter
    private let custom: DateFormatter
    /// Fixed patterns in the POSIX locale (strftime's digits), one formatter each.
    private var posix: [String: DateFormatter] = [:]
    private var variantCache: [Int: [String: String]] = [:]
    private var spanCache: [Int: [String: String]] = [:]

    init(locale: String, timeZone name: String, customFormat: String) {
        // Babel takes `pt_BR`; the plugin turns `pt-BR` into it.
        let identifier = locale.replacingOccurrences(of: "-", with: "_")
        self.locale = identifier
        timeZoneName = name
        timeZone = TimeZone(identifier: name) ?? TimeZone(secondsFromGMT: 0) ?? .current
        self.customFormat = customFormat
        let foundationLocale = Locale(identifier: identifier)
        longDate = DateFormatter()
        longDate.locale = foundationLocale
        longDate.timeZone = timeZone
        longDate.dateStyle = .long
        longDate.timeStyle = .none
        custom = DateFormatter()
        custom.locale = foundationLocale
        custom.timeZone = timeZone
        custom.dateFormat = Self.cldrPattern(strftime: customFormat)
        for pattern in ["HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssxxx"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            posix[pattern] = formatter
        }
    }

    /// Every variant the plugin computes, by its name (`date`, `datetime`, `iso_date`,
    /// `iso_datetime`, `timeago`, `custom`, and `datetime-timezone` for the title), unwrapped.
    func variants(of time: Int) -> [String: String] {
        if let cached = variantCache[time] { return cached }
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        let long = longDate.string(from: date)
        let clock = formatted(date, "HH:mm:ss")
        let result = [
            "date": long,
            "datetime": long + " " + clock,
            "datetime-timezone": long + " " + clock + " " + zoneAbbreviation(at: date),
            "iso_date": formatted(date, "yyyy-MM-dd"),
            "iso_datetime": formatted(date, "yyyy-MM-dd HH:mm:ss"),
            "timeago": "<span class=\"timeago\" datetime=\"\(formatted(date, "yyyy-MM-dd'T'HH:mm:ssxxx"))\" locale=\"\(locale)\"></span>",
            "custom": custom.string(from: date),
        ]
        variantCache[time] = result
        return result
    }

    /// The variants wrapped in the plugin's spans.
    func spans(of time: Int) -> [String: String] {
        if let cached = spanCache[time] { return cached }
        let raw = variants(of: time)
        let title = raw["datetime-timezone"] ?? ""
        var result: [String: String] = [:]
        for (type, text) in raw {
            result[type] = "<span class=\"git-revision-date-localized-plugin git-revision-date-localized-plugin-\(type)\" title=\"\(title)\">\(text)</span>"
        }
        spanCache[time] = result
        return result
    }

    /// What a page shows for `style`: its span; for `timeago` the relative date's span followed by
    /// the ISO date's (shown where the timeago script does not run).
    func shown(_ style: RevisionDateSettings.Style, time: Int) -> String {
        let all = spans(of: time)
        let own = all[style.rawValue] ?? ""
        return style == .timeago ? own + (all["iso_date"] ?? "") : own
    }

    private func formatted(_ date: Date, _ pattern: String) -> String {
        posix[pattern]?.string(from: date) ?? ""
    }

    /// strftime's `%Z`: `UTC` for UTC, else the zone's abbreviation (`CET`, `EST`).
    private func zoneAbbreviation(at date: Date) -> String {
        if timeZoneName == "UTC" { return "UTC" }
        return timeZone.abbreviation(for: date) ?? timeZoneName
    }

    /// The plugin's `strftime_to_babel_format`: strftime directives to CLDR pattern letters
    /// (the longest directive first), literal text quoted.
    static func cldrPattern(strftime format: String) -> String {
        let directives: [String: String] = [
            "%a": "EEE", "%A": "EEEE", "%b": "MMM", "%B": "MMMM", "%c": "", "%d": "dd", "%-d": "d", "%e": "d",
            "%f": "SSSSSS", "%H": "HH", "%-H": "H", "%I": "hh", "%-I": "h", "%j": "DDD", "%m": "MM", "%-m": "M",
            "%M": "mm", "%-M": "m", "%p": "a", "%S": "ss", "%-S": "s", "%w": "e", "%W": "w", "%x": "", "%X": "",
            "%y": "yy", "%Y": "yyyy", "%z": "Z", "%Z": "z",
        ]
        var result = ""
        var literal = ""
        func flush() {
            defer { literal = "" }
            guard !literal.isEmpty else { return }
            let escaped = literal.replacingOccurrences(of: "'", with: "''")
            result += literal.contains { $0.isASCII && $0.isLetter } ? "'\(escaped)'" : escaped
        }
        let characters = Array(format)
        var i = 0
        while i < characters.count {
            guard characters[i] == "%" else {
                literal.append(characters[i])
                i += 1
                continue
            }
            if i + 1 < characters.count, characters[i + 1] == "%" {
                literal.append("%")
                i += 2
                continue
            }
            var matched = false
            for length in [3, 2] where i + length <= characters.count {
                if let pattern = directives[String(characters[i..<(i + length)])] {
                    flush()
                    result += pattern
                    i += length
                    matched = true
                    break
                }
            }
            if !matched {
                literal.append(characters[i])
                i += 1
            }
        }
        flush()
        return result
    }
}
