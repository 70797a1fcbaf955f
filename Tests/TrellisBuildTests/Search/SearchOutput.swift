import Foundation
import Testing

@testable import TrellisBuild

/// A brand's written search index, read back from its script files (`search/index.js`,
/// `search/t/<n>.js`, `search/p/<n / 100>/<n>.js`) as the browser's `trellisSearch` would receive it.
struct SearchOutput {
    struct Page {
        var title: String
        var url: String
        /// `[id, level, heading, text]`
        var sections: [(id: String, level: Int, heading: String, text: String)]
    }

    var manifest: [String: Any]
    /// Shard number → its entries (term, flattened postings).
    var shards: [[(term: String, postings: [Int])]]
    var shardSizes: [Int]
    var pages: [Page]

    /// The index under `site/<prefix>search/`, or nil when there is none.
    init?(_ site: TestSite, prefix: String) throws {
        guard let manifestText = site.output(prefix + "search/index.js") else { return nil }
        manifest = try Self.payload(manifestText, call: "manifest") as? [String: Any] ?? [:]
        let ranges = manifest["shards"] as? [[String]] ?? []
        shards = []
        shardSizes = []
        for n in ranges.indices {
            let text = try #require(site.output(prefix + "search/t/\(n).js"))
            shardSizes.append(text.utf8.count)
            let entries = try Self.payload(text, call: "shard", number: n) as? [[Any]] ?? []
            shards.append(entries.map { ($0.first as? String ?? "", $0.last as? [Int] ?? []) })
        }
        pages = []
        let count = manifest["pages"] as? Int ?? 0
        for n in 0..<count {
            let text = try #require(site.output(prefix + "search/p/\(n / 100)/\(n).js"))
            let page = try Self.payload(text, call: "page", number: n) as? [String: Any] ?? [:]
            let sections = (page["s"] as? [[Any]] ?? []).map {
                (id: $0[0] as? String ?? "", level: $0[1] as? Int ?? -1, heading: $0[2] as? String ?? "", text: $0[3] as? String ?? "")
            }
            pages.append(Page(title: page["t"] as? String ?? "", url: page["u"] as? String ?? "", sections: sections))
        }
    }

    /// Every term with its postings as (page, section, score), pages made absolute.
    var terms: [String: [(page: Int, section: Int, score: Int)]] {
        var result: [String: [(Int, Int, Int)]] = [:]
        for shard in shards {
            for (term, flat) in shard {
                var page = 0
                var postings: [(Int, Int, Int)] = []
                var i = 0
                while i + 2 < flat.count {
                    page += flat[i]
                    postings.append((page, flat[i + 1], flat[i + 2]))
                    i += 3
                }
                result[term] = postings
            }
        }
        return result
    }

    /// The pages (by URL) whose index holds `term`.
    func pageURLs(for term: String) -> Set<String> {
        Set((terms[term] ?? []).map { pages[$0.page].url })
    }

    /// The JSON argument of `trellisSearch.<call>([number,] …);`.
    static func payload(_ text: String, call: String, number: Int? = nil) throws -> Any {
        var head = "trellisSearch.\(call)("
        if let number { head += "\(number)," }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(head), trimmed.hasSuffix(");") else { throw Malformed(text: String(text.prefix(80))) }
        let json = trimmed.dropFirst(head.count).dropLast(2)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    struct Malformed: Error { var text: String }
}
