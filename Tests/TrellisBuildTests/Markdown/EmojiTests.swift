import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Emoji shortcodes as pymdownx.emoji writes them for each index and generator. The goldens in
/// `Fixtures/emoji/<configuration>/` were written by Python-Markdown 3.11.3 with
/// pymdown-extensions 13.1.2 and mkdocs-material 9.8.2 (`scripts/emoji-goldens.py`), from the
/// folder's `mkdocs.yml` read as MkDocs reads it; Trellis renders the same text from the same
/// config and must write the same bytes. They are never rewritten by the tests.
@Suite struct EmojiFixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/emoji")

    /// `configuration/case` for every case of every configuration folder.
    static let cases: [String] = {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return folders.sorted().flatMap { folder -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            return files.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0.dropLast(3))" }
        }
    }()

    @Test func everyIndexAndGeneratorHasACase() {
        let folders = Set(Self.cases.map { $0.split(separator: "/")[0] })
        #expect(folders.count >= 9)
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func rendersAsPymdownxEmojiDoes(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        let folder = Self.root.appendingPathComponent(parts[0])
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(parts[1] + ".md")), as: UTF8.self)
        let golden = String(decoding: try Data(contentsOf: folder.appendingPathComponent(parts[1] + ".html")), as: UTF8.self)
        var options = BuildOptions(root: folder)
        options.configName = "mkdocs.yml"
        let result = SiteBuilder.render(PageSource(text: text), displayPath: parts[1] + ".md", options: options)
        #expect(result.html == golden, "\(path)")
        #expect(!result.diagnostics.contains { $0.id == .unsupportedPlugin }, "\(path): \(result.diagnostics.map(\.formatted))")
    }
}

/// Which shortcodes a site turns into emoji, and what it says when it cannot.
@Suite struct EmojiSiteTests {
    static let material = """
        site_name: D
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
              emoji_generator: !!python/name:material.extensions.emoji.to_svg

        """
    static let page = "# Home\n\nDone :white_check_mark: with :material-check: and :not_an_emoji: at 10:30:00.\n"
    static let check =
        #"<img alt="✅" class="twemoji" src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/2705.svg" title=":white_check_mark:" />"#

    @Test func anMkDocsSiteWithMaterialsIndexWritesEmojiAndIcons() throws {
        let s = try TestSite(["mkdocs.yml": Self.material, "docs/index.md": Self.page])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>Done \(Self.check) with <span class=\"twemoji\"><svg"))
        #expect(html.contains("and :not_an_emoji: at 10:30:00.</p>"))
    }

    @Test func withoutTheExtensionEmojiStayTextAndIconsRenderAsBefore() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: D\n", "docs/index.md": Self.page])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<p>Done :white_check_mark: with <span class="twemoji"><svg"#))
    }

    @Test func aTrellisSiteListingTheExtensionGetsMaterialsSetup() throws {
        let s = try TestSite(["trellis.yml": "site_name: D\nmarkdown_extensions: [pymdownx.emoji]\n", "content/index.md": Self.page])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("default/index.html")?.contains("<p>Done \(Self.check) with <span class=\"twemoji\"><svg") == true)
    }

    @Test func pymdownxsOwnIndexHasNoIconsSoTheyStayTextWithoutAWarning() throws {
        let config = """
            site_name: D
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:pymdownx.emoji.twemoji
                  emoji_generator: !!python/name:pymdownx.emoji.to_svg

            """
        let s = try TestSite(["mkdocs.yml": config, "docs/index.md": "Done :white_check_mark: and :material-no-such-icon:.\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>Done \(Self.check) and :material-no-such-icon:.</p>"))
    }

    @Test func anUnknownIconIsStillReportedWithMaterialsIndex() throws {
        let s = try TestSite(["mkdocs.yml": Self.material, "docs/index.md": "Done :material-chek:.\n"])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "docs/index.md:1:6: warning: unknown icon 'material-chek'; did you mean 'material-check'? [UnknownIcon]"
            ])
    }

    @Test func aCombinationThatIsNotDataGivesOneWarningAndEmojiStayText() throws {
        let config = """
            site_name: D
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:my_theme.emoji.index
                  emoji_generator: !!python/name:my_theme.emoji.to_html

            """
        let s = try TestSite(["mkdocs.yml": config, "docs/index.md": Self.page])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml: warning: pymdownx.emoji: emoji_index 'my_theme.emoji.index' and emoji_generator "
                    + "'my_theme.emoji.to_html' cannot be reproduced; emoji shortcodes stay text and icons render as "
                    + "Material's [UnsupportedPlugin]"
            ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<p>Done :white_check_mark: with <span class="twemoji"><svg"#))
    }

    @Test func optionsThatCannotBeWrittenAreNamedAndLeftOut() throws {
        let config = """
            site_name: D
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
                  emoji_generator: !!python/name:material.extensions.emoji.to_svg
                  strict: true
                  options:
                    classes: [a, b]
                    custom_icons: [overrides/.icons]
                    attributes:
                      width: 20

            """
        let s = try TestSite(["mkdocs.yml": config, "docs/index.md": "Done :white_check_mark:.\n"])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml: warning: pymdownx.emoji: options: 'classes' must be a string, found a list; it is ignored [UnsupportedPlugin]",
                "mkdocs.yml: warning: pymdownx.emoji: options: attribute 'width' must be a string, found an integer; it is "
                    + "ignored [UnsupportedPlugin]",
                "mkdocs.yml: warning: pymdownx.emoji: options: custom_icons are not read; the icons in those folders are "
                    + "unknown icons [UnsupportedPlugin]",
                "mkdocs.yml: warning: pymdownx.emoji: strict is not reproduced: an unknown shortcode stays text instead "
                    + "of stopping the build [UnsupportedPlugin]",
            ])
        #expect(s.output("index.html")?.contains("<p>Done \(Self.check).</p>") == true)
    }

    @Test func anEmojiInAHeadingIsLeftOutOfItsId() throws {
        let s = try TestSite(["mkdocs.yml": Self.material, "docs/index.md": "# Home\n\n## :rocket: Launch :tada:\n\n[Go](#launch)\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains(#"<h2 id="launch"><img alt="🚀""#) == true)
    }
}
