import Testing
import TrellisCore
import TrellisMacros

/// Each problem gives exactly one diagnostic, in `Diagnostic.formatted` form, at the file
/// position of the offending name (the page body starts after front matter).
struct DiagnosticTests {
    static let context: ValueMap = map([
        "brand": "Acme", "version": 3,
        "panel": ["domain": "panel.example", "port": 8443],
        "regions": ["eu", "us"],
    ])

    /// Expands `body` as the body of `content/a.md` after a two-line front matter block.
    static func diagnostics(_ body: String, context: ValueMap = context) -> [String] {
        let frontMatter = "---\ntitle: A\n---\n"
        let file = SourceFile(path: "content/a.md", text: frontMatter + body)
        let result = MacroExpander.expand(body, file: file, sourceOffset: frontMatter.utf8.count, context: context)
        return result.diagnostics.map(\.formatted)
    }

    @Test func undefinedVariableSuggestsTheClosestName() {
        #expect(
            Self.diagnostics("One\nTwo\nUse the   {{ brnd }} now.\n") == [
                "content/a.md:6:14: error: undefined variable 'brnd'; did you mean 'brand'? [UndefinedVariable]"
            ])
    }

    @Test func undefinedVariableWithoutCloseNameHasNoSuggestion() {
        #expect(
            Self.diagnostics("{{ zzzzzzzz }}") == [
                "content/a.md:4:4: error: undefined variable 'zzzzzzzz' [UndefinedVariable]"
            ])
    }

    @Test func undefinedMemberPointsAtTheMemberName() {
        #expect(
            Self.diagnostics("x {{ panel.domian }}") == [
                "content/a.md:4:12: error: 'panel' has no attribute 'domian'; did you mean 'domain'? [UndefinedVariable]"
            ])
        #expect(
            Self.diagnostics("{{ panel['domian'] }}") == [
                "content/a.md:4:10: error: 'panel' has no attribute 'domian'; did you mean 'domain'? [UndefinedVariable]"
            ])
        #expect(
            Self.diagnostics("{{ regions[5] }}") == [
                "content/a.md:4:12: error: 'regions' has no element 5 [UndefinedVariable]"
            ])
    }

    @Test func rangesCoverTheOffendingName() {
        let file = SourceFile(path: "r.md", text: "ab {{ panel.domian }}")
        let result = MacroExpander.expand(file.text, file: file, sourceOffset: 0, context: Self.context)
        let range = result.diagnostics.first?.range
        #expect(range?.start.column == 13)
        #expect(range?.end.column == 19)
    }

    @Test func unknownFilterSuggestsTheClosestFilter() {
        #expect(
            Self.diagnostics("{{ brand | lowr }}") == [
                "content/a.md:4:12: error: unknown filter 'lowr'; did you mean 'lower'? [UnknownFilter]"
            ])
    }

    @Test func columnsCountUnicodeScalars() {
        #expect(
            Self.diagnostics("é—✓ {{ brnd }}") == [
                "content/a.md:4:8: error: undefined variable 'brnd'; did you mean 'brand'? [UndefinedVariable]"
            ])
    }

    @Test func defaultAndDefinedTestsAcceptUndefinedNames() {
        #expect(
            Self.diagnostics(
                "{{ missing|default('x') }}{{ panel.nope|d }}{% if missing is defined %}{% endif %}{% if missing is not defined %}{% endif %}"
            ) == [])
    }

    @Test func memberOfAnUndefinedNameIsAnErrorEvenUnderDefault() {
        // Jinja raises here too: getattr on StrictUndefined fails before `default` runs.
        #expect(
            Self.diagnostics("{{ missing.x|default('d') }}") == [
                "content/a.md:4:4: error: undefined variable 'missing' [UndefinedVariable]"
            ])
    }

    @Test func oneProblemGivesOneDiagnosticAndEveryProblemIsReported() {
        #expect(
            Self.diagnostics(
                "{{ nope|upper|lower }}\n{% if nope2 %}never{% endif %}\n{{ brand|lowr|uper }}\n{{ brand }}") == [
                    "content/a.md:4:4: error: undefined variable 'nope' [UndefinedVariable]",
                    "content/a.md:5:7: error: undefined variable 'nope2' [UndefinedVariable]",
                    "content/a.md:6:10: error: unknown filter 'lowr'; did you mean 'lower'? [UnknownFilter]",
                    "content/a.md:6:15: error: unknown filter 'uper'; did you mean 'upper'? [UnknownFilter]",
                ])
    }

    @Test func typeErrorsUsePythonWording() {
        #expect(
            Self.diagnostics("{{ 1 < 'a' }}") == [
                "content/a.md:4:6: error: '<' not supported between instances of 'int' and 'str' [MacroType]"
            ])
        #expect(
            Self.diagnostics("{{ version|length }}") == [
                "content/a.md:4:12: error: object of type 'int' has no len() [MacroType]"
            ])
    }

    @Test func unterminatedVariableTagPointsAtItsOpening() {
        #expect(
            Self.diagnostics("a\n  {{ brand\nmore text") == [
                "content/a.md:5:3: error: unterminated '{{' (expected '}}') [MacroSyntax]"
            ])
    }

    @Test func unterminatedIfPointsAtTheIf() {
        #expect(
            Self.diagnostics("x\n{% if brand %}\nbody") == [
                "content/a.md:5:4: error: unterminated '{% if %}' (expected '{% endif %}') [MacroSyntax]"
            ])
    }

    @Test func strayEndifIsUnexpected() {
        #expect(Self.diagnostics("{% endif %}") == ["content/a.md:4:4: error: unexpected '{% endif %}' [MacroSyntax]"])
        #expect(
            Self.diagnostics("{% if brand %}{% else %}{% else %}{% endif %}") == [
                "content/a.md:4:28: error: unexpected '{% else %}' [MacroSyntax]"
            ])
    }

    @Test func unterminatedRawAndCommentAreReported() {
        #expect(
            Self.diagnostics("{% raw %}{{ x }}") == ["content/a.md:4:1: error: unterminated '{% raw %}' [MacroSyntax]"])
        #expect(Self.diagnostics("a {# note") == ["content/a.md:4:3: error: unterminated comment [MacroSyntax]"])
    }

    @Test func unknownStatementIsReportedOnceWithItsEndTag() {
        #expect(
            Self.diagnostics("{% block r %}{{ r }}{% endblock %}") == [
                "content/a.md:4:4: error: unknown statement 'block' [MacroSyntax]",
                "content/a.md:4:17: error: undefined variable 'r' [UndefinedVariable]",
            ])
    }

    @Test func missingExpressionIsReported() {
        #expect(Self.diagnostics("{{ }}") == ["content/a.md:4:4: error: expected an expression [MacroSyntax]"])
        #expect(
            Self.diagnostics("{% if %}x{% endif %}") == [
                "content/a.md:4:7: error: expected an expression [MacroSyntax]"
            ])
    }

    @Test func junkAfterAnExpressionIsReportedAndRenderingGoesOn() {
        #expect(
            Self.diagnostics("{{ brand brand }} {{ nope }}") == [
                "content/a.md:4:10: error: expected '}}', found 'brand' [MacroSyntax]",
                "content/a.md:4:22: error: undefined variable 'nope' [UndefinedVariable]",
            ])
        #expect(
            Self.diagnostics("{{ brand $ }} {{ nope }}") == [
                "content/a.md:4:10: error: unexpected character '$' [MacroSyntax]",
                "content/a.md:4:18: error: undefined variable 'nope' [UndefinedVariable]",
            ])
    }

    @Test func diagnosticsOfARenderFollowItsContext() {
        let file = SourceFile(path: "p.md", text: "{{ domain }}")
        let (template, parseDiagnostics) = MacroTemplate.parse(file.text, file: file, sourceOffset: 0)
        #expect(parseDiagnostics.isEmpty)
        #expect(template.render(context: map(["domain": "a.example"])).diagnostics.isEmpty)
        #expect(
            template.render(context: map(["domains": "a.example"])).diagnostics.map(\.formatted) == [
                "p.md:1:4: error: undefined variable 'domain'; did you mean 'domains'? [UndefinedVariable]"
            ])
    }
}

/// A `ValueMap` from a map literal (only `Value` has literal syntax).
func map(_ value: Value) -> ValueMap { value.mapValue ?? ValueMap() }
