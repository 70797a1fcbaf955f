import Foundation
import Testing
import TrellisCore
import TrellisMacros
import TrellisTestSupport

/// `set`, `for`, `filter`, `macro` and `import`: their errors are one diagnostic each at the
/// tag, and no loop, call or nesting can hang a build or exhaust its memory or stack.
struct StatementTests {
    static let context: ValueMap = map(["brand": "Acme", "regions": ["eu", "us"], "version": 3])

    static func expand(
        _ body: String, undefined: UndefinedPolicy = .strict, python: PythonMacros? = nil
    ) -> MacroExpansion {
        MacroExpander.expand(
            body, file: SourceFile(path: "s.md", text: body), sourceOffset: 0, context: context, undefined: undefined,
            python: python)
    }

    static func lines(_ body: String) -> [String] { expand(body).diagnostics.map(\.formatted) }

    @Test func unterminatedBlocksAreReportedAtTheirName() {
        #expect(
            Self.lines("{% for r in regions %}{{ r }}") == [
                "s.md:1:4: error: unterminated '{% for %}' (expected '{% endfor %}') [MacroSyntax]"
            ])
        #expect(
            Self.lines("a\n{% macro m() %}x") == [
                "s.md:2:4: error: unterminated '{% macro %}' (expected '{% endmacro %}') [MacroSyntax]"
            ])
        #expect(
            Self.lines("{% set x %}x") == ["s.md:1:4: error: unterminated '{% set %}' (expected '{% endset %}') [MacroSyntax]"])
    }

    @Test func anEndTagOfAnotherBlockIsUnexpected() {
        #expect(
            Self.lines("{% for r in regions %}{% if r %}{% endfor %}{% endif %}{% endfor %}") == [
                "s.md:1:36: error: unexpected '{% endfor %}' (the open '{% if %}' needs '{% endif %}' first) [MacroSyntax]"
            ])
    }

    @Test func loopErrorsPointAtTheSequence() {
        #expect(Self.lines("{% for x in version %}{{ x }}{% endfor %}") == ["s.md:1:13: error: 'int' object is not iterable [MacroType]"])
        #expect(
            Self.lines("{% for a, b in [[1, 2, 3]] %}{% endfor %}") == [
                "s.md:1:1: error: too many values to unpack (expected 2) [MacroType]"
            ])
        #expect(Self.expand("{% for x in nope %}x{% else %}else{% endfor %}after").text == "after")
    }

    @Test func macroCallErrorsArePythonsTypeErrors() {
        let define = "{% macro m(a) %}{{ a }}{% endmacro %}"
        #expect(Self.lines(define + "{{ m(1, 2) }}") == ["s.md:1:41: error: macro 'm' takes not more than 1 argument(s) [MacroType]"])
        #expect(Self.lines(define + "{{ m(z=1) }}") == ["s.md:1:43: error: macro 'm' takes no keyword argument 'z' [MacroType]"])
        #expect(Self.lines(define + "{{ m() }}") == ["s.md:1:20: error: parameter 'a' was not provided [UndefinedVariable]"])
        #expect(Self.lines("{{ brand() }}") == ["s.md:1:4: error: 'str' object is not callable [MacroType]"])
    }

    @Test func anUnknownFunctionFailsThePageAsJinjaDoes() {
        let result = Self.expand("a {{ nosuch(1) }} b", undefined: .keep)
        #expect(result.diagnostics.map(\.formatted) == ["s.md:1:6: error: undefined function 'nosuch' [UndefinedVariable]"])
        #expect(result.pageError == "UndefinedError: 'nosuch' is undefined")
        #expect(result.text == "a  b")
    }

    @Test func aFunctionOfThePythonModuleIsOneDiagnosticNamingItsSetting() {
        let python = PythonMacros(functions: ["feature_table"], source: "`define_env` in main.py (macros plugin `module_name`)")
        let result = Self.expand("x\n  {{ feature_table('a') }} {{ other() }}", python: python)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "s.md:2:6: error: `define_env` in main.py (macros plugin `module_name`) defines functions Trellis cannot run: 'feature_table' is one; the call prints nothing [PythonMacro]",
                "s.md:2:31: error: 'other' is not defined; `define_env` in main.py (macros plugin `module_name`) may define it, but Trellis cannot run Python [PythonMacro]",
            ])
        // MkDocs runs them and renders the page: no error page, the calls print nothing.
        #expect(result.pageError == nil)
        #expect(result.text == "x\n   ")
    }

    @Test func aMacroAModuleDoesNotDefineIsUndefined() {
        let includes = FolderIncludes(folder: ConformanceTests.fixtures.appendingPathComponent("includes"))
        let body = "{% import 'lib.md' as lib %}{{ lib.nosuch() }}"
        let result = MacroExpander.expand(
            body, file: SourceFile(path: "s.md", text: body), sourceOffset: 0, context: Self.context, includes: includes)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "s.md:1:36: error: 'includes/lib.md' defines no macro 'nosuch' [UndefinedVariable]"
            ])
    }

    @Test func importsReportAMissingTemplate() {
        #expect(Self.lines("{% import 'lib.md' as lib %}") == ["s.md:1:11: error: template 'lib.md' not found [MissingSnippet]"])
    }

    @Test func digitKeysAfterADotReadAsANumberWithAHint() {
        let context = map(["date": ["1_17_0": "2024"]])
        let body = "{{ date.1_17_0 }}"
        let result = MacroExpander.expand(body, file: SourceFile(path: "s.md", text: body), sourceOffset: 0, context: context)
        #expect(
            result.diagnostics.map(\.formatted) == [
                "s.md:1:9: error: 'date' has no element 1170; Jinja reads '.1_17_0' as the number 1170: write date['1_17_0'] for the key [UndefinedVariable]"
            ])
    }

    /// Text a loop repeats maps back to the loop body each time, so a problem Markdown finds
    /// in any iteration points at the line the author wrote.
    @Test func textRepeatedByALoopMapsBackToTheBody() {
        let body = "{% for r in regions %}\n[link](r-{{ r }}.md) {% endfor %}"
        let result = Self.expand(body)
        #expect(result.text == "\n[link](r-eu.md) \n[link](r-us.md) ")
        let second = result.text.utf8.count - " [link](r-us.md) ".utf8.count + 1
        let bodyStart = body.utf8.count - "[link](r-{{ r }}.md) {% endfor %}".utf8.count
        #expect(result.sourceMap.sourceOffset(forOutputOffset: second) == bodyStart)
        #expect(result.sourceMap.outputLength == result.text.utf8.count)
    }

    // MARK: Bounds

    @Test func aHugeRangeIsRefusedBeforeItIsBuilt() {
        #expect(
            Self.lines("{% for i in range(10000000000) %}x{% endfor %}") == [
                "s.md:1:13: error: the result would be a list of 10000000000 items; Trellis allows at most 1048576 [MacroLimit]"
            ])
    }

    @Test func nestedLoopsStopAtThePageBudget() {
        let loops = "{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}done"
        let result = Self.expand(loops)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.id == .macroLimit)
    }

    @Test func loopOutputStopsAtThePageGrowthLimit() {
        let result = Self.expand("{% for i in range(1000000) %}{{ 'x' * 1000 }}{% endfor %}")
        #expect(result.diagnostics.map(\.id) == [.macroLimit])
        #expect(result.text.utf8.count <= MacroLimits.maxPageGrowth)
    }

    @Test func recursiveMacrosStopAtTheCallDepthOnASmallStack() {
        let body = "{% macro r(n) %}{{ n }}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}"
        let result = onSmallStack { Self.expand(body) }
        // The depth limit, or before it (in a debug build's larger frames) the stack limit.
        #expect(result.diagnostics.map(\.id) == [.macroLimit])
        #expect(result.diagnostics.first?.message.contains("nest") == true)
        #expect(result.diagnostics.first?.range?.start.column == 27)
        #expect(result.text.hasPrefix("012345678"))
    }

    /// Each call made from the deepest operand of an expression nested as far as the parser
    /// allows: the stack limit, not the thread's stack, ends the recursion.
    @Test func recursionThroughDeepExpressionsStopsBeforeTheStackEnds() {
        let chain = "{{ r(n + 1)" + String(repeating: " ~ 'a'", count: 44) + " }}"
        let body = "{% macro r(n) %}" + chain + "{% endmacro %}{{ r(0) }}"
        let result = onSmallStack { Self.expand(body) }
        #expect(result.diagnostics.map(\.id) == [.macroLimit])
    }

    @Test func doublyRecursiveMacrosStopAtTheBudget() {
        // 8^8 calls if nothing stopped them.
        let body =
            "{% macro r(n) %}{% if n < 8 %}{% for i in range(8) %}{{ r(n + 1) }}{% endfor %}{% endif %}{% endmacro %}{{ r(0) }}"
        let result = onSmallStack { Self.expand(body) }
        #expect(
            result.diagnostics.map(\.formatted) == [
                "s.md:1:57: error: this page's macros would process more than 128 MiB of values [MacroLimit]"
            ])
    }

    @Test func deeplyNestedBlocksRenderOnASmallStack() {
        let depth = 2000
        let open = String(repeating: "{% for i in [1] %}{% filter upper %}{% set x %}", count: depth)
        let close = String(repeating: "{% endset %}{{ x }}{% endfilter %}{% endfor %}", count: depth)
        let result = onSmallStack { Self.expand(open + "a" + close) }
        #expect(result.diagnostics.isEmpty)
        #expect(result.text == "A")
    }

    @Test func splitCountsItsPiecesBeforeBuildingThem() {
        let lines = StatementTests.expand("{{ ('line\\n' * 200000).split('\\n') | length }}")
        #expect(lines.diagnostics.isEmpty)
        #expect(lines.text == "200001")
        #expect(StatementTests.expand("{{ ('x,' * 2000000).split(',') | length }}").diagnostics.map(\.id) == [.macroLimit])
    }

    @Test func aMacroReturningMoreThanAStringMayHoldStops() {
        let body = "{% macro big() %}{% for i in range(10000) %}{{ 'x' * 1000 }}{% endfor %}{% endmacro %}{{ big() }}"
        #expect(Self.expand(body).diagnostics.map(\.id) == [.macroLimit])
    }
}
