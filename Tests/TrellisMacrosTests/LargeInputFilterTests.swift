import Testing
import TrellisCore
import TrellisMacros

/// The text filters give the same result on a 1 MB string as on the small text it repeats: the
/// linear implementations keep Python's rules (Final_Sigma, title casing, special casing) at
/// any size. The small results are Jinja 3.1's own (Python 3.11), hard-coded.
struct LargeInputFilterTests {
    /// A title-case digraph, sigmas in final and non-final position, `ß` and `ﬃ` (which grow
    /// when upper-cased), `İ` (which grows when lower-cased), every kind of word separator, and
    /// a trailing tab so words and sigma contexts never cross from one copy to the next.
    static let unit = "\u{01C6}a Ab c\u{03A3} \u{DF}\u{03A3}a-x(yZ) \u{0130}\u{0301} \u{03A3}\u{0391}, \u{FB03}\t"
    static let copies = 1_048_576 / unit.utf8.count + 1

    /// Jinja's output for `unit`, per filter.
    static let small: [(filter: String, output: String)] = [
        ("upper", "\u{01C4}A AB C\u{03A3} SS\u{03A3}A-X(YZ) \u{0130}\u{0301} \u{03A3}\u{0391}, FFI\t"),
        ("lower", "\u{01C6}a ab c\u{03C2} \u{DF}\u{03C3}a-x(yz) i\u{0307}\u{0301} \u{03C3}\u{03B1}, \u{FB03}\t"),
        ("title", "\u{01C4}a Ab C\u{03C3} SS\u{03C3}a-X(Yz) \u{0130}\u{0301} \u{03A3}\u{03B1}, FFI\t"),
        ("replace('b', 'cd')", "\u{01C6}a Acd c\u{03A3} \u{DF}\u{03A3}a-x(yZ) \u{0130}\u{0301} \u{03A3}\u{0391}, \u{FB03}\t"),
    ]

    static func render(_ filter: String, _ text: String) -> MacroExpansion {
        let body = "{{ s | \(filter) }}"
        return MacroExpander.expand(
            body, file: SourceFile(path: "big.md", text: body), sourceOffset: 0, context: map(["s": .string(text)]))
    }

    @Test(arguments: small.indices)
    func filterOfRepeatedTextIsTheRepeatedFilterOfTheText(_ index: Int) {
        let (filter, output) = Self.small[index]
        #expect(Self.render(filter, Self.unit).text == output)
        let big = Self.render(filter, String(repeating: Self.unit, count: Self.copies))
        #expect(big.diagnostics.isEmpty)
        #expect(big.text == String(repeating: output, count: Self.copies))
    }

    @Test func capitalizeOfRepeatedTextCapitalizesOnlyTheFirstCopy() {
        let capitalized = "\u{01C5}a ab c\u{03C2} \u{DF}\u{03C3}a-x(yz) i\u{0307}\u{0301} \u{03C3}\u{03B1}, \u{FB03}\t"
        let lowered = Self.small[1].output
        #expect(Self.render("capitalize", Self.unit).text == capitalized)
        let big = Self.render("capitalize", String(repeating: Self.unit, count: Self.copies))
        #expect(big.text == capitalized + String(repeating: lowered, count: Self.copies - 1))
    }

    @Test func trimAndJoinOfRepeatedText() {
        let text = String(repeating: Self.unit, count: Self.copies)
        #expect(Self.render("trim", text).text == String(text.dropLast()))
        let joinedUnit = Self.unit.unicodeScalars.map(String.init).joined(separator: "-")
        #expect(
            Self.render("join('-')", text).text
                == [String](repeating: joinedUnit, count: Self.copies).joined(separator: "-"))
    }

    @Test func replaceFindsOverlappingCandidatesLeftToRight() {
        // Python replaces the leftmost non-overlapping matches: 'aaaa'.replace('aa', 'b') == 'bb'.
        #expect(Self.render("replace('aa', 'b')", "aaaaa").text == "bba")
        #expect(Self.render("replace('aab', '-')", "aaab aabaab").text == "a- --")
        #expect(Self.render("replace('', '.', 2)", "\u{DF}x\u{DF}").text == ".\u{DF}.x\u{DF}")
        #expect(Self.render("replace('x', 'y', 0)", "xx").text == "xx")
    }

    @Test func containmentInALargeAdversarialStringIsFound() {
        // A naive search would compare about 10^12 bytes here.
        let haystack = String(repeating: "a", count: 2_000_000) + "b"
        let body = "{{ needle in s }} {{ (needle ~ 'a') in s }}"
        let context = map(["s": .string(haystack), "needle": .string(String(repeating: "a", count: 1_000_000) + "b")])
        let result = MacroExpander.expand(
            body, file: SourceFile(path: "in.md", text: body), sourceOffset: 0, context: context)
        #expect(result.text == "True False")
    }
}
