import Testing
import TrellisCore

@testable import TrellisBuild

@Suite struct AwesomePagesTests {
    /// Pages titled after their file name in capitals; `.pages` files given inline.
    func nav(
        _ paths: [String], _ files: [String: String] = [:], options: AwesomePages.Options = AwesomePages.Options()
    ) -> (outline: String, diagnostics: [String]) {
        let pages = paths.map { path in
            let name = path.split(separator: "/").last!.split(separator: ".").first!
            return AwesomePages.Page(path: path, title: name.uppercased(), url: path.replacingOccurrences(of: ".md", with: "/"))
        }
        let (items, diagnostics) = AwesomePages.navigation(pages: pages, docsDir: "docs", options: options) { files[$0] }
        return (Self.outline(items), diagnostics.map(\.formatted))
    }

    static func outline(_ items: [NavItem]) -> String {
        items.map { item in
            if !item.children.isEmpty || item.pagePath == nil && item.url == nil {
                let own = item.pagePath.map { "=\($0)" } ?? ""
                return "\(item.title)\(own)[\(outline(item.children))]"
            }
            return item.isExternal ? "\(item.title)<\(item.url ?? "")>" : "\(item.title)(\(item.pagePath ?? ""))"
        }.joined(separator: " ")
    }

    static let tree = ["index.md", "zeta.md", "alpha.md", "getting-started/index.md", "getting-started/install.md", "API/ref.md"]

    @Test func withoutPagesFilesFollowsMkDocsDefaultOrder() {
        let (outline, diagnostics) = nav(Self.tree)
        #expect(diagnostics.isEmpty)
        #expect(
            outline
                == "INDEX(index.md) ALPHA(alpha.md) ZETA(zeta.md) API[REF(API/ref.md)] "
                + "Getting started[INDEX(getting-started/index.md) INSTALL(getting-started/install.md)]")
    }

    @Test func restInTheMiddleTakesWhatIsNotNamed() {
        let (outline, _) = nav(Self.tree, [".pages": "nav:\n  - zeta.md\n  - ...\n  - index.md\n"])
        #expect(
            outline
                == "ZETA(zeta.md) ALPHA(alpha.md) API[REF(API/ref.md)] "
                + "Getting started[INDEX(getting-started/index.md) INSTALL(getting-started/install.md)] INDEX(index.md)")
    }

    @Test func navWithoutRestLeavesTheOthersOut() {
        let (outline, _) = nav(Self.tree, [".pages": "nav:\n  - alpha.md\n  - getting-started\n"])
        #expect(outline == "ALPHA(alpha.md) Getting started[INDEX(getting-started/index.md) INSTALL(getting-started/install.md)]")
    }

    @Test func arrangeKeepsTheRestAtTheEnd() {
        let (outline, _) = nav(["a.md", "b.md", "c.md"], [".pages": "arrange:\n  - c.md\n"])
        #expect(outline == "C(c.md) A(a.md) B(b.md)")
    }

    @Test func patternedRestsTakeTheirMatchesFirst() {
        let files = [".pages": "nav:\n  - ...\n  - Reference:\n      api\n  - ... | glob=api-*\n"]
        let (outline, diagnostics) = nav(["api-b.md", "intro.md", "api-a.md", "api/x.md"], files)
        #expect(diagnostics.isEmpty)
        #expect(outline == "INTRO(intro.md) Reference[X(api/x.md)] API-A(api-a.md) API-B(api-b.md)")
    }

    @Test func titlesRetitlePagesAndSectionsAndAddLinks() {
        let files = [
            ".pages": "nav:\n  - Home: index.md\n  - Setup: getting-started\n  - GitHub: https://github.com/x\n  - ...\n",
            "API/.pages": "title: API Reference\n",
        ]
        let (outline, _) = nav(Self.tree, files)
        #expect(
            outline
                == "Home(index.md) Setup[INDEX(getting-started/index.md) INSTALL(getting-started/install.md)] "
                + "GitHub<https://github.com/x> ALPHA(alpha.md) ZETA(zeta.md) API Reference[REF(API/ref.md)]")
    }

    @Test func aFoldersOwnTitleWinsOverItsParentsNavTitle() {
        let files = [".pages": "nav:\n  - Parent: API\n", "API/.pages": "title: Own\n"]
        #expect(nav(Self.tree, files).outline == "Own[REF(API/ref.md)]")
    }

    @Test func hiddenFoldersAreLeftOut() {
        let (outline, _) = nav(Self.tree, ["getting-started/.pages": "hide: true\n"])
        #expect(outline == "INDEX(index.md) ALPHA(alpha.md) ZETA(zeta.md) API[REF(API/ref.md)]")
    }

    @Test func nestedFoldersEachApplyTheirOwnPagesFile() {
        let paths = ["guide/a.md", "guide/b.md", "guide/deep/x.md", "guide/deep/y.md"]
        let files = ["guide/.pages": "nav:\n  - deep\n  - ...\n", "guide/deep/.pages": "title: Deep Dive\nnav: [y.md, x.md]\n"]
        #expect(nav(paths, files).outline == "Guide[Deep Dive[Y(guide/deep/y.md) X(guide/deep/x.md)] A(guide/a.md) B(guide/b.md)]")
    }

    @Test func collapseSinglePagesReplacesOneItemSectionsWithTheirItem() {
        let paths = ["index.md", "one/only.md", "two/a.md", "two/b.md", "keep/solo.md"]
        let files = [".pages": "collapse_single_pages: true\n", "keep/.pages": "collapse: false\n"]
        #expect(
            nav(paths, files).outline
                == "INDEX(index.md) Keep[SOLO(keep/solo.md)] ONLY(one/only.md) Two[A(two/a.md) B(two/b.md)]")
        var options = AwesomePages.Options()
        options.collapseSinglePages = true
        #expect(nav(paths, options: options).outline == "INDEX(index.md) SOLO(keep/solo.md) ONLY(one/only.md) Two[A(two/a.md) B(two/b.md)]")
    }

    @Test func aMissingEntryIsAWarningAtItsPositionInThePagesFile() {
        let files = ["getting-started/.pages": "nav:\n  - index.md\n  - instal.md\n  - ...\n"]
        let (outline, diagnostics) = nav(Self.tree, files)
        #expect(outline.contains("Getting started[INDEX(getting-started/index.md) INSTALL(getting-started/install.md)]"))
        #expect(
            diagnostics == [
                "docs/getting-started/.pages:3:5: warning: 'getting-started/.pages' names 'instal.md', which does not exist; did you mean 'install.md'? [NavMissingPage]"
            ])
    }

    @Test func materialIndexesBecomeSectionLinks() {
        var options = AwesomePages.Options(plugin: ValueMap(), features: ["navigation.indexes"])
        options.collapseSinglePages = false
        let outline = nav(["getting-started/index.md", "getting-started/install.md"], options: options).outline
        #expect(outline == "Getting started=getting-started/index.md[INSTALL(getting-started/install.md)]")
    }

    @Test func malformedPagesFilesAreReportedAndIgnored() {
        let files = [".pages": "nav: zeta.md\nhide: sometimes\n"]
        let (outline, diagnostics) = nav(["a.md", "zeta.md"], files)
        #expect(outline == "A(a.md) ZETA(zeta.md)")
        #expect(
            diagnostics == [
                "docs/.pages:2:7: error: expected true or false for 'hide', found a string [ConfigType]",
                "docs/.pages:1:6: error: expected a list for 'nav', found a string [ConfigType]",
            ])
    }

    @Test func globMatchesShellPatterns() {
        #expect(Glob.matches("api-ref.md", "api-*"))
        #expect(Glob.matches("a1.md", "a[0-9].md"))
        #expect(!Glob.matches("ab.md", "a[!b].md"))
        #expect(Glob.matches("x.md", "?.md"))
        #expect(!Glob.matches("guide.md", "*.txt"))
        #expect(Glob.matches(String(repeating: "a", count: 5000), String(repeating: "*a", count: 50)))
    }
}
