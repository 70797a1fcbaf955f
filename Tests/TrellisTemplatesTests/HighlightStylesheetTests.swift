import Foundation
import Testing
import TrellisCore
@testable import TrellisTemplates

/// The highlight colours: `assets/highlight.css` ships with the theme, every page links it after
/// the theme's stylesheet, and it gives Pygments' token classes Material's colours in both
/// schemes, through Material's variables.
struct HighlightStylesheetTests {
    let css: String

    init() throws {
        let assets = try ThemeRenderer.assets()
        css = String(decoding: try #require(assets["assets/highlight.css"]), as: UTF8.self)
    }

    @Test func everyPageLinksItAfterTheThemeStylesheet() throws {
        let html = try ThemeRenderer().render(page: SamplePage.page())
        let theme = try #require(html.range(of: #"<link rel="stylesheet" href="../../assets/trellis.css">"#))
        let highlight = try #require(html.range(of: #"<link rel="stylesheet" href="../../assets/highlight.css">"#))
        #expect(theme.upperBound <= highlight.lowerBound)
    }

    /// Material 9.8.2's grouping of token classes, by the variable that colours them.
    static let materialGroups: [String: [String]] = [
        "operator": ["o", "ow"], "punctuation": ["p"], "string": ["cpf", "l", "s", "s1", "s2", "sb", "sc", "si", "ss"],
        "special": ["cp", "se", "sh", "sr", "sx"], "number": ["il", "m", "mb", "mf", "mh", "mi", "mo"],
        "keyword": ["k", "kd", "kn", "kp", "kr", "kt", "nd", "ni", "nl", "nt"], "name": ["kc", "n"],
        "constant": ["bp", "nb", "no"], "function": ["nc", "ne", "nf", "nn"],
        "comment": ["c", "c1", "ch", "cm", "cs", "sd"], "variable": ["na", "nv", "vc", "vg", "vi"],
        "generic": ["ge", "gh", "go", "gp", "gr", "gs", "gt", "gu"],
    ]

    @Test func colorsEachTokenClassWithMaterialsVariable() throws {
        let withoutComments = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        let rules = withoutComments.split(separator: "}").map { String($0) }
        for (group, classes) in Self.materialGroups {
            for cls in classes {
                let rule = rules.first { rule in
                    let selectors = rule.split(separator: "{").first ?? ""
                    return selectors.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespacesAndNewlines) == ".highlight .\(cls)" }
                }
                #expect(rule?.contains("color: var(--md-code-hl-\(group)-color)") == true, ".\(cls) → \(group)")
            }
        }
    }

    @Test func definesEveryColourInLightAndDarkMode() throws {
        let light = try #require(section(of: css, from: ":root {", to: "}"))
        // Dark mode is Material's slate scheme, which the palette switch sets on <body>.
        let dark = try #require(section(of: css, from: #"[data-md-color-scheme="slate"] {"#, to: "}"))
        for name in Self.materialGroups.keys.map({ "--md-code-hl-\($0)-color:" }) + ["--md-code-hl-color:", "--md-code-hl-color--light:"] {
            #expect(light.contains(name), "\(name) light")
            #expect(dark.contains(name), "\(name) dark")
        }
        #expect(light.contains("--md-code-hl-keyword-color: #3f6ec6;"))
        #expect(dark.contains("--md-code-hl-keyword-color: #6791e0;"))
        // A light page on a system in dark mode keeps light token colours: no rule keyed on the
        // system preference alone.
        #expect(!css.contains("prefers-color-scheme"))
    }

    @Test func stylesHighlightedLinesTitlesAndLineNumbers() {
        #expect(css.contains(".highlight .hll {"))
        #expect(css.contains(".highlight span.filename {"))
        #expect(css.contains(".highlight [data-linenos]::before {"))
        #expect(css.contains(".highlighttable .linenos"))
    }
}
