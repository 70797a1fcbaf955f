import Testing

@testable import TrellisMarkdown

/// The heading-id rewriter records each heading whose id had to be numbered because an earlier
/// heading has the same slug, so checks read the collision instead of slugging again.
struct HeadingIDCollisionTests {
    static let attributes = MarkdownPipeline.standard(extensions: [.attrList])

    @Test func aRepeatedHeadingIsRecordedWithTheEarlierHeadingsId() {
        let page = MarkdownPage.process(text: "# Title\n\n## Step 1\n\n## Other\n\n## Step 1\n\n### Step  1\n")
        #expect(page.headingIDs == ["title", "step-1", "other", "step-1_1", "step-1_2"])
        #expect(
            page.headingIDCollisions == [
                HeadingIDCollision(position: TextPosition(line: 7, byteColumn: 1), text: "Step 1", id: "step-1_1", earlierID: "step-1"),
                HeadingIDCollision(position: TextPosition(line: 9, byteColumn: 1), text: "Step  1", id: "step-1_2", earlierID: "step-1"),
            ])
    }

    @Test func distinctHeadingsRecordNothing() {
        #expect(MarkdownPage.process(text: "## A\n\n## B\n\n## A 1\n").headingIDCollisions == [])
    }

    /// An id taken by something other than a heading (an attribute list on a paragraph) numbers
    /// the heading, but no heading collided.
    @Test func anIdTakenByAnotherElementIsNoHeadingCollision() {
        let page = MarkdownPage.process(text: "Para\n{: #setup }\n\n## Setup\n", pipeline: Self.attributes)
        #expect(page.headingIDs == ["setup_1"])
        #expect(page.headingIDCollisions == [])
    }

    /// A heading with its own id takes no slug of its text: a later heading of the same text
    /// gets the plain slug and collides with nothing.
    @Test func aHeadingWithItsOwnIdLeavesItsSlugFree() {
        let page = MarkdownPage.process(text: "## Foo {#bar}\n\n## Foo\n\n## X\n\n## X\n", pipeline: Self.attributes)
        #expect(page.headingIDs == ["bar", "foo", "x", "x_1"])
        #expect(page.headingIDCollisions == [HeadingIDCollision(position: TextPosition(line: 7, byteColumn: 1), text: "X", id: "x_1", earlierID: "x")])
    }
}
