/// `pymdownx.inlinehilite`: a code span starting with `#!lang` or `:::lang` and whitespace
/// (`` `#!python range()` ``) is highlighted as pymdownx.highlight highlights inline code
/// (`HighlightMarkup.inlineHTML`); the rest of the span, stripped, is the code. With an empty
/// language (`` `#! x` ``) the prefix goes and the code stays plain (`style_plain_text` off).
///
/// Not reproduced: its `custom_inline` formatters, `style_plain_text` and `guess_lang`; cmark
/// decides what a code span holds (a span padded with a space before `#!` is read as cmark
/// strips it, and a line break inside is a space).
public struct InlineHiliteRewriter: MarkdownRewriter {
    public var name: String { "inlinehilite" }
    let markup: HighlightMarkup

    public init(options: CodeHighlightOptions) {
        markup = HighlightMarkup(options: options, cssClass: options.cssClass)
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        for node in document.preorder() {
            guard case .code(let text) = document.kind(of: node), let (language, code) = Self.split(text) else { continue }
            if language.isEmpty {
                document.setKind(.code(code), of: node)
            } else {
                document.setKind(.inlineMarkup(html: markup.inlineHTML(code: code, language: language), text: code), of: node)
            }
        }
    }

    /// `^((?:\:{3,}|\#!)(?P<lang>[\w#.+-]*)\s+)`: the language and the code after it, stripped.
    static func split(_ text: String) -> (language: String, code: String)? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        if text.hasPrefix("#!") {
            index = scalars.index(index, offsetBy: 2)
        } else {
            var colons = 0
            while index < scalars.endIndex, scalars[index] == ":" {
                colons += 1
                index = scalars.index(after: index)
            }
            guard colons >= 3 else { return nil }
        }
        let languageStart = index
        while index < scalars.endIndex, isLanguageScalar(scalars[index]) { index = scalars.index(after: index) }
        let language = String(scalars[languageStart..<index])
        guard index < scalars.endIndex, scalars[index].properties.isWhitespace else { return nil }
        return (language, String(scalars[index...]).trimmingPythonWhitespace())
    }

    /// Python's `[\w#.+-]` (a Unicode word character, or one of `#.+-`).
    private static func isLanguageScalar(_ scalar: Unicode.Scalar) -> Bool {
        if "#.+-_".unicodeScalars.contains(scalar) { return true }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}
