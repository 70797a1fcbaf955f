import Testing

@testable import TrellisBuild

/// The pieces of Material's blog that Trellis computes as Python does (values checked against
/// Babel, PyYAML, MkDocs' `get_relative_url` and Material's `readtime`).
@Suite struct BlogPartsTests {
    @Test func datesAreReadAsPyYAMLReadsTimestamps() throws {
        let date = try #require(BlogDate(yaml: "2023-12-31T23:30:00+02:00"))
        #expect(date.pythonDescription == "2023-12-31 23:30:00+02:00")
        #expect(BlogDate(yaml: "2024-07-02")?.pythonDescription == "2024-07-02 00:00:00+00:00")
        #expect(BlogDate(yaml: "2024-07-02 10:30:00.5")?.pythonDescription == "2024-07-02 10:30:00.500000+00:00")
        #expect(BlogDate(yaml: "2024-13-01") == nil)
        #expect(BlogDate(yaml: "2023-02-29") == nil)
        #expect(BlogDate(yaml: "July 4") == nil)
        #expect(BlogDate(yaml: "0000-01-01") == nil)
    }

    @Test func datesAreFormattedAsBabelFormatsThemInEnglish() throws {
        let date = BlogDate(year: 2026, month: 7, day: 23)
        #expect(BlogDateFormat.format(date, "full") == "Thursday, July 23, 2026")
        #expect(BlogDateFormat.format(date, "long") == "July 23, 2026")
        #expect(BlogDateFormat.format(date, "medium") == "Jul 23, 2026")
        #expect(BlogDateFormat.format(date, "short") == "7/23/26")
        #expect(BlogDateFormat.format(date, "EEE, d MMM yyyy 'at' HH:mm") == "Thu, 23 Jul 2026 at 00:00")
        // A pattern is applied in UTC, a predefined format to the date as written.
        let late = try #require(BlogDate(yaml: "2024-01-01T01:00:00+02:00"))
        #expect(BlogDateFormat.format(late, "yyyy/MM/dd") == "2023/12/31")
        #expect(BlogDateFormat.format(late, "long") == "January 1, 2024")
    }

    @Test func relativeURLsAreMkDocsGetRelativeURL() {
        #expect(BlogPaths.relativeURL("", from: "page/2/") == "../..")
        #expect(BlogPaths.relativeURL("blog/", from: "blog/page/3/") == "../../")
        #expect(BlogPaths.relativeURL("a/b/", from: "a/b/") == "./")
        #expect(BlogPaths.relativeURL("x/", from: "") == "x/")
    }

    @Test func readingTimeCountsWordsAndImagesAsMaterialDoes() {
        let html = ##"<h1 id="x">Hello world<a class="headerlink" href="#x">&para;</a></h1><p>One two, three&amp;four.</p>"##
            + #"<script>var a = b c d e;</script><img src="a.png"><img src="b.png">"#
        #expect(BlogReadTime.count(html).pieces == 7)
        #expect(BlogReadTime.minutes(html: html, wordsPerMinute: 265) == 1)
        #expect(BlogReadTime.minutes(html: "<p>" + String(repeating: "word ", count: 600) + "</p>", wordsPerMinute: 265) == 3)
    }

    @Test func urlFormatsFillTheirFieldsAndPagesSitBesideTheirView() {
        #expect(Blog.fill("{date}/{slug}", ["date": "2024/01/02", "slug": "hi"]) == "2024/01/02/hi")
        #expect(Blog.fill("{{literal}}-{unknown}", [:]) == "{literal}-{unknown}")
        var options = BlogOptions()
        options.blogDir = "."
        #expect(Blog.paginationPath("index.md", number: 2, options: options) == "page/2/index.md")
        #expect(Blog.paginationPath("category_git.md", number: 3, options: options) == "category_git/page/3.md")
        #expect(Blog.paginationPath("blog/index.md", number: 2, options: options) == "blog/page/2/index.md")
    }
}
