import Testing
import TrellisCore

/// Python-Markdown's serializer escaping (every emoji attribute goes through it) and pymdownx's
/// shortcode name characters.
struct PythonMarkdownTextTests {
    @Test func anAmpersandStaysWhenItStartsAnEntity() {
        #expect(PythonMarkdownText.escapedAttribute(#"a & b &amp; &#38; &#X26; &copy; &x; <"q">"#)
            == "a &amp; b &amp; &#38; &#X26; &copy; &x; &lt;&quot;q&quot;&gt;")
        #expect(PythonMarkdownText.escapedAttribute("&#12x; &; &") == "&amp;#12x; &amp;; &amp;")
        #expect(PythonMarkdownText.escapedText(#"<"q"> & it"#) == #"&lt;"q"&gt; &amp; it"#)
    }

    @Test func nameCharactersArePythonsUnicodeWordCharacters() {
        func length(_ text: String) -> Int? { PythonMarkdownText.shortcodeNameLength(Array(text.utf8), at: 0) }
        #expect(length("a") == 1 && length("_") == 1 && length("+") == 1 && length("-") == 1 && length("7") == 1)
        #expect(length("é") == 2 && length("字") == 3 && length("²") == 2)
        #expect(length(":") == nil && length(" ") == nil && length("😄") == nil && length("\u{2013}") == nil)
        // A cut sequence or a stray continuation byte is no character.
        #expect(PythonMarkdownText.shortcodeNameLength([0xE5, 0xAD], at: 0) == nil)
        #expect(PythonMarkdownText.shortcodeNameLength([0xAD, 0x97], at: 0) == nil)
    }
}
