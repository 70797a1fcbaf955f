import Foundation

/// Which function turns heading text into ids: `toc`'s `slugify` option in `mkdocs.yml`.
///
/// Ids are a public contract, so a site keeps the function its MkDocs build used.
public enum HeadingSlugStyle: Hashable, Sendable {
    /// `markdown.extensions.toc.slugify` (the default): ASCII only, lowercased, `-` separated.
    case pythonMarkdown
    /// `markdown.extensions.toc.slugify_unicode`: the same, keeping non-ASCII letters.
    case pythonMarkdownUnicode
    /// `pymdownx.slugs.slugify` with its `case` keyword (`none`, `lower`, `lower-ascii`, `fold`):
    /// NFC, tags removed, each space becomes `-`, other non-word characters dropped.
    case pymdownx(case: PymdownxSlugCase)

    /// The style a `toc.slugify` value names: the dotted Python function name, and for
    /// `!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}` its keywords.
    /// `nil` for functions Trellis does not know (and for unknown `case` values).
    public init?(pythonName: String, keywords: [String: String] = [:]) {
        switch pythonName {
        case "markdown.extensions.toc.slugify", "markdown.extensions.toc.slugify_ascii":
            self = .pythonMarkdown
        case "markdown.extensions.toc.slugify_unicode":
            self = .pythonMarkdownUnicode
        case "pymdownx.slugs.slugify", "pymdownx.slugs.uslugify":
            guard let slugCase = PymdownxSlugCase(rawValue: keywords["case"] ?? "none") else { return nil }
            self = .pymdownx(case: slugCase)
        default:
            return nil
        }
    }

    /// The slug of `text` (plain heading text, whitespace already collapsed), before `unique`.
    public func slugify(_ text: String) -> String {
        switch self {
        case .pythonMarkdown:
            return HeadingSlugger.slugify(text)
        case .pythonMarkdownUnicode:
            return Self.unicodeSlugify(text)
        case .pymdownx(let slugCase):
            return Self.pymdownxSlugify(text, case: slugCase)
        }
    }

    /// `re.sub(r'[^\w\s-]', '', value).strip().lower()`, then runs of `[-\s]` become `-`.
    private static func unicodeSlugify(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isWord(scalar) || isSpace(scalar) || scalar == "-" { kept.append(scalar) }
        let lowered = String(String(kept).unicodeScalars.drop(while: isSpace)).lowercased()
        var slug = String.UnicodeScalarView()
        var trailing = lowered.unicodeScalars[...]
        while let last = trailing.last, isSpace(last) { trailing = trailing.dropLast() }
        var inRun = false
        for scalar in trailing {
            if scalar == "-" || isSpace(scalar) {
                if !inRun { slug.append("-") }
                inRun = true
            } else {
                slug.append(scalar)
                inRun = false
            }
        }
        return String(slug)
    }

    /// pymdownx's `_uslugify`: NFC, drop `</?[^>]*>`, strip, apply the case, drop `[^\w\- ]`,
    /// each space becomes `-`.
    /// pymdownx's slug with `separator` in place of each space (its `sep` argument), as
    /// Material's blog slugs post titles and categories; nil for the other styles, which
    /// Trellis slugs only with `-`.
    public func slugify(_ text: String, separator: String) -> String? {
        if case .pymdownx(let slugCase) = self { return Self.pymdownxSlugify(text, case: slugCase, separator: separator) }
        return separator == "-" ? slugify(text) : nil
    }

    private static func pymdownxSlugify(_ text: String, case slugCase: PymdownxSlugCase, separator: String = "-") -> String {
        let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
        var untagged = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<", let close = scalars[(index + 1)...].firstIndex(of: ">") {
                index = close + 1
                continue
            }
            untagged.append(scalars[index])
            index += 1
        }
        var stripped = untagged[...]
        while let first = stripped.first, isSpace(first) { stripped = stripped.dropFirst() }
        while let last = stripped.last, isSpace(last) { stripped = stripped.dropLast() }
        var cased = String(String.UnicodeScalarView(stripped))
        switch slugCase {
        case .none: break
        case .lower: cased = cased.lowercased()
        case .lowerASCII:
            cased = String(String.UnicodeScalarView(cased.unicodeScalars.map { scalar in
                ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 32)) : scalar
            }))
        case .fold: cased = cased.folding(options: .caseInsensitive, locale: nil)
        }
        var slug = String.UnicodeScalarView()
        for scalar in cased.unicodeScalars {
            if scalar == " " {
                slug.append(contentsOf: separator.unicodeScalars)
            } else if isWord(scalar) || scalar == "-" {
                slug.append(scalar)
            }
        }
        return String(slug)
    }

    /// Python's `\w` on `str`: letters, numbers (any script) and `_`.
    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Python's `\s` / `str.isspace()`.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        HeadingSlugger.isPythonWhitespace(scalar)
    }
}

/// pymdownx.slugs' `case` keyword.
public enum PymdownxSlugCase: String, Hashable, Sendable {
    /// Keep the case as written (pymdownx's default).
    case none
    /// `str.lower()`, what Material's docs recommend.
    case lower
    /// Lowercase only `A`–`Z`.
    case lowerASCII = "lower-ascii"
    /// `str.casefold()`.
    case fold
}
