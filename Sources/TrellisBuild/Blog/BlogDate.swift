import Foundation

/// A post's date as YAML gives it (PyYAML's `date` or `datetime`), in UTC unless the value
/// names its own offset, as Material's blog plugin reads it.
struct BlogDate: Sendable, Hashable, Comparable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0, second = 0, microsecond = 0
    /// The offset from UTC in seconds (0 when the value names none: Material assumes UTC).
    var offset = 0

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0, offset: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.microsecond, self.offset) = (hour, minute, second, microsecond, offset)
    }

    /// Seconds since 1970 (UTC), for ordering posts.
    var instant: Double {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        components.timeZone = TimeZone(secondsFromGMT: 0)
        let calendar = Calendar(identifier: .gregorian)
        let base = calendar.date(from: components)?.timeIntervalSince1970 ?? 0
        return base - Double(offset) + Double(microsecond) / 1_000_000
    }

    static func < (a: BlogDate, b: BlogDate) -> Bool { a.instant < b.instant }

    /// The same moment in UTC (what Babel formats a custom pattern in).
    var inUTC: BlogDate {
        guard offset != 0 else { return self }
        let date = Date(timeIntervalSince1970: instant.rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return BlogDate(
            year: c.year ?? year, month: c.month ?? month, day: c.day ?? day, hour: c.hour ?? 0, minute: c.minute ?? 0,
            second: c.second ?? 0, microsecond: microsecond, offset: 0)
    }

    /// Python's `str(datetime)`: `2024-07-02 00:00:00+00:00`, as Material writes `datetime=`.
    var pythonDescription: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(String(repeating: "0", count: max(0, 4 - String(year).count)))\(year)-\(two(month))-\(two(day))"
        text += " \(two(hour)):\(two(minute)):\(two(second))"
        if microsecond != 0 {
            let digits = String(microsecond)
            text += "." + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return text + "\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }

    /// A YAML 1.1 timestamp as PyYAML reads one: `2024-07-02`, `2024-07-02 10:30:00`,
    /// `2024-07-02T10:30:00.5Z`, `2024-07-02 10:30:00 +02:00`; nil for anything else.
    init?(yaml text: String) {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(min: Int, max: Int) -> Int? {
            var digits = 0, value = 0
            while i < s.count, digits < max, (48...57).contains(s[i]) {
                value = value * 10 + Int(s[i] - 48)
                i += 1
                digits += 1
            }
            return digits >= min ? value : nil
        }
        func take(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard let y = number(min: 4, max: 4), take("-"), let m = number(min: 1, max: 2), take("-"),
            let d = number(min: 1, max: 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
        if i == s.count {
            // A date alone must be written with two-digit month and day.
            guard s.count == 10 else { return nil }
        } else {
            if take("T") || take("t") {
            } else {
                guard i < s.count, s[i] == 32 || s[i] == 9 else { return nil }
                while i < s.count, s[i] == 32 || s[i] == 9 { i += 1 }
            }
            guard let h = number(min: 1, max: 2), take(":"), let mi = number(min: 2, max: 2), take(":"),
                let se = number(min: 2, max: 2)
            else { return nil }
            (hour, minute, second) = (h, mi, se)
            if take(".") {
                var fraction = ""
                while i < s.count, (48...57).contains(s[i]) {
                    fraction.append(Character(Unicode.Scalar(s[i])))
                    i += 1
                }
                microsecond = Int((fraction + "000000").prefix(6)) ?? 0
            }
            while i < s.count, s[i] == 32 || s[i] == 9 { i += 1 }
            if take("Z") {
            } else if i < s.count, s[i] == 43 || s[i] == 45 {
                let negative = s[i] == 45
                i += 1
                guard let oh = number(min: 1, max: 2) else { return nil }
                var om = 0
                if take(":") {
                    guard let value = number(min: 2, max: 2) else { return nil }
                    om = value
                }
                offset = (negative ? -1 : 1) * (oh * 3600 + om * 60)
            }
            guard i == s.count else { return nil }
        }
        // Python's dates start at year 1.
        guard year >= 1, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let range = calendar.range(of: .day, in: .month, for: calendar.date(from: DateComponents(year: year, month: month)) ?? Date()),
            range.contains(day)
        else { return nil }
    }
}
