import Mustache
import Testing
@testable import TrellisTemplates

/// Templates see exactly the stored fields of the contexts: the fast lookup must not miss one.
@Suite struct PageContextTests {
    func unanswered(_ value: some MustacheParent) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label).filter { value.child(named: $0) == nil }
    }

    @Test func everyFieldCanBeReachedByName() throws {
        let context = PageContext(SamplePage.page())
        #expect(unanswered(context).isEmpty)
        #expect(unanswered(try #require(context.sidebar.first)).isEmpty)
        #expect(unanswered(try #require(context.toc.first)).isEmpty)
        #expect(unanswered(try #require(context.next.first)).isEmpty)
        #expect(unanswered(try #require(context.extraCSS.first)).isEmpty)
        #expect(context.child(named: "noSuchField") == nil)
        #expect(unanswered(PageContext.Prerendered(html: "<li></li>")).isEmpty)
        #expect(unanswered(context.look).isEmpty)
        #expect(unanswered(try #require(context.look.paletteOptions.first)).isEmpty)
        #expect(unanswered(MaterialLook.Tab(title: "T", href: "t/", isActive: true)).isEmpty)
        #expect(unanswered(MaterialLook.InlineStyle(css: "a{}")).isEmpty)
        #expect(unanswered(MaterialLook.Social(href: "https://x.example", title: "x", icon: "")).isEmpty)
    }
}
