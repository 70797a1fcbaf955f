import TrellisCore

/// One `:name:` shortcode found in text.
public struct IconShortcode: Equatable, Sendable {
    /// UTF-8 offsets of the whole shortcode, colons included, relative to the scanned text.
    public var range: Range<Int>
    /// The name between the colons.
    public var name: String

    public init(range: Range<Int>, name: String) {
        self.range = range
        self.name = name
    }
}

/// Finds icon shortcodes in text the way `pymdownx.emoji` does.
public enum IconShortcodes {
    /// Every `:name:` run that is an icon name (`IconLibrary.isIconName`), in order.
    ///
    /// Runs are matched like pymdownx's pattern `:[+\-\w]+:` applied left to right without
    /// overlap, with Python's Unicode `\w`; runs that are not icons are skipped whole, so in
    /// `:x:material-home:` only `:x:` is a run and nothing is found. Linear in the text length.
    public static func scan(_ text: some StringProtocol, library: IconLibrary) -> [IconShortcode] {
        // Most text nodes hold no colon at all; they should cost no copy.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return [] }
        let bytes = Array(text.utf8)
        var found: [IconShortcode] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: ":") else {
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, let length = nameCharacterLength(bytes, at: j) { j += length }
            if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: ":") {
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if library.isIconName(name) { found.append(IconShortcode(range: i..<(j + 1), name: name)) }
                i = j + 1
            } else {
                // No colon can occur inside the run, so the next match starts after it.
                i = max(j, i + 1)
            }
        }
        return found
    }

    /// The byte length of the name character at `index` (`+`, `-` or Python's `\w`), or nil.
    static func nameCharacterLength(_ bytes: [UInt8], at index: Int) -> Int? {
        PythonMarkdownText.shortcodeNameLength(bytes, at: index)
    }
}
