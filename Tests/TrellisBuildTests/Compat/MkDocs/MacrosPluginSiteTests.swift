import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// MkDocs sites with the macros plugin: Jinja's statements, `include_yaml`, and the functions
/// of the site's Python module, which Trellis cannot run. Expected HTML is what MkDocs 1.6.1
/// with mkdocs-macros-plugin 1.5.0 and Jinja2 3.1.6 writes for the same files.
struct MacrosPluginSiteTests {
    static let library = """
        {% macro badge(text, kind="info") -%}
        <span class="badge {{ kind }}">{{ text }}</span>
        {%- endmacro %}

        """

    @Test func jinjaStatementsRenderAsTheMacrosPluginRendersThem() throws {
        let s = try TestSite([
            "mkdocs.yml": """
            site_name: J
            plugins:
              - macros:
                  include_dir: partials
                  include_yaml:
                    - data/versions.yml
            extra:
              product: Widget
              date:
                1_17_0: "2024-01-17"

            """,
            "data/versions.yml": "versions:\n  - \"1.28\"\n  - \"1.29\"\nmatrix:\n  eu: [a, b]\n  us: [c]\n",
            "partials/lib.md": Self.library,
            "docs/index.md": """
            # Home

            {% import "lib.md" as lib %}
            {% from "lib.md" import badge %}
            {% set title = product ~ " docs" %}

            {{ title }} {{ lib.badge("beta", kind="warn") }} {{ badge("new") }}

            {% for v in versions %}
            - Version {{ v }}{% if loop.last %} (latest){% endif %}
            {% endfor %}

            | Region | Zones |
            | --- | --- |
            {% for region, zones in matrix.items() -%}
            | {{ region | upper }} | {{ zones | join(", ") }} |
            {% endfor %}

            {% filter upper %}shout {{ product }}{% endfilter %}

            Release: {{ date.1_17_0 }}

            """,
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.filter { !$0.contains("[OrphanPage]") } == [])
        let html = try #require(s.output("index.html"))
        for expected in [
            #"<p>Widget docs <span class="badge warn">beta</span> <span class="badge info">new</span></p>"#,
            "<li>\n<p>Version 1.28</p>\n</li>\n<li>\n<p>Version 1.29 (latest)</p>\n</li>",
            "<tr>\n<td>EU</td>\n<td>a, b</td>\n</tr>\n<tr>\n<td>US</td>\n<td>c</td>\n</tr>",
            "<p>SHOUT WIDGET</p>",
            // PyYAML reads the key `1_17_0` as the integer 1170, and Jinja `.1_17_0` as [1170].
            "<p>Release: 2024-01-17</p>",
        ] {
            #expect(html.contains(expected), "\(expected)")
        }
    }

    /// `include_yaml` files are merged first, `extra` goes over them key by key; with
    /// `on_undefined: keep` a missing member prints as Jinja's `DebugUndefined` prints it.
    @Test func includeYamlVariablesMergeUnderExtra() throws {
        let s = try TestSite([
            "mkdocs.yml": """
            site_name: M
            plugins:
              - macros:
                  include_yaml:
                    - data/vars.yml
                    - more: data/more.yml
            extra:
              shared: from extra
              nested:
                a: extra

            """,
            "data/vars.yml": "product: Widget\nshared: from yaml\nnested:\n  a: yaml\n  b: yaml\nlist: [1, 2]\n",
            "data/more.yml": "k: v\n",
            "docs/index.md": "# Vars\n\n{{ product }} {{ shared }} {{ nested.a }} {{ nested.b }} {{ more.k }} {{ list }}\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().outcome == .success)
        let html = try #require(s.output("index.html"))
        #expect(
            html.contains(
                "<p>Widget from extra extra {{ no such element: super_collections.SuperDict object['b'] }} v [1, 2]</p>"))
    }

    /// A function of `main.py` is one warning per call, naming it and the plugin setting; the
    /// call prints nothing and the page builds, with the others.
    @Test func pythonFunctionsAreOneWarningEachAndTheCallPrintsNothing() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: P\nplugins:\n  - macros\n",
            "main.py": """
            def define_env(env):
                @env.macro
                def feature_table(x):
                    return "TABLE " + x

                env.macro(len, "count_of")
                env.variables['release'] = "2.0"

            """,
            "docs/index.md": "# Home\n\nFine {{ 1 + 1 }}. Release {{ release }}.\n",
            "docs/other.md": "# Other\n\nText {{ feature_table('a') }} and {{ count_of([1]) }}.\n",
            "docs/filtered.md": "# Filtered\n\n{{ 'x' | feature_table }} {{ config | pretty }}\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        let source = "`define_env` in main.py (macros plugin `module_name`)"
        #expect(
            report.lines.filter { !$0.contains("[OrphanPage]") } == [
                "docs/filtered.md:3:10: warning: \(source) defines filters Trellis cannot run: 'feature_table' is one [PythonMacro]",
                "docs/filtered.md:3:39: warning: the macros plugin itself defines filters Trellis cannot run: 'pretty' is one [PythonMacro]",
                "docs/index.md:3:30: warning: \(source) sets variables Trellis cannot compute: 'release' is one [PythonMacro]",
                "docs/other.md:3:9: warning: \(source) defines functions Trellis cannot run: 'feature_table' is one; the call prints nothing [PythonMacro]",
                "docs/other.md:3:38: warning: \(source) defines functions Trellis cannot run: 'count_of' is one; the call prints nothing [PythonMacro]",
            ])
        // `on_undefined: keep` (the default) leaves the variable as Jinja's DebugUndefined prints it.
        #expect(s.output("index.html")?.contains("<p>Fine 2. Release {{ release }}.</p>") == true)
        // MkDocs runs the function and renders the page: Trellis keeps the page, the calls empty.
        let other = try #require(s.output("other/index.html"))
        #expect(other.contains("<p>Text  and .</p>") && !other.contains("Macro Rendering Error"))

        // With the plugin's `on_error_fail`, the build fails as MkDocs stops.
        try s.write("mkdocs.yml", "site_name: P\nplugins:\n  - macros:\n      on_error_fail: true\n")
        #expect(s.build().outcome == .failed)
    }

    /// A pluglet of `modules:` cannot be read: an unknown call names it; so do the plugin's own
    /// Python macros (`now()`).
    @Test func pluggletsAndThePluginsOwnFunctionsAreNamed() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: P\nplugins:\n  - macros:\n      modules: [mkdocs_macros_test]\n",
            "docs/index.md": "# Home\n\n{{ unknown_thing() }} {{ now() }}\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines.filter { !$0.contains("[OrphanPage]") } == [
                "docs/index.md:3:4: warning: 'unknown_thing' is not defined; the pluglet 'mkdocs_macros_test' (macros plugin `modules`) may define it, but Trellis cannot run Python [PythonMacro]",
                "docs/index.md:3:26: warning: 'now' is a function of the macros plugin itself, which Trellis cannot run; the call prints nothing [PythonMacro]",
            ])
    }
}
