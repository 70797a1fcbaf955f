import Foundation

/// Heading ids exactly as Python-Markdown's `toc` extension makes them (`slugify` + `unique`).
///
/// Heading ids are a public contract: readers deep-link to them, so they must match what MkDocs
/// produced for the same heading, and never change between releases.
public struct HeadingSlugger: Sendable {
    /// Every id handed out or reserved so far on the page.
    public private(set) var usedIDs: Set<String>
    /// For a stem `s`, a `k` such that `s_1` … `s_k` are all taken.
    private var takenRuns: [String: Int] = [:]
    /// The slug function (`toc`'s `slugify` option).
    public var style: HeadingSlugStyle

    /// A slugger for one page; `reserved` ids (already on the page) are never handed out.
    public init(reserved: some Sequence<String> = [String](), style: HeadingSlugStyle = .pythonMarkdown) {
        usedIDs = Set(reserved)
        self.style = style
    }

    /// The unique id for a heading whose plain text is `text`.
    public mutating func id(forHeadingText text: String) -> String {
        unique(style.slugify(Self.collapseWhitespace(text)))
    }

    /// Python's `' '.join(text.split())`: trims and collapses every run of whitespace to one space.
    public static func collapseWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isPythonWhitespace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Python-Markdown's `slugify(value, '-')` with `unicode=False`: NFKD, drop non-ASCII, drop
    /// everything but `[\w\s-]`, strip, lowercase, then runs of `[-\s]` become `-`.
    public static func slugify(_ text: String) -> String {
        var kept: [UInt8] = []
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where scalar.isASCII {
            let byte = UInt8(scalar.value)
            if isWordByte(byte) || isSpaceByte(byte) || byte == UInt8(ascii: "-") { kept.append(byte) }
        }
        var start = 0
        var end = kept.count
        while start < end, isSpaceByte(kept[start]) { start += 1 }
        while end > start, isSpaceByte(kept[end - 1]) { end -= 1 }
        var slug = ""
        var inRun = false
        for byte in kept[start..<end] {
            if byte == UInt8(ascii: "-") || isSpaceByte(byte) {
                if !inRun { slug += "-" }
                inRun = true
            } else {
                inRun = false
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
                slug.unicodeScalars.append(Unicode.Scalar(lower))
            }
        }
        return slug
    }

    /// Python-Markdown's `unique(id, ids)`: while `id` is empty or taken, `x_N` becomes
    /// `x_(N+1)` and anything else gets `_1`; the result is recorded as taken.
    ///
    /// Same results as Python's loop, but a per-stem counter skips the run of `stem_1…stem_k`
    /// already known taken, so a page with thousands of equal headings stays linear.
    public mutating func unique(_ id: String) -> String {
        if !id.isEmpty && !usedIDs.contains(id) {
            usedIDs.insert(id)
            return id
        }
        // Python's `.` stops at newlines; such ids take the literal loop.
        if id.utf8.contains(UInt8(ascii: "\n")) { return uniqueSlowly(id) }
        var stem = id
        var first = 1
        if let (matchedStem, digits) = Self.splitCounter(id) {
            guard let number = Int(digits), digits.count < 18 else { return uniqueSlowly(id) }
            stem = matchedStem
            first = number + 1
        }
        let known = takenRuns[stem] ?? 0
        var candidate = max(first, known + 1)
        while usedIDs.contains(stem + "_" + String(candidate)) { candidate += 1 }
        if first <= known + 1 { takenRuns[stem] = candidate }
        let result = stem + "_" + String(candidate)
        usedIDs.insert(result)
        return result
    }

    /// The literal Python loop, for counters too large for `Int`.
    private mutating func uniqueSlowly(_ id: String) -> String {
        var id = id
        while id.isEmpty || usedIDs.contains(id) {
            if let (stem, number) = Self.splitCounter(id) {
                id = stem + "_" + Self.increment(number)
            } else {
                id += "_1"
            }
        }
        usedIDs.insert(id)
        return id
    }

    /// Marks an id as taken without slugifying it.
    public mutating func reserve(_ id: String) {
        usedIDs.insert(id)
    }

    /// Matches `^(.*)_([0-9]+)$` (greedy stem, no newline in it).
    private static func splitCounter(_ id: String) -> (String, Substring)? {
        let utf8 = id.utf8
        var digitsStart = utf8.endIndex
        while digitsStart > utf8.startIndex {
            let before = utf8.index(before: digitsStart)
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[before]) else { break }
            digitsStart = before
        }
        guard digitsStart < utf8.endIndex, digitsStart > utf8.startIndex else { return nil }
        let underscore = utf8.index(before: digitsStart)
        guard utf8[underscore] == UInt8(ascii: "_") else { return nil }
        let stem = id[id.startIndex..<underscore]
        guard !stem.utf8.contains(UInt8(ascii: "\n")) else { return nil }
        return (String(stem), id[digitsStart...])
    }

    /// `str(int(digits) + 1)` for any length of digits (no overflow, leading zeros dropped).
    private static func increment(_ digits: Substring) -> String {
        var bytes = Array(digits.utf8.drop { $0 == UInt8(ascii: "0") })
        var index = bytes.count - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "9") {
                bytes[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                bytes[index] += 1
                break
            }
        }
        if index < 0 { bytes.insert(UInt8(ascii: "1"), at: 0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII `\w` (the text is ASCII by the time this runs).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// Python's `\s` and `str.strip()` on ASCII: `\t\n\v\f\r`, space, and `\x1c`–`\x1f`.
    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 32 || (9...13).contains(byte) || (0x1C...0x1F).contains(byte)
    }

    /// Python's `str.isspace()`: Unicode White_Space plus the separators `\x1c`–`\x1f`.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
