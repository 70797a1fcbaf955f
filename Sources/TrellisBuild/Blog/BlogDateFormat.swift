/// Formats post dates as Babel does for Material's blog (`format_date` for `full`, `long`,
/// `medium` and `short`, `format_datetime` with an LDML pattern such as `yyyy/MM/dd`
/// otherwise), in English: Trellis has no other locale's month and day names.
enum BlogDateFormat {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// English's predefined date formats (CLDR).
    static let predefined = ["full": "EEEE, MMMM d, y", "long": "MMMM d, y", "medium": "MMM d, y", "short": "M/d/yy"]

    /// Whether `format` needs names of months or days (which only English has in Trellis).
    static func usesNames(_ format: String) -> Bool {
        let pattern = predefined[format] ?? format
        return pattern.contains("MMM") || pattern.contains("E") || pattern.contains("LLL") || pattern.contains("a")
    }

    static func format(_ date: BlogDate, _ format: String) -> String {
        if let pattern = predefined[format] { return apply(pattern, to: date) }
        // Babel formats a datetime in UTC unless given a time zone.
        return apply(format, to: date.inUTC)
    }

    /// The weekday of a date (0 = Sunday), by Zeller's congruence.
    static func weekday(_ date: BlogDate) -> Int {
        var (y, m) = (date.year, date.month)
        if m < 3 {
            m += 12
            y -= 1
        }
        let h = (date.day + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7
        return ((h + 6) % 7 + 7) % 7
    }

    /// An LDML pattern: runs of one letter are fields, `'…'` is literal text (`''` a quote).
    static func apply(_ pattern: String, to date: BlogDate) -> String {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                if i + 1 < chars.count, chars[i + 1] == "'" {
                    out.append("'")
                    i += 2
                    continue
                }
                i += 1
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count, chars[i + 1] == "'" {
                            out.append("'")
                            i += 2
                            continue
                        }
                        break
                    }
                    out.append(chars[i])
                    i += 1
                }
                i += 1
                continue
            }
            guard c.isASCII, c.isLetter else {
                out.append(c)
                i += 1
                continue
            }
            var count = 1
            while i + count < chars.count, chars[i + count] == c { count += 1 }
            i += count
            let hour12 = date.hour % 12 == 0 ? 12 : date.hour % 12
            switch c {
            case "y", "Y", "u": out += count == 2 ? padded(date.year % 100, 2) : padded(date.year, count)
            case "M", "L":
                let name = months[max(0, min(11, date.month - 1))]
                switch count {
                case 1, 2: out += padded(date.month, count)
                case 3: out += String(name.prefix(3))
                case 4: out += name
                default: out += String(name.prefix(1))
                }
            case "d": out += padded(date.day, count)
            case "E", "e", "c":
                let name = weekdays[weekday(date)]
                out += count == 4 ? name : count >= 5 ? String(name.prefix(1)) : String(name.prefix(3))
            case "H": out += padded(date.hour, count)
            case "h": out += padded(hour12, count)
            case "K": out += padded(date.hour % 12, count)
            case "k": out += padded(date.hour == 0 ? 24 : date.hour, count)
            case "m": out += padded(date.minute, count)
            case "s": out += padded(date.second, count)
            case "S": out += String(padded(date.microsecond, 6).prefix(count))
            case "a": out += date.hour < 12 ? "AM" : "PM"
            default: out += String(repeating: c, count: count)
            }
        }
        return out
    }
}
