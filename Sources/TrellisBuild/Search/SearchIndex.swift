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

    init(documents: [SearchDocument], tokenizer: SearchTokenizer) {
        let parts = ParallelMap.map(Self.chunks(of: documents.count)) { range in
            var builder = Builder(firstPage: range.lowerBound)
            for n in range { builder.add(documents[n], tokenizer: tokenizer) }
            return builder
        }
        self.init(merging: parts)
    }

    /// Contiguous runs of page numbers for `Builder`s to index in parallel: enough runs to keep
    /// every core busy when pages differ in size, few enough that merging them stays cheap.
    static func chunks(of count: Int) -> [Range<Int>] {
        let runs = max(1, min(count, 8 * ProcessInfo.processInfo.activeProcessorCount))
        return (0..<runs).map { k in (k * count / runs)..<((k + 1) * count / runs) }
    }

    /// Terms are dealt into this many buckets by a hash of their bytes, so the builders'
    /// results merge bucket by bucket in parallel.
    static let bucketCount = 64

    /// A term's occurrence in a section before scoring, kept small: a big site has millions.
    struct Occurrence: Sendable {
        var page: Int32
        var section: Int32
        var tf: Int32
        var length: Int32
        /// 2: in the page title, 1: in the section's heading, 0: in its text only.
        var tier: UInt8
    }

    /// The terms of a run of consecutive pages, counted as each page is added (so no page's text
    /// is kept): each term's occurrences in page and section order. Terms are numbered as first
    /// met (a term of up to 15 bytes is looked up by its packed bytes, without making a string),
    /// and each section's counts live in arrays indexed by term number.
    struct Builder: Sendable {
        let firstPage: Int
        private var shortNumbers: [ShortTerm: Int32] = [:]
        private var longNumbers: [String: Int32] = [:]
        /// By term number: the term and its occurrences.
        fileprivate private(set) var terms: [String] = []
        fileprivate private(set) var occurrences: [[Occurrence]] = []
        fileprivate private(set) var boosts: [Double] = []
        fileprivate private(set) var sectionCount = 0
        fileprivate private(set) var totalLength = 0
        /// The section being counted: by term number, the last section that met the term (its
        /// count and tier are that section's), and the terms it met.
        private var stamps: [Int] = []
        private var counts: [Int32] = []
        private var tiers: [UInt8] = []
        private var met: [Int] = []

        init(firstPage: Int) { self.firstPage = firstPage }

        /// Adds the next page (page number `firstPage` + the pages added before it).
        mutating func add(_ document: SearchDocument, tokenizer: SearchTokenizer) {
            let page = Int32(clamping: firstPage + boosts.count)
            boosts.append(min(10, max(0.1, document.boost)))
            for (s, section) in document.sections.enumerated() {
                sectionCount += 1
                met.removeAll(keepingCapacity: true)
                var length = 0
                tokenizer.forEachTerm(in: section.text) { term in
                    counts[meet(term)] += 1
                    length += 1
                }
                tokenizer.forEachTerm(in: section.heading) { term in
                    let n = meet(term)
                    tiers[n] = max(tiers[n], 1)
                }
                if s == 0 { tokenizer.forEachTerm(in: document.title) { tiers[meet($0)] = 2 } }
                for n in met {
                    occurrences[n].append(
                        Occurrence(page: page, section: Int32(clamping: s), tf: counts[n], length: Int32(clamping: length), tier: tiers[n]))
                }
                totalLength += length
            }
        }

        /// The number of the term spelled by `bytes`, counted as met in the current section.
        private mutating func meet(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let n: Int
            let short = ShortTerm(bytes)
            let known: Int32?
            if let short { known = shortNumbers[short] } else { known = longNumbers[String(decoding: bytes, as: UTF8.self)] }
            if let known {
                n = Int(known)
            } else {
                n = terms.count
                let term = String(decoding: bytes, as: UTF8.self)
                if let short { shortNumbers[short] = Int32(clamping: n) } else { longNumbers[term] = Int32(clamping: n) }
                terms.append(term)
                occurrences.append([])
                stamps.append(0)
                counts.append(0)
                tiers.append(0)
            }
            if stamps[n] != sectionCount {
                stamps[n] = sectionCount
                counts[n] = 0
                tiers[n] = 0
                met.append(n)
            }
            return n
        }

        /// The term numbers of each bucket.
        fileprivate func buckets() -> [[Int]] {
            var result = [[Int]](repeating: [], count: SearchIndex.bucketCount)
            for (n, term) in terms.enumerated() { result[SearchIndex.bucket(of: term)].append(n) }
            return result
        }
    }

    /// A term of up to 15 UTF-8 bytes as two numbers: the bytes, then the length in the last byte.
    struct ShortTerm: Hashable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count < 16 else { return nil }
            for (k, b) in bytes.enumerated() {
                if k < 8 { low |= UInt64(b) << (8 * UInt64(k)) } else { high |= UInt64(b) << (8 * UInt64(k - 8)) }
            }
            high |= UInt64(bytes.count) << 56
        }

        /// One number into the hasher instead of two: half the hashing, on every occurrence.
        func hash(into hasher: inout Hasher) { hasher.combine(low ^ (high &* 0x9E37_79B9_7F4A_7C15)) }
    }

    /// A term's bucket: a hash of its UTF-8 bytes (FNV-1a), the same in every run.
    static func bucket(of term: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(bucketCount))
    }

    /// Merges builders of consecutive runs of pages (in page order), scores every term's
    /// occurrences, bucket by bucket in parallel, and orders the terms.
    init(merging parts: [Builder]) {
        pageCount = parts.reduce(0) { $0 + $1.boosts.count }
        let boosts = parts.flatMap(\.boosts)
        let sectionCount = parts.reduce(0) { $0 + $1.sectionCount }
        let averageLength = max(1, Double(parts.reduce(0) { $0 + $1.totalLength }) / Double(max(1, sectionCount)))
        let n = Double(sectionCount)
        let ordered = parts.sorted { $0.firstPage < $1.firstPage }
        let buckets = ParallelMap.map(ordered) { $0.buckets() }
        let scored = ParallelMap.map(Array(0..<Self.bucketCount)) { b -> [(String, [Posting])] in
            var merged: [String: [Occurrence]] = [:]
            for (part, numbers) in zip(ordered, buckets) {
                for n in numbers[b] { merged[part.terms[n], default: []].append(contentsOf: part.occurrences[n]) }
            }
            return merged.map { term, list in (term, Self.postings(list, sections: n, averageLength: averageLength, boosts: boosts)) }
        }.flatMap { $0 }
        let keys = scored.map { Array($0.0.utf16) }
        terms = scored.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { (term: scored[$0].0, postings: scored[$0].1) }
    }

    /// A term's occurrences scored (BM25 over `sections` sections plus the tier), its best
    /// `maximumPostings` kept, in page and section order.
    private static func postings(_ list: [Occurrence], sections n: Double, averageLength: Double, boosts: [Double]) -> [Posting] {
        let df = Double(list.count)
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        var postings = list.map { p -> Posting in
            let tf = Double(p.tf)
            let norm = tf == 0 ? 0 : tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * Double(p.length) / averageLength))
            let tier = p.tier == 2 ? Self.titleTier : p.tier == 1 ? Self.headingTier : 0
            let boost = boosts.indices.contains(Int(p.page)) ? boosts[Int(p.page)] : 1
            let score = max(1, Int((idf * (tier + norm) * boost * 10).rounded()))
            return Posting(page: Int(p.page), section: Int(p.section), score: score)
        }
        if postings.count > Self.maximumPostings {
            postings.sort { ($0.score, $1.page, $1.section) > ($1.score, $0.page, $0.section) }
            postings.removeLast(postings.count - Self.maximumPostings)
            postings.sort { ($0.page, $0.section) < ($1.page, $1.section) }
        }
        return postings
    }
}
