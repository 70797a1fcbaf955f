import Foundation
import Testing
import TrellisTestSupport
import TrellisCore
import TrellisMacros

/// Bad and extreme input never crashes, stays linear, and deep nesting works on a thread with
/// the small (512 KiB) stack that secondary threads get.
struct RobustnessTests {
    static let context = map(["brand": "Acme", "yes": true, "no": false])

    static func expand(_ text: String) -> MacroExpansion {
        MacroExpander.expand(text, file: SourceFile(path: "r.md", text: text), sourceOffset: 0, context: context)
    }

    @Test(arguments: [
        "", "{{", "{%", "{# x", "{", "}}", "%}", "{{ ", "{{-", "{%-", "{% if", "{% raw", "{{ 'open", "{{ (", "{{ [1,",
        "{{ brand |", "{{ brand is", "x {{ brand }", "{% if yes %}", "{% elif %}", "{% endif", "\u{0}{{\u{0}}}",
        "{{ 'a\\x4' }}",
        "{{ 99999999999999999999 }}", "{{ a. }}", "{{ a.0.1 }}", "{{ brand(1) }}", "{{ brand[1:2] }}", "{{ {1: 2} }}", "{% for %}", "{% for x in %}", "{% set %}", "{% macro %}", "{% macro m( %}",
        "{% from 'x' import %}", "{% import 'x' %}", "{% endfor %}", "{% for x in [1] %}{% else %}{% else %}{% endfor %}",
        "{% filter %}x{% endfilter %}", "{% filter nosuch %}x{% endfilter %}", "{% set a.b = 1 %}",
    ])
    func malformedInputGivesDiagnosticsNotCrashes(_ text: String) {
        let result = Self.expand(text)
        #expect(result.sourceMap.outputLength == result.text.utf8.count)
        if text.contains("{{") || text.contains("{%") || text.contains("{#") {
            #expect(!result.diagnostics.isEmpty || text == "{{ a.0.1 }}")
        }
    }

    @Test func tagAtTheVeryEndIsUnterminated() {
        #expect(
            Self.expand("text {{").diagnostics.map(\.formatted) == [
                "r.md:1:6: error: unterminated '{{' (expected '}}') [MacroSyntax]"
            ])
        #expect(
            Self.expand("{%").diagnostics.map(\.formatted) == [
                "r.md:1:1: error: unterminated '{%' (expected '%}') [MacroSyntax]"
            ])
        #expect(Self.expand("text {{").text == "text {{")
    }

    @Test(arguments: ["a {{ x }}", "{% if x %}{% endif %}", "{# c #}", "{{", "a{%"])
    func anyTagOpenerMakesTheTextNotPlain(_ text: String) {
        let (template, _) = MacroTemplate.parse(text, file: SourceFile(path: "t.md", text: text), sourceOffset: 0)
        #expect(!template.isPlainText)
    }

    @Test func emptyTextIsPlainAndEmpty() {
        let (template, diagnostics) = MacroTemplate.parse("", file: SourceFile(path: "e.md", text: ""), sourceOffset: 0)
        #expect(template.isPlainText && diagnostics.isEmpty)
        #expect(template.render(context: Self.context).text == "")
    }

    @Test func largeTextWithoutMacrosIsPlainAndUnchanged() {
        let text = String(repeating: "A line of text { with braces } and 100% words #1.\n", count: 100_000) + "end"
        let file = SourceFile(path: "big.md", text: text)
        let (template, diagnostics) = MacroTemplate.parse(text, file: file, sourceOffset: 0)
        #expect(template.isPlainText && diagnostics.isEmpty)
        let result = template.render(context: Self.context)
        #expect(result.text == text)
        #expect(result.sourceMap.segments.count == 1)
    }

    @Test func largeTextWithMacrosRendersEveryMacro() {
        let line = "Use {{ brand|lower }} here{% if yes %} and there{% endif %}.\n"
        let text = String(repeating: line, count: 80_000)
        let result = Self.expand(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == String(repeating: "Use acme here and there.\n", count: 80_000).dropLast())
    }

    @Test func twoHundredNestedIfsRender() {
        let text =
            String(repeating: "{% if yes %}<", count: 200) + "core" + String(repeating: ">{% endif %}", count: 200)
        let result = onSmallStack { Self.expand(text) }
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == String(repeating: "<", count: 200) + "core" + String(repeating: ">", count: 200))
    }

    @Test func tenThousandNestedIfsRenderOnASmallStack() {
        let text =
            String(repeating: "{% if yes %}{% if no %}x{% else %}", count: 10_000) + "core"
            + String(repeating: "{% endif %}{% endif %}", count: 10_000)
        let result = onSmallStack { Self.expand(text) }
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "core")
    }

    @Test func unclosedIfsAreEachReported() {
        let result = Self.expand(String(repeating: "{% if yes %}", count: 3))
        #expect(result.diagnostics.count == 3)
    }

    /// Indexed cases, so test logs show a number rather than 200,000 characters of input.
    static let deepExpressions: [String] = [
        String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000),
        String(repeating: "not ", count: 100_000) + "yes",
        String(repeating: "-", count: 100_000) + "1",
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        "brand" + String(repeating: ".x", count: 100_000),
        "brand" + String(repeating: "|lower", count: 100_000),
        "yes" + String(repeating: " or no", count: 100_000),
        "brand" + String(repeating: " ~ brand", count: 100_000),
        "1" + String(repeating: " + 1", count: 100_000),
        "1" + String(repeating: " if yes else 1", count: 100_000),
        String(repeating: "[(", count: 50_000) + String(repeating: ")]", count: 50_000),
    ]

    @Test(arguments: deepExpressions.indices)
    func deeplyNestedExpressionsAreRejectedNotOverflowed(_ index: Int) {
        let expression = Self.deepExpressions[index]
        let result = onSmallStack { Self.expand("{{ \(expression) }} after") }
        #expect(result.diagnostics.map(\.formatted).contains { $0.contains("too deeply nested") })
        #expect(result.text == " after")
    }

    @Test func tenThousandAdjacentStringLiteralsConcatenateInOrder() {
        let literals = (0..<10_000).map { "'\($0 % 10)'" }.joined(separator: " ")
        let result = Self.expand("{{ \(literals) }}")
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == String(repeating: "0123456789", count: 1_000))
    }

    @Test func longComparisonChainsAreFlatNotNested() {
        let chain = "1" + String(repeating: " < 2", count: 10_000)
        let result = onSmallStack { Self.expand("{{ \(chain) }}") }
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "False")
    }

    @Test func moderatelyNestedExpressionsStillWork() {
        let parens = String(repeating: "(", count: 10) + "brand" + String(repeating: ")", count: 10)
        let chain = "brand" + String(repeating: "|lower", count: 30)
        let result = onSmallStack { Self.expand("{{ \(parens) }} {{ \(chain) }}") }
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "Acme acme")
    }
}
