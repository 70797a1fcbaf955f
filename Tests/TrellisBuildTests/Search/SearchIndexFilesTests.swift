import Foundation
import Testing

@testable import TrellisBuild

/// The index files on a site with more shards than the manifest lists itself.
@Suite struct SearchIndexFilesTests {
    @Test func aManifestOfManyShardsListsBlocksOfRangesInOrder() throws {
        let documents = (0..<40).map { p in
            SearchDocument(
                title: "Page \(p)", url: "p\(p)/",
                sections: [SearchSection(id: nil, level: 0, heading: "", text: (0..<30).map { "t\(p)w\($0)" }.joined(separator: " "))])
        }
        let index = SearchIndex(documents: documents, tokenizer: SearchTokenizer(SearchSettings()))
        var writer = SearchIndexFiles()
        writer.shardBytes = 200
        writer.inlineShards = 8
        writer.blockShards = 5
        let files = Dictionary(uniqueKeysWithValues: writer.files(for: index, settings: SearchSettings()).map { ($0.path, $0.text) })
        func file(_ path: String) throws -> String { try #require(files[path]) }
        let manifest = try #require(try SearchOutput.payload(try file("search/index.js"), call: "manifest") as? [String: Any])
        #expect(manifest["shards"] == nil)
        #expect(manifest["blockSize"] as? Int == 5)
        let blocks = try #require(manifest["blocks"] as? [[String]])
        let shardCount = files.keys.filter { $0.hasPrefix("search/t/") }.count
        #expect(shardCount > 8 && blocks.count == (shardCount + 4) / 5)
        var ranges: [[String]] = []
        for (k, block) in blocks.enumerated() {
            let list = try #require(try SearchOutput.payload(try file("search/r/\(k).js"), call: "ranges", number: k) as? [[String]])
            #expect(list.first?.first == block[0] && list.last?.last == block[1])
            ranges += list
        }
        #expect(ranges.count == shardCount)
        for (n, range) in ranges.enumerated() {
            let entries = try #require(try SearchOutput.payload(try file("search/t/\(n).js"), call: "shard", number: n) as? [[Any]])
            #expect(entries.first?.first as? String == range[0] && entries.last?.first as? String == range[1])
        }
        let all = ranges.flatMap { $0 }
        #expect(zip(all, all.dropFirst()).allSatisfy { !$1.utf16.lexicographicallyPrecedes($0.utf16) })
    }
}

extension SearchIndexFilesTests {
    @Test func cutsSectionTextAtAWholeCharacter() {
        #expect(SearchIndexFiles.prefix("abc", bytes: 10) == "abc")
        #expect(SearchIndexFiles.prefix("aé", bytes: 2) == "a")
        #expect(SearchIndexFiles.prefix("aé", bytes: 3) == "aé")
        #expect(SearchIndexFiles.prefix("東京", bytes: 5) == "東")
        #expect(SearchIndexFiles.prefix("a😀", bytes: 4) == "a")
        #expect(SearchIndexFiles.prefix("abc", bytes: 0) == "")
    }
}

extension SearchIndexFilesTests {
    @Test func writesStringsAsJSONThatIsSafeInAScript() throws {
        let text = "a \"quoted\" back\\slash\nline\ttab\r\u{1}</script> 2 < 3/4 \u{2028}\u{2029} é 東京 😀 end"
        let literal = SearchIndexFiles.json(text)
        #expect(!literal.contains("</"))
        #expect(!literal.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 || $0.value < 0x20 })
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
        #expect(SearchIndexFiles.json("") == "\"\"")
        #expect(SearchIndexFiles.json("plain") == "\"plain\"")
    }
}

extension SearchIndexFilesTests {
    @Test func writesNumbersAsDecimal() {
        for value in [0, 7, 10, 99, 100, 12345, Int.max, -1, -905, Int.min] {
            var bytes = Array("x".utf8)
            SearchIndexFiles.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x\(value)")
        }
    }
}
