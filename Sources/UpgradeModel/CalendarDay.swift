import Foundation

/// A UTC calendar day ("2026-12-01"): the resolution of catalogue expiration dates.
///
/// Days rather than `Date`s keep the rules deterministic and the brand YAML simple; `init(_:)`
/// converts a `Date` (for example the build's clock) when a caller has one.
public struct CalendarDay: Hashable, Comparable, Sendable, TextCodable {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// A day from its components (not validated beyond the ranges `init?(_ text:)` checks).
    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy(\.isASCIIDigits),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year, month, day)
    }

    /// The UTC day containing `date`.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// "2026-12-01".
    public var description: String {
        "\(year)-\(month.twoDigits)-\(day.twoDigits)"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDay {
    public static var textExample: String { "a date such as 2027-03-01" }

    public init?(decodedText text: String) {
        // YAML loaders may hand over a timestamp such as "2027-03-01T00:00:00Z": keep its day,
        // but only when a time follows ("2027-03-012" is not a day).
        let time = text.dropFirst(10)
        guard time.isEmpty || time.first == "T" || time.first == "t" || time.first == " " else { return nil }
        self.init(String(text.prefix(10)))
    }
}
