import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Material's `blog` plugin on an MkDocs site: posts at their post URLs, the blog index with
/// excerpts and pages of posts, archive and category views, links to posts (checked against
/// what mkdocs-material 9.8.2 writes for the same sites).
@Suite struct BlogSiteTests {
    static let posts: [String: String] = [
        "docs/blog/index.md": "# Blog\n",
        "docs/blog/posts/launch.md": """
            ---
            date: 2024-03-05
            categories:
              - News
              - Product & Releases
            ---

            # We launched!

            The product is live, see the [setup guide](../../guide/setup.md) and [details](#details).

            <!-- more -->

            ## Details

            Only on the post's own page.
            """,
        "docs/blog/posts/second.md": """
            ---
            date:
              created: 2024-04-10 10:30:00
            categories: [News]
            ---

            A post without a heading takes its title from its file name.
            """,
        "docs/blog/posts/old.md": "---\ndate: 2022-01-15\n---\n\n# Old times\n\nOnce.\n",
        "docs/blog/posts/draft.md": "---\ndate: 2024-05-01\ndraft: true\n---\n\n# Not yet\n",
        "docs/guide/setup.md": "# Setup\n\nRead [the launch](../blog/posts/launch.md#details).\n",
        "docs/index.md": "# Home\n",
    ]

    func site(_ plugin: String = "  - blog", files: [String: String] = posts) throws -> TestSite {
        var all = files
        all["mkdocs.yml"] = "site_name: News\ntheme:\n  name: material\nplugins:\n\(plugin)\nmarkdown_extensions:\n  - toc:\n      permalink: true\n"
        return try TestSite(all)
    }

    @Test func postsArchivesAndCategoriesAreWrittenAtMaterialsPaths() throws {
        let s = try site()
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [])
        #expect(s.outputFiles().filter { $0.hasSuffix(".html") } == [
            "404.html", "blog/2022/01/15/old-times/index.html", "blog/2024/03/05/we-launched/index.html",
            "blog/2024/04/10/second/index.html", "blog/archive/2022/index.html", "blog/archive/2024/index.html",
            "blog/category/news/index.html", "blog/category/product--releases/index.html", "blog/index.html",
            "guide/setup/index.html", "index.html",
        ])
    }

    @Test func theIndexShowsExcerptsWithDateCategoriesReadTimeAndContinueLinks() throws {
        let s = try site()
        defer { s.cleanUp() }
        _ = s.build()
        let index = try #require(s.output("blog/index.html"))
        #expect(index.contains(#"<time datetime="2024-03-05 00:00:00+00:00">March 5, 2024</time>"#))
        #expect(
            index.contains(
                #"<h2 id="we-launched"><a class="toclink" href="2024/03/05/we-launched/">We launched!</a></h2>"#))
        #expect(index.contains(#"<a href="../guide/setup/">setup guide</a>"#))
        #expect(index.contains(#"<a href="2024/03/05/we-launched/#details">details</a>"#))
        #expect(index.contains(#"<a href="category/product--releases/" class="md-meta__link">Product &amp; Releases</a>"#))
        #expect(index.contains("1 min read"))
        #expect(index.contains("<a href=\"2024/03/05/we-launched/\">\n        Continue reading"))
        #expect(!index.contains("Only on the post's own page"))
        // A post without a heading gets its title above its excerpt, and no "Continue reading".
        #expect(index.contains(#"<h2 id="second"><a class="toclink" href="2024/04/10/second/">Second</a></h2>"#))
        #expect(index.components(separatedBy: "Continue reading").count == 2)
        // Newest first; the draft is left out.
        let order = ["second", "we-launched", "old-times"].map { index.range(of: "id=\"\($0)\"")?.lowerBound }
        #expect(order.compactMap { $0 }.count == 3 && order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(!index.contains("Not yet"))
        #expect(s.output("blog/2024/05/01/not-yet/index.html") == nil)
    }

    @Test func linksToPostsLeadToTheirPostURLs() throws {
        let s = try site()
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("guide/setup/index.html")?.contains(#"<a href="../../blog/2024/03/05/we-launched/#details">"#) == true)
    }

    @Test func pagesOfPostsFollowTheViewWithAPager() throws {
        let s = try site("  - blog:\n      pagination_per_page: 1")
        defer { s.cleanUp() }
        _ = s.build()
        let first = try #require(s.output("blog/index.html"))
        #expect(
            first.contains(
                #"<span class="md-pagination__current">1</span> <a class="md-pagination__link" href="page/2/">2</a> <a class="md-pagination__link" href="page/3/">3</a>"#
            ))
        let third = try #require(s.output("blog/page/3/index.html"))
        #expect(third.contains(#"<h1 id="blog">Blog"#))
        #expect(third.contains(#"<a class="toclink" href="../../2022/01/15/old-times/">Old times</a>"#))
        #expect(third.contains(#"<a class="md-pagination__link" href="../../">1</a> <a class="md-pagination__link" href="../2/">2</a> <span class="md-pagination__current">3</span>"#))
        // A category's pages sit beside its file.
        #expect(s.output("blog/category/news/page/2/index.html")?.contains("id=\"we-launched\"") == true)
    }

    @Test func aMissingIndexIsMadeAsBlogAndThePagerCanShowMaterialsArrows() throws {
        var files = Self.posts
        files["docs/blog/index.md"] = nil
        let s = try site("  - blog:\n      pagination_per_page: 1\n      pagination_format: \"$link_previous ~1~ $link_next\"", files: files)
        defer { s.cleanUp() }
        _ = s.build()
        let index = try #require(s.output("blog/index.html"))
        #expect(index.contains(#"<h1 id="blog">Blog"#))
        #expect(s.output("blog/page/2/index.html")?.contains(#"<h1 id="blog">Blog"#) == true)
        // The next link shows Material's chevron, as its pagination partial passes it.
        #expect(index.contains(#" <a class="md-pagination__link" href="page/2/"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M8.59 16.58"#))
    }

    @Test func aBlogInTheDocsFolderUsesTheConfiguredURLFormats() throws {
        var files: [String: String] = ["docs/index.md": "Welcome.\n\n## News\n"]
        files["docs/posts/2024-07-02_alps.md"] = "---\ndate:\n  created: 2024-07-02\ncategories: [Alps]\n---\n\n# Switching to Alps\n\nText.\n"
        files["docs/hpc/index.md"] = "# HPC\n\nSee [the news](../posts/2024-07-02_alps.md).\n"
        let plugin = """
              - blog:
                  blog_dir: .
                  blog_toc: true
                  archive_url_format: "{date}"
                  categories_url_format: "category_{slug}"
                  post_url_format: "{date}-{slug}"
                  post_url_date_format: yyyy-MM-dd
            """
        let s = try site(plugin, files: files)
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.outputFiles().filter { $0.hasSuffix(".html") } == [
            "2024-07-02-switching-to-alps/index.html", "2024/index.html", "404.html", "category_alps/index.html",
            "hpc/index.html", "index.html",
        ])
        #expect(s.output("hpc/index.html")?.contains(#"<a href="../2024-07-02-switching-to-alps/">the news</a>"#) == true)
        let index = try #require(s.output("index.html"))
        #expect(index.contains(#"<header class="md-typeset">"#) && index.contains(#"<h2 id="news">News"#))
        // The index page has no heading of its own: a blog view shows none.
        #expect(!index.contains("<h1"))
        // blog_toc: each excerpt's title joins the table of contents under the page's first entry.
        #expect(index.contains(##"<a class="trellis-toc__link" href="#news">News</a><ul class="trellis-toc__list">"##))
        #expect(index.contains(##"<a class="trellis-toc__link" href="#switching-to-alps">Switching to Alps</a>"##))
        #expect(s.output("2024/index.html")?.contains(#"<h1 id="2024">2024"#) == true)
        #expect(s.output("category_alps/index.html")?.contains(#"href="../2024-07-02-switching-to-alps/""#) == true)
    }

    @Test func filesOfThePostsFolderMoveUpToTheBlogFolder() throws {
        var files = Self.posts
        files["docs/blog/posts/img/shot.png"] = "PNG"
        files["docs/blog/posts/old.md"] = "---\ndate: 2022-01-15\n---\n\n# Old times\n\n![Shot](img/shot.png)\n"
        let s = try site(files: files)
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("blog/img/shot.png") == "PNG")
        #expect(s.output("blog/posts/img/shot.png") == nil)
        #expect(s.output("blog/2022/01/15/old-times/index.html")?.contains(#"<img src="../../../../img/shot.png""#) == true)
        #expect(s.output("blog/index.html")?.contains(#"<img src="img/shot.png""#) == true)
    }

    @Test func theNavigationListsArchiveAndCategoriesInsteadOfPosts() throws {
        let s = try site()
        defer { s.cleanUp() }
        _ = s.build()
        // The sections follow the blog index inside the blog folder's section.
        let page = try #require(s.output("blog/index.html"))
        let sidebar = try #require(page.components(separatedBy: "id=\"trellis-sidebar\"").last?.components(separatedBy: "</nav>").first)
        #expect(sidebar.contains(">Archive<") && sidebar.contains(">Categories<"))
        #expect(!sidebar.contains("We launched!"))
        #expect(s.output("guide/setup/index.html")?.contains(">Archive<") == false)
    }

    @Test func aNavTitleDoesNotRetitleTheBlogIndexAndATopLevelIndexGetsNoSections() throws {
        var files = Self.posts
        files["mkdocs.yml"] =
            "site_name: Site\ntheme:\n  name: material\nplugins:\n  - blog\nnav:\n  - index.md\n  - News: blog/index.md\n  - Guide: guide/setup.md\n"
        let s = try TestSite(files)
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let page = try #require(s.output("guide/setup/index.html"))
        #expect(page.contains(">Blog</a>") && !page.contains(">News</a>"))
        // Material takes a blog index without a parent section for one not in the navigation.
        #expect(!page.contains(">Archive<"))
        #expect(s.output("blog/index.html")?.contains("<title>Blog - Site</title>") == true)
    }

    @Test func aPostWithoutADateStopsTheBuildAsMaterialDoes() throws {
        var files = Self.posts
        files["docs/blog/posts/undated.md"] = "---\ncategories: [News]\n---\n\n# Sometime\n"
        let s = try site(files: files)
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .failed)
        #expect(report.lines == [
            "docs/blog/posts/undated.md:1:1: error: a blog post needs 'date' in its front matter (its creation date, such as 'date: 2024-01-31'); this post has none [BlogPost]"
        ])
    }

    @Test func optionsTrellisCannotHonourAreNamedInOneWarning() throws {
        let s = try site("  - blog:\n      authors_profiles: true\n      categories_sort_by: !!python/name:material.plugins.blog.view_post_count")
        defer { s.cleanUp() }
        #expect(s.build().lines == [
            "mkdocs.yml:5:5: warning: blog: Trellis does not support 'categories_sort_by', 'authors_profiles'; they are ignored [UnsupportedPlugin]"
        ])
    }

    @Test func formatsAndSlugsLeadingOutOfTheDocsFolderWriteNothingThere() throws {
        var files = Self.posts
        files["docs/blog/posts/escape.md"] = "---\ndate: 2020-01-01\nslug: ../../../../outside\n---\n\n# Escape\n"
        let plugin = "  - blog:\n      archive_url_format: \"../../../{date}\"\n      pagination_per_page: 0\n      post_url_format: \"{slug}\""
        let s = try site(plugin, files: files)
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .failed)
        #expect(report.lines.contains {
            $0.hasPrefix("docs/blog/posts/escape.md: error: the post's URL '../../../outside.md'") && $0.hasSuffix("[BlogPost]")
        })
        #expect(report.lines.contains { $0.contains("'../../2024.md' (from the plugin's URL formats) would be outside the docs folder") })
        #expect(!s.exists("outside.md") && !s.exists("outside") && !s.exists("../2024"))
    }

    @Test func futurePostsAreDraftsWithDraftIfFutureDateUnlessTheySayOtherwise() throws {
        var files = Self.posts
        files["docs/blog/posts/future.md"] = "---\ndate: 2030-01-01\n---\n\n# Future\n"
        files["docs/blog/posts/announced.md"] = "---\ndate: 2030-02-01\ndraft: false\n---\n\n# Announced\n"
        let s = try site("  - blog:\n      draft_if_future_date: true", files: files)
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.today = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(SiteBuilder.build(options).lines == [])
        #expect(s.output("blog/2030/01/01/future/index.html") == nil)
        #expect(s.output("blog/2030/02/01/announced/index.html") != nil)
    }
}
