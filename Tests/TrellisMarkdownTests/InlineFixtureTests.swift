import Testing

@testable import TrellisMarkdown

/// The inline extensions' golden pages: `Fixtures/inline-*/CASE.md` with `CASE.html` written by
/// the real extensions (Python-Markdown 3.11.3, pymdown-extensions 13.1.2) through
/// `scripts/inline-goldens.py`, whose `FEATURES` table names the same extensions and options as
/// `pipelines` here. Trellis must give the same bytes.
struct InlineFixtureTests {
    /// What every fixture folder has on besides its own extensions (MkDocs' defaults and `attr_list`).
    static let always: Set<MarkdownExtension> = [.tables, .attrList]

    static let pipelines: [String: MarkdownPipeline] = {
        var options = InlineExtensionSettings()
        options.caret = .caret(superscript: false)
        options.tilde = .tilde(delete: false)
        var keys = InlineExtensionSettings()
        keys.keys.camelCase = true
        keys.keys.strict = true
        keys.keys.separator = " then "
        keys.keys.className = "keys shortcut"
        keys.keys.keyMap = ["hyper": "Hyper", "control": "Strg"]
        var shorthand = InlineExtensionSettings()
        shorthand.magicLink.repoURLShorthand = true
        shorthand.magicLink.socialURLShorthand = true
        shorthand.magicLink.user = "squidfunk"
        shorthand.magicLink.repo = "mkdocs-material"
        var shortener = InlineExtensionSettings()
        shortener.magicLink.repoURLShortener = true
        shortener.magicLink.socialURLShortener = true
        shortener.magicLink.hideProtocol = true
        shortener.magicLink.user = "squidfunk"
        shortener.magicLink.repo = "mkdocs-material"
        shortener.magicLink.labels = ["pull": "PR"]
        var symbols = InlineExtensionSettings()
        symbols.smartSymbols.fractions = false
        symbols.smartSymbols.arrows = false
        var glossary = InlineExtensionSettings()
        glossary.glossary = [("SLA", "Service Level Agreement"), ("SLO", "Service Level Objective")]
        var betterem = InlineExtensionSettings()
        betterem.smartAsterisk = true
        return [
            "inline-delimiters": .standard(extensions: always.union([.mark, .caret, .tilde])),
            "inline-delimiter-options": .standard(extensions: always.union([.mark, .caret, .tilde]), inline: options),
            "inline-keys": .standard(extensions: always.union([.keys])),
            "inline-keys-options": .standard(extensions: always.union([.keys]), inline: keys),
            "inline-magiclink": .standard(extensions: always.union([.magicLink, .tilde])),
            "inline-magiclink-shorthand": .standard(extensions: always.union([.magicLink]), inline: shorthand),
            "inline-magiclink-shortener": .standard(extensions: always.union([.magicLink]), inline: shortener),
            "inline-smartsymbols": .standard(extensions: always.union([.smartSymbols])),
            "inline-smartsymbols-options": .standard(extensions: always.union([.smartSymbols]), inline: symbols),
            "inline-abbr": .standard(extensions: always.union([.abbreviations])),
            "inline-abbr-glossary": .standard(extensions: always.union([.abbreviations]), inline: glossary),
            "inline-betterem": .standard(extensions: always.union([.betterEmphasis]), inline: betterem),
        ]
    }()

    static let cases = pipelines.keys.sorted().flatMap { feature in Fixtures.cases(feature).map { "\(feature)/\($0)" } }

    @Test func everyFeatureHasFixtures() {
        for feature in Self.pipelines.keys {
            #expect(!Fixtures.cases(feature).isEmpty, "\(feature)")
        }
    }

    @Test(arguments: cases)
    func rendersAsTheExtensionsDo(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        let text = try Fixtures.input(parts[0], parts[1])
        let pipeline = try #require(Self.pipelines[parts[0]])
        try Fixtures.expectPythonGolden(MarkdownPage.process(text: text, pipeline: pipeline).html, parts[0], parts[1])
    }
}
