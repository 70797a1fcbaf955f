import Testing

@testable import TrellisBuild

@Suite struct URLPathsTests {
    @Test(arguments: [
        ("a/b/", "c/", "../../c/"),
        ("", "a/", "a/"),
        ("a/", "a/", "./"),
        ("a/b/", "a/img/x.png", "../img/x.png"),
        ("", "img/x.png", "img/x.png"),
        ("a/", "", "../"),
        ("a/b/", "a/b/diagram.svg", "diagram.svg"),
    ])
    func relativeURLBetweenPages(from: String, to: String, expected: String) {
        #expect(URLPaths.relative(from: from, to: to) == expected)
    }

    @Test func resolvesAgainstTheSourceFolder() {
        #expect(URLPaths.resolve("../c.md", inFolder: "a/") == "c.md")
        #expect(URLPaths.resolve("./x/y.md", inFolder: "a/") == "a/x/y.md")
        #expect(URLPaths.resolve("../../c.md", inFolder: "a/") == nil)
    }

    @Test func pageURLsAreDirectoryURLs() {
        #expect(SourcePage.url(forPath: "a/b.md", isIndex: false) == "a/b/")
        #expect(SourcePage.url(forPath: "a/index.md", isIndex: true) == "a/")
        #expect(SourcePage.url(forPath: "index.md", isIndex: true) == "")
        #expect(SourcePage.url(forPath: "a/README.md", isIndex: true) == "a/")
    }

    @Test func classifiesLinkTargets() {
        #expect(LinkDestination("https://x.example/a.md").kind == .external)
        #expect(LinkDestination("mailto:a@b.example").kind == .external)
        #expect(LinkDestination("#top").kind == .sameDocument)
        #expect(LinkDestination("#top").fragment == "top")
        #expect(LinkDestination("/abs/").kind == .absolute)
        let t = LinkDestination("../a%20b.md?x=1#frag")
        #expect(t.kind == .relative(path: "../a b.md"))
        #expect(t.query == "?x=1")
        #expect(t.fragment == "frag")
    }
}
