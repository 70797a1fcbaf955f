import Testing
import TrellisCore
import TrellisMacros

/// `MacroTemplate.mayRead`: whether a page can read a variable, so the build only works out
/// what a variable needs (`page.title` after macros) for pages that can read it.
struct VariableReadTests {
    static func mayRead(_ body: String, _ name: String = "page") -> Bool {
        MacroTemplate.parse(body, file: SourceFile(path: "p.md", text: body), sourceOffset: 0).0.mayRead(name)
    }

    @Test(arguments: [
        "{{ page.title }}",
        "{% if page.meta.draft %}x{% endif %}",
        "{{ brand | default(page.url) }}",
        "{% for t in page.meta.tags if t != page.title %}{{ t }}{% endfor %}",
        "{% set x = {'a': [1, page]} %}",
        "{% macro m(t=page.title) %}{{ t }}{% endmacro %}",
        "{{ 'a' ~ (page['title'] if brand else '') }}",
        "{% filter replace('x', page.title) %}x{% endfilter %}",
    ])
    func anExpressionNamingTheVariableMayReadIt(_ body: String) {
        #expect(Self.mayRead(body))
    }

    /// An included or imported template may read any variable of the page.
    @Test(arguments: ["{% include 'part.md' %}", "{% import 'lib.md' as lib %}", "{% from 'lib.md' import m %}"])
    func includesAndImportsMayReadAnything(_ body: String) {
        #expect(Self.mayRead(body))
    }

    @Test(arguments: ["# {{ brand }} guide\n\nThe page about pages.", "{% raw %}{{ page.title }}{% endraw %}", "{{ pages }}", "plain"])
    func textAndOtherNamesDoNotReadIt(_ body: String) {
        #expect(!Self.mayRead(body))
    }
}
