import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Dates as mkdocs-git-revision-date-localized-plugin 1.7.2 writes them. The expected strings
/// are its `get_date_formats` output (Babel 2.19) for 2026-12-04 16:30:00 UTC, printed with
/// the venv's Python, not written by hand.
@Suite struct RevisionDateFormatTests {
    static let time = 1_796_401_800

    @Test(arguments: [
        ("en", "December 4, 2026", "04. December 2026"),
        ("de", "4. Dezember 2026", "04. Dezember 2026"),
        ("fr", "4 décembre 2026", "04. décembre 2026"),
        ("nl", "4 december 2026", "04. december 2026"),
        ("sv", "4 december 2026", "04. december 2026"),
        ("pt-BR", "4 de dezembro de 2026", "04. dezembro 2026"),
    ])
    func localizesTheLongDateAsBabelDoes(locale: String, date: String, custom: String) {
        let format = RevisionDateFormat(locale: locale, timeZone: "UTC", customFormat: "%d. %B %Y")
        let variants = format.variants(of: Self.time)
        #expect(variants["date"] == date)
        #expect(variants["custom"] == custom)
        #expect(variants["iso_date"] == "2026-12-04")
        #expect(variants["iso_datetime"] == "2026-12-04 16:30:00")
        #expect(variants["datetime"] == date + " 16:30:00")
        #expect(variants["datetime-timezone"] == date + " 16:30:00 UTC")
    }

    @Test func convertsToTheConfiguredTimeZone() {
        let berlin = RevisionDateFormat(locale: "de", timeZone: "Europe/Berlin", customFormat: "%A, %-d %b %Y um %H:%M")
        let variants = berlin.variants(of: Self.time)
        #expect(variants["datetime"] == "4. Dezember 2026 17:30:00")
        #expect(variants["iso_datetime"] == "2026-12-04 17:30:00")
        #expect(variants["timeago"] == "<span class=\"timeago\" datetime=\"2026-12-04T17:30:00+01:00\" locale=\"de\"></span>")
        #expect(variants["custom"] == "Freitag, 4 Dez. 2026 um 17:30")
        let newYork = RevisionDateFormat(locale: "en", timeZone: "America/New_York", customFormat: "%d. %B %Y")
        #expect(newYork.variants(of: Self.time)["iso_datetime"] == "2026-12-04 11:30:00")
        #expect(newYork.variants(of: Self.time)["timeago"]?.contains("2026-12-04T11:30:00-05:00") == true)
    }

    @Test func wrapsEachTypeInThePluginsSpan() {
        let format = RevisionDateFormat(locale: "en", timeZone: "UTC", customFormat: "%d. %B %Y")
        #expect(
            format.shown(.date, time: Self.time)
                == "<span class=\"git-revision-date-localized-plugin git-revision-date-localized-plugin-date\" title=\"December 4, 2026 16:30:00 UTC\">December 4, 2026</span>"
        )
        // timeago is followed by the ISO date, for where its script does not run (print).
        #expect(
            format.shown(.timeago, time: Self.time)
                == "<span class=\"git-revision-date-localized-plugin git-revision-date-localized-plugin-timeago\" title=\"December 4, 2026 16:30:00 UTC\"><span class=\"timeago\" datetime=\"2026-12-04T16:30:00+00:00\" locale=\"en\"></span></span>"
                + "<span class=\"git-revision-date-localized-plugin git-revision-date-localized-plugin-iso_date\" title=\"December 4, 2026 16:30:00 UTC\">2026-12-04</span>"
        )
    }

    /// Expected: the plugin's `strftime_to_babel_format` output.
    @Test func turnsStrftimeIntoQuotedCLDRPatterns() {
        #expect(RevisionDateFormat.cldrPattern(strftime: "%d. %B %Y") == "dd. MMMM yyyy")
        #expect(RevisionDateFormat.cldrPattern(strftime: "Updated on %-d %b") == "'Updated on 'd MMM")
        #expect(RevisionDateFormat.cldrPattern(strftime: "100%% at %H:%M, it's %q") == "'100% at 'HH:mm', it''s %q'")
    }

    @Test func readsThePluginsOptionsAndRefusesWhatItRefuses() {
        let (settings, problems) = RevisionDateSettings.read(
            ValueMap([
                ("type", .string("iso_datetime")), ("locale", .string("de")), ("timezone", .string("Europe/Amsterdam")),
                ("enable_creation_date", .bool(true)), ("exclude", .list([.string("drafts/*")])),
            ]))
        #expect(problems.isEmpty)
        #expect(settings.style == .isoDatetime && settings.locale == "de" && settings.timeZone == "Europe/Amsterdam")
        #expect(settings.enableCreationDate && settings.excludes("drafts/a/b.md") && !settings.excludes("a.md"))
        let (_, bad) = RevisionDateSettings.read(
            ValueMap([("type", .string("weekday")), ("timezone", .string("Mars/Olympus")), ("exclude", .string("x"))]))
        #expect(bad.count == 3)
        #expect(bad.first?.hasPrefix("'type' must be one of 'date'") == true)
    }
}
