import Foundation

/// Brand colours as they may appear in the page's `<style>`: only values that are plainly a
/// colour get through, so a config value can never inject CSS or HTML.
public enum ThemeColor {
    /// The default primary colour (Material's indigo).
    public static let defaultPrimary = "#4051b5"
    /// The default accent colour (Material's indigo accent).
    public static let defaultAccent = "#526cfe"

    /// The value as a safe CSS colour, or nil if it is not one. Accepts `#rgb`, `#rgba`,
    /// `#rrggbb`, `#rrggbbaa`, Material palette names, CSS colour keywords, and
    /// `rgb()`/`rgba()`/`hsl()`/`hsla()`/`oklch()` with numeric arguments.
    public static func sanitize(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if let material = MaterialPalette.primary[MaterialPalette.key(trimmed)] { return material }
        if trimmed.hasPrefix("#") {
            let digits = trimmed.dropFirst()
            guard [3, 4, 6, 8].contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
            return trimmed
        }
        if trimmed.allSatisfy({ $0 >= "a" && $0 <= "z" }) { return trimmed }
        for function in ["rgb(", "rgba(", "hsl(", "hsla(", "oklch(", "oklab("] where trimmed.hasPrefix(function) {
            let arguments = trimmed.dropFirst(function.count)
            guard arguments.hasSuffix(")") else { return nil }
            let allowed = Set("0123456789.,%/ -degturnad")
            return arguments.dropLast().allSatisfy(allowed.contains) ? trimmed : nil
        }
        return nil
    }

    /// A text colour readable on `background` (a sanitised colour): near-black on light
    /// colours, white otherwise. Only hex colours are measured; others get white.
    public static func readableText(on background: String) -> String {
        guard background.hasPrefix("#") else { return "#ffffff" }
        var digits = Array(background.dropFirst())
        if digits.count == 3 || digits.count == 4 { digits = digits.prefix(3).flatMap { [$0, $0] } }
        guard digits.count >= 6 else { return "#ffffff" }
        func channel(_ offset: Int) -> Double {
            let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        // The luminance where black and white text have equal contrast.
        return luminance > 0.179 ? "#000000de" : "#ffffff"
    }
}
