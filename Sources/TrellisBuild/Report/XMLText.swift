/// Escaping for XML 1.0 text and attribute values.
///
/// XML 1.0 cannot carry most C0 control characters, U+FFFE or U+FFFF at all, not even as
/// character references, so they become U+FFFD; a message with a stray control byte must still
/// give a report CI can parse.
enum XMLText {
    /// Escapes character data: `&`, `<`, `>` and a carriage return (which parsers would
    /// otherwise turn into a newline).
    static func escape(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// Escapes an attribute value in double quotes. Tabs and newlines become character
    /// references because parsers normalise literal ones to spaces.
    static func escapeAttribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
