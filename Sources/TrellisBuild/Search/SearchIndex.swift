import Foundation

/// A page as the index sees it.
struct SearchDocument: Sendable {
    var title: String
    /// The page's URL relative to the site root (`guide/install/`).
    var url: String
    var sections: [SearchSection]
    /// Front matter `search: boost:` (1 by default).
    var boost: Double = 1
}

/// The inverted index of a brand's pages: every term with the sections it occurs in, each
/// scored at build time (BM25 over sections, plus a tier for where the term is: the page
/// title above a heading above the text), so the browser only adds scores up.
struct SearchIndex: Sendable {
    struct Posting: Sendable, Equatable {
        var page: Int
        var section: Int
        var score: Int
    }

    /// BM25's parameters (Lucene's defaults).
    static let k1 = 1.2, b = 0.75
    /// What a match in the title or a heading adds to a match in the text (whose BM25 part is
    /// below `k1 + 1`), so a title match outranks a heading match, which outranks the text.
    static let titleTier = 6.0, headingTier = 3.0
    /// A term keeps its best-scored postings only, so one shard stays bounded on any site.
    static let maximumPostings = 1000

    var pageCount: Int
    /// Terms in UTF-16 order (the order JavaScript compares strings in), each with its
    /// postings in page and section order.
    var terms: [(term: String, postings: [Posting])]

    /// A page's terms: each section's term counts and where the terms are.
    struct PageTerms: Sendable {
        var sections: [SectionTerms]
        var boost: Double
    }

    struct SectionTerms: Sendable {
        var counts: [String: Int]
        var heading: Set<String>
        var title: Set<String>
        var length: Int
    }

    /// Counts one page's terms (the build does it for each page in parallel, as it writes the
    /// page's fragment, so no page's text is kept).
    static func pageTerms(_ document: SearchDocument, tokenizer: SearchTokenizer) -> PageTerms {
        let sections = document.sections.enumerated().map { index, section in
            var counts: [String: Int] = [:]
            for term in tokenizer.terms(in: section.text) { counts[term, default: 0] += 1 }
            let heading = Set(tokenizer.terms(in: section.heading))
            let title = index == 0 ? Set(tokenizer.terms(in: document.title)) : []
            let length = counts.values.reduce(0, +)
            return SectionTerms(counts: counts, heading: heading, title: title, length: length)
        }
        return PageTerms(sections: sections, boost: document.boost)
    }

    init(documents: [SearchDocument], tokenizer: SearchTokenizer) {
        self.init(pages: ParallelMap.map(documents) { Self.pageTerms($0, tokenizer: tokenizer) })
    }

    /// A term's occurrence in a section before scoring, kept small: a big site has millions.
    private struct Occurrence {
        var page: Int32
        var section: Int32
        var tf: Int32
        var length: Int32
        /// 2: in the page title, 1: in the section's heading, 0: in its text only.
        var tier: UInt8
    }

    /// Merges the pages' terms (each page's counts are let go of once merged).
    init(pages: consuming [PageTerms]) {
        pageCount = pages.count
        let boosts = pages.map { min(10, max(0.1, $0.boost)) }
        let sectionCount = pages.reduce(0) { $0 + $1.sections.count }
        let averageLength = max(1, Double(pages.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.length } }) / Double(max(1, sectionCount)))
        var raw: [String: [Occurrence]] = [:]
        for page in pages.indices {
            for (s, terms) in pages[page].sections.enumerated() {
                func occurrence(_ term: String, _ tf: Int) -> Occurrence {
                    let tier: UInt8 = terms.title.contains(term) ? 2 : terms.heading.contains(term) ? 1 : 0
                    return Occurrence(
                        page: Int32(clamping: page), section: Int32(clamping: s), tf: Int32(clamping: tf),
                        length: Int32(clamping: terms.length), tier: tier)
                }
                for (term, count) in terms.counts { raw[term, default: []].append(occurrence(term, count)) }
                for term in terms.heading.union(terms.title) where terms.counts[term] == nil {
                    raw[term, default: []].append(occurrence(term, 0))
                }
            }
            pages[page].sections = []
        }
        let n = Double(sectionCount)
        let entries = Array(raw)
        raw = [:]
        let scored = ParallelMap.map(entries.indices.map { $0 }) { i -> (String, [Posting]) in
            let (term, list) = entries[i]
            let df = Double(list.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            var postings = list.map { p -> Posting in
                let tf = Double(p.tf)
                let norm = tf == 0 ? 0 : tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * Double(p.length) / averageLength))
                let tier = p.tier == 2 ? Self.titleTier : p.tier == 1 ? Self.headingTier : 0
                let score = max(1, Int((idf * (tier + norm) * boosts[Int(p.page)] * 10).rounded()))
                return Posting(page: Int(p.page), section: Int(p.section), score: score)
            }
            if postings.count > Self.maximumPostings {
                postings.sort { ($0.score, $1.page, $1.section) > ($1.score, $0.page, $0.section) }
                postings.removeLast(postings.count - Self.maximumPostings)
                postings.sort { ($0.page, $0.section) < ($1.page, $1.section) }
            }
            return (term, postings)
        }
        let keys = scored.map { Array($0.0.utf16) }
        terms = scored.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { (term: scored[$0].0, postings: scored[$0].1) }
    }
}
