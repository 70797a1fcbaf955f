import Testing
import TrellisCore
import TrellisMacros

/// Values a page's macros build, and the work and output of all its macros together, are
/// bounded (`MacroLimits`): going over is a `MacroLimit` error at the expression, found before
/// anything large is allocated, and the rest of the page still renders.
struct MacroLimitTests {
    static func expand(_ body: String, context: ValueMap = ValueMap()) -> MacroExpansion {
        MacroExpander.expand(body, file: SourceFile(path: "m.md", text: body), sourceOffset: 0, context: context)
    }

    static func lines(_ body: String) -> [String] { expand(body).diagnostics.map(\.formatted) }

    @Test func hugeStringRepetitionIsRefusedAtTheOperator() {
        let result = Self.expand("a\n  {{ 'x' * 10000000000 }} b {{ 1 + 1 }}")
        #expect(
            result.diagnostics.map(\.formatted) == [
                "m.md:2:10: error: the result would be a string of 10000000000 bytes; Trellis allows at most 8 MiB [MacroLimit]"
            ])
        #expect(result.text == "a\n   b 2")
    }

    @Test func repetitionWhoseSizeOverflowsIsRefused() {
        #expect(
            Self.lines("{{ 'ab' * 9223372036854775807 }}") == [
                "m.md:1:9: error: the result would be a string of more bytes than fit in 64 bits; Trellis allows at most 8 MiB [MacroLimit]"
            ])
        #expect(
            Self.lines("{{ 10000000000 * [1, 2] }}") == [
                "m.md:1:16: error: the result would be a list of 20000000000 items; Trellis allows at most 1048576 [MacroLimit]"
            ])
    }

    /// Includes that all name one template.
    struct OneTemplate: MacroIncludeLoading {
        let template: MacroTemplate
        var searchedFolder: String? { nil }
        func template(named name: String) -> MacroTemplate? { template }
    }

    /// A template including itself four times nests to the depth limit, and the fan-out (4^16
    /// renders unbounded) stops at the page's work budget: one MacroLimit per tag that hit it,
    /// and the rendering ends.
    @Test func includesFanningOutStopAtThePagesBudget() {
        let body = "x{% include 'a' %}{% include 'a' %}{% include 'a' %}{% include 'a' %}"
        let file = SourceFile(path: "m.md", text: body)
        let template = MacroTemplate.parse(body, file: file, sourceOffset: 0).0
        let result = template.render(context: ValueMap(), includes: OneTemplate(template: template))
        let lines = Set(result.diagnostics.map(\.formatted))
        let depth = [2, 19, 36, 53].map { "m.md:1:\($0): error: includes nest more than 16 deep (does 'a' include itself?) [MacroLimit]" }
        #expect(result.diagnostics.count == lines.count, "each problem is reported once")
        #expect(lines.isSubset(of: Set(depth).union([
            "m.md:1:2: error: this page's macros would process more than 128 MiB of values [MacroLimit]",
            "m.md:1:19: error: this page's macros would process more than 128 MiB of values [MacroLimit]",
            "m.md:1:36: error: this page's macros would process more than 128 MiB of values [MacroLimit]",
            "m.md:1:53: error: this page's macros would process more than 128 MiB of values [MacroLimit]",
        ])))
        #expect(lines.contains { $0.contains("128 MiB") })
        // 32,768 includes at most, each adding one 'x'.
        #expect(result.text.utf8.count <= 32_769 && result.text.hasPrefix("xxxx"))
    }

    @Test func repeatingNothingAnyNumberOfTimesIsImmediate() {
        let result = Self.expand("[{{ '' * 10000000000 }}] {{ [] * 10000000000 }} {{ 'ab' * -9223372036854775807 }}")
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "[] [] ")
    }

    @Test func valuesUpToTheLimitAreBuilt() {
        let result = Self.expand("{{ ('x' * \(MacroLimits.maxStringBytes)) | length }} {{ ([0] * \(MacroLimits.maxListCount)) | length }}")
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "\(MacroLimits.maxStringBytes) \(MacroLimits.maxListCount)")
    }

    @Test(arguments: [
        ("{{ ('y' * 5000000) ~ ('y' * 5000000) }}", "m.md:1:20", "10000000"),
        ("{{ ('y' * 5000000) + ('y' * 5000000) }}", "m.md:1:20", "10000000"),
        ("{{ (['abc' * 1000] * 3000) | join }}", "m.md:1:30", "9000000"),
        ("{{ ('y' * 5000000) | join(',') }}", "m.md:1:22", "9999999"),
        ("{{ ('ab' * 3000000) | replace('a', 'aaa') }}", "m.md:1:23", "12000000"),
        ("{{ ('x' * 1000000) | replace('', '--------') }}", "m.md:1:22", "9000008"),
    ])
    func everyOperationThatGrowsTextIsBounded(_ body: String, _ position: String, _ size: String) {
        #expect(
            Self.lines(body) == [
                "\(position): error: the result would be a string of \(size) bytes; Trellis allows at most 8 MiB [MacroLimit]"
            ])
    }

    @Test func listsThatPrintTooLongAreRefused() {
        #expect(
            Self.lines("{{ [['x' * 1000] * 1000000] * 1000000 }}") == [
                "m.md:1:29: error: the result would be a string of more than 8 MiB; Trellis allows at most 8 MiB [MacroLimit]"
            ])
    }

    @Test func listConcatenationIsBounded() {
        #expect(
            Self.lines("{{ [0] * 1000000 + [1] * 100000 }}") == [
                "m.md:1:18: error: the result would be a list of 1100000 items; Trellis allows at most 1048576 [MacroLimit]"
            ])
    }

    @Test func aPageCannotPrintMoreThanItsGrowthLimit() {
        // Each tag prints 8,000,000 bytes; the fifth passes 32 MiB, and the page stops there.
        let tag = "{{ 'x' * 8000000 }}\n"
        let result = Self.expand(String(repeating: tag, count: 6) + "end")
        #expect(
            result.diagnostics.map(\.formatted) == [
                "m.md:5:1: error: this page's macros would add more than 32 MiB to it; Trellis allows at most 32 MiB [MacroLimit]"
            ])
        #expect(result.text.utf8.count == 4 * 8_000_001)
    }

    @Test func aPageCannotDoMoreThanItsWorkLimit() {
        // Each tag builds 8,000,000 bytes and measures them (16,000,000 units of work) but prints
        // only their length: the ninth would pass 128 MiB, and the page stops there.
        let tag = "{{ ('x' * 8000000) | length }}\n"
        let result = Self.expand(String(repeating: tag, count: 12) + "end")
        #expect(
            result.diagnostics.map(\.formatted) == [
                "m.md:9:9: error: this page's macros would process more than 128 MiB of values [MacroLimit]"
            ])
        #expect(result.text == String(repeating: "8000000\n", count: 8))
    }

    @Test func comparingHugeSharedListsIsBoundedWork() {
        // Python compares these element by element too; each side has 10^12 items.
        let big = "[[0] * 1000000] * 1000000"
        #expect(
            Self.lines("{{ \(big) == \(big) }}") == [
                "m.md:1:30: error: this page's macros would process more than 128 MiB of values [MacroLimit]"
            ])
    }

    @Test(arguments: [
        ("{{ 2 ** 100 }}", "m.md:1:6: error: the integer result does not fit in 64 bits [MacroLimit]"),
        ("{{ 9223372036854775807 + 1 }}", "m.md:1:24: error: the integer result does not fit in 64 bits [MacroLimit]"),
        (
            "{{ (-9223372036854775807 - 1) // -1 }}",
            "m.md:1:31: error: the integer result does not fit in 64 bits [MacroLimit]"
        ),
        ("{{ -(-9223372036854775807 - 1) }}", "m.md:1:4: error: the integer result does not fit in 64 bits [MacroLimit]"),
        ("{{ 1 % 0 }}", "m.md:1:6: error: integer modulo by zero [MacroType]"),
        ("{{ 1 // 0 }}", "m.md:1:6: error: integer division or modulo by zero [MacroType]"),
        ("{{ 10.0 ** 400 }}", "m.md:1:9: error: (34, 'Numerical result out of range') [MacroType]"),
        ("{{ (-8) ** 0.5 }}", "m.md:1:9: error: the result is a complex number, which Trellis does not support [MacroType]"),
    ])
    func integerAndFloatEdgesAreDiagnosedNotTrapped(_ body: String, _ expected: String) {
        #expect(Self.lines(body) == [expected])
    }

    @Test func edgesPythonDefinesRenderAsPython() {
        // Python 3.11: -9223372036854775808 % -1 == 0, 2 ** -2 == 0.25, -7 // 2 == -4, -7 % 3 == 2.
        let result = Self.expand(
            "{{ (-9223372036854775807 - 1) % -1 }} {{ 2 ** -2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 2 ** 62 }}")
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "0 0.25 -4 2 4611686018427387904")
    }
}
