import Testing
@testable import TrellisTemplates

@Suite struct TocEntryTests {
    @Test func nestsH3UnderThePrecedingH2AndDropsH1AndDeeper() {
        let flat = [
            TocEntry(level: 1, id: "t", title: "Title"), TocEntry(level: 3, id: "early", title: "Early"),
            TocEntry(level: 2, id: "a", title: "A"), TocEntry(level: 3, id: "a1", title: "A1"),
            TocEntry(level: 4, id: "a1x", title: "A1x"), TocEntry(level: 3, id: "a2", title: "A2"),
            TocEntry(level: 2, id: "b", title: "B"),
        ]
        let toc = TocEntry.nest(flat)
        #expect(toc.map(\.id) == ["early", "a", "b"])
        #expect(toc[0].children.isEmpty)
        #expect(toc[1].children.map(\.id) == ["a1", "a2"])
        #expect(toc[2].children.isEmpty)
    }

    @Test func computesTheRootFromTheOutputPath() {
        #expect(PageView.root(forOutputPath: "index.html") == "")
        #expect(PageView.root(forOutputPath: "guide/index.html") == "../")
        #expect(PageView.root(forOutputPath: "guide/install/index.html") == "../../")
    }
}
