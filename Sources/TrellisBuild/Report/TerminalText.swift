/// Text from the docs made safe to print on a terminal: control characters (C0 except tab,
/// DEL, C1) are shown as `\u{1B}` instead of being sent, so a page cannot move the cursor,
/// recolour, retitle or clear the terminal of whoever builds it (escape-sequence injection).
enum TerminalText {
    /// Whether `scalar` is shown escaped.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// How a control character is shown: `\u{1B}`, `\u{7F}`, `\u{9B}`.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }

    /// `text` with every control character escaped (tabs kept).
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
