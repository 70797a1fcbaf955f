import Testing

@testable import TrellisBuild

/// How text becomes search terms and how rendered HTML becomes sections.
@Suite struct SearchTokenizerTests {
    @Test func foldsCaseAndAccentsTrimsPunctuationStemsPluralsAndDropsStopWords() {
        let tokenizer = SearchTokenizer(SearchSettings())
        #expect(tokenizer.terms(in: "The Policies of (Kubernetes) clusters, café-owners’ classes!") ==
            ["policy", "kubernete", "cluster", "cafe", "owner", "classe"])
        #expect(tokenizer.terms(in: "status bus its") == ["status", "bus", "its"])
        #expect(tokenizer.terms(in: "v1.27.8 e.g. /etc/hosts") == ["v1.27.8", "e.g", "etc/hosts"])
    }

    @Test func otherLanguagesAreSplitAndFoldedOnly() {
        var settings = SearchSettings()
        settings.languages = ["de"]
        #expect(SearchTokenizer(settings).terms(in: "Die Clusters über") == ["die", "clusters", "uber"])
    }

    @Test func aCustomSeparatorMaySplitInsideWordsWithZeroWidthMatches() {
        var settings = SearchSettings()
        settings.separator = #"[\s\-]+|(?=[A-Z][a-z])"#
        #expect(SearchTokenizer(settings).terms(in: "getUserName x-y") == ["get", "user", "name", "x", "y"])
    }

    @Test func leavesOutOverlongTerms() {
        let tokenizer = SearchTokenizer(SearchSettings())
        #expect(tokenizer.terms(in: String(repeating: "a", count: 49) + " ok") == ["ok"])
    }

    @Test func cutsSectionsAtHeadingsWithIdsAndKeepsOnlyReadableText() {
        let html = """
            <p>Before &amp; after<!-- note --> &#x2014; x</p>
            <h2 id="a">Alpha <code>beta</code><a class="headerlink" href="#a">&para;</a></h2>
            <p>One<br>two</p><script>var hidden = 1;</script><svg><title>icon</title></svg>
            <div data-search-exclude><p>skip <div>nested</div> this</p></div><p>kept</p>
            <h3>No id</h3><pre><code>code</code></pre>
            <h3 id="b">Last</h3>
            """
        let sections = SearchSectionCollector().sections(of: html)
        #expect(sections == [
            SearchSection(id: nil, level: 0, heading: "", text: "Before & after — x"),
            SearchSection(id: "a", level: 2, heading: "Alpha beta", text: "One two kept No id"),
            SearchSection(id: "b", level: 3, heading: "Last", text: ""),
        ])
        #expect(SearchSectionCollector(includeCode: true).sections(of: "<pre><code>let x</code></pre>").first?.text == "let x")
    }

    @Test func survivesBrokenMarkup() {
        for html in ["<", "<h2 id=\"x\">open", "</>", "<a b='unclosed", "<!--", "&#xFFFFFFFF; &#0; &bogus; &", "<h1 id=>x</h1>", "<div data-search-exclude>"] {
            _ = SearchSectionCollector().sections(of: html)
        }
        #expect(SearchSectionCollector().sections(of: "a < b").first?.text == "a < b")
    }
}

extension SearchTokenizerTests {
    @Test func stemsPluralsAsHarmansRulesSay() {
        let cases = [
            "policies": "policy", "ties": "ty", "aies": "aie", "eies": "eie", "zombies": "zomby", "classes": "classe",
            "does": "doe", "toes": "toe", "bees": "bee", "taes": "tae", "status": "status", "glass": "glass", "cats": "cat",
            "bus": "bus", "its": "its", "s": "s", "node": "node", "ss": "ss",
        ]
        for (word, stem) in cases { #expect(SearchTokenizer.stemEnglish(word) == stem, "\(word)") }
    }
}

extension SearchTokenizerTests {
    @Test func theDefaultSeparatorsFastPathSplitsAsTheRegularExpressionDoes() {
        var regex = SearchSettings()
        regex.separator = #"(?:[\s\-])+"#
        let text = "The cluster’s «Nodes» – zu Fuß\u{00A0}naïve\tCAFÉS\r\nrun-books ... ‘quoted’ x\u{2003}y v1.2-rc Ünïcödé 東京 ok"
        let fast = SearchTokenizer(SearchSettings()).terms(in: text)
        #expect(fast == SearchTokenizer(regex).terms(in: text))
        #expect(fast.contains("cluster’s") && fast.contains("naive") && fast.contains("cafe") && fast.contains("東京"))
    }
}
