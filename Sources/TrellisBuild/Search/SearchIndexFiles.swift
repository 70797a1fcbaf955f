/// The files of a brand's search index, under `search/`, each a script that hands its data to
/// `trellisSearch` (assets/search.js) when loaded, so the index loads from `file://` too, where
/// browsers refuse `fetch`:
///
/// - `search/index.js`: the manifest: format version, tokenizer settings (the same separator
///   and language the browser must split queries with), the page count and, for each term
///   shard, its first and last term (`shards`); on a site with more than `inlineShards` shards,
///   the ranges are themselves cut into blocks of `blockShards` (`search/r/<k>.js`) and the
///   manifest holds each block's first and last term (`blocks`), so the manifest stays small on
///   any site and a query loads one block or two;
/// - `search/t/<n>.js`: shard `n`: a run of terms in UTF-16 order, each `[term, postings]`
///   with postings flattened as `page delta, section, score` triples; a shard is cut after
///   `shardBytes`, so a query loads only the shards whose term range its words fall in;
/// - `search/p/<n / 100>/<n>.js`: page `n`: title, URL and sections `[id, level, heading,
///   text]`, loaded only for results shown (for their snippets and deep links). A folder per
///   hundred pages: creating thousands of files in one folder from several threads makes them
///   wait on each other (on ext4 a 10,000-page site took several times as long).
struct SearchIndexFiles {
    static let version = 1
    static let folder = "search"
    /// Where a shard is cut (bytes of JSON): small enough to load on a keystroke.
    var shardBytes = 32 * 1024
    /// Text kept per section for snippets (UTF-8 bytes, cut at a character boundary).
    var sectionBytes = 4000
    /// Up to this many shards, the manifest lists them itself.
    var inlineShards = 512
    /// Shard ranges per block file when the manifest lists blocks.
    var blockShards = 256
    /// Page fragments per folder (`assets/search.js` knows this number).
    static let pagesPerFolder = 100

    /// Where the manifest is written.
    static let manifestPath = folder + "/index.js"

    /// Whether the index may write a file at `path`: the manifest, a shard (`search/t/<n>.js`),
    /// a range block (`search/r/<n>.js`) or a page fragment (`search/p/<k>/<n>.js`).
    static func isIndexFile(_ path: String) -> Bool {
        guard path.hasPrefix(folder + "/") else { return false }
        let parts = path.dropFirst(folder.count + 1).split(separator: "/", omittingEmptySubsequences: false)
        func number(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        func script(_ part: Substring) -> Bool { part.hasSuffix(".js") && number(part.dropLast(3)) }
        switch parts.count {
        case 1: return parts[0] == "index.js"
        case 2: return (parts[0] == "t" || parts[0] == "r") && script(parts[1])
        case 3: return parts[0] == "p" && number(parts[1]) && script(parts[2])
        default: return false
        }
    }

    /// The manifest, range blocks and shards: path (under the brand's output) → contents.
    func files(for index: SearchIndex, settings: SearchSettings) -> [(path: String, text: String)] {
        var files: [(String, String)] = []
        var shards: [(first: String, last: String)] = []
        var current: [UInt8] = []
        var first: String?
        var last = ""
        func cut() {
            guard let start = first else { return }
            files.append(
                ("\(Self.folder)/t/\(shards.count).js", "trellisSearch.shard(\(shards.count),[" + String(decoding: current, as: UTF8.self) + "]);\n"))
            shards.append((start, last))
            current.removeAll(keepingCapacity: true)
            first = nil
        }
        var entry: [UInt8] = []
        for (term, postings) in index.terms {
            entry.removeAll(keepingCapacity: true)
            entry.append(UInt8(ascii: "["))
            entry += Self.json(term).utf8
            entry += [UInt8(ascii: ","), UInt8(ascii: "[")]
            var previous = 0
            for (i, posting) in postings.enumerated() {
                if i > 0 { entry.append(UInt8(ascii: ",")) }
                Self.appendDecimal(posting.page - previous, to: &entry)
                entry.append(UInt8(ascii: ","))
                Self.appendDecimal(posting.section, to: &entry)
                entry.append(UInt8(ascii: ","))
                Self.appendDecimal(posting.score, to: &entry)
                previous = posting.page
            }
            entry += [UInt8(ascii: "]"), UInt8(ascii: "]")]
            if first != nil && current.count + entry.count > shardBytes { cut() }
            if first == nil { first = term } else { current.append(UInt8(ascii: ",")) }
            current += entry
            last = term
        }
        cut()
        func ranges(_ list: some Sequence<(first: String, last: String)>) -> String {
            "[" + list.map { "[" + Self.json($0.first) + "," + Self.json($0.last) + "]" }.joined(separator: ",") + "]"
        }
        var manifest =
            "{\"version\":\(Self.version),\"lang\":[" + settings.languages.map(Self.json).joined(separator: ",") + "],\"english\":"
            + (settings.english ? "true" : "false") + ",\"separator\":" + Self.json(settings.separator) + ",\"pages\":"
            + "\(index.pageCount),"
        if shards.count <= inlineShards {
            manifest += "\"shards\":" + ranges(shards) + "}"
        } else {
            let size = max(1, blockShards)
            var blocks: [(first: String, last: String)] = []
            for start in stride(from: 0, to: shards.count, by: size) {
                let block = shards[start..<min(start + size, shards.count)]
                guard let first = block.first, let last = block.last else { continue }
                files.append(("\(Self.folder)/r/\(blocks.count).js", "trellisSearch.ranges(\(blocks.count)," + ranges(block) + ");\n"))
                blocks.append((first.first, last.last))
            }
            manifest += "\"blockSize\":\(size),\"blocks\":" + ranges(blocks) + "}"
        }
        files.append((Self.manifestPath, "trellisSearch.manifest(" + manifest + ");\n"))
        return files
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value >= 0 else { return bytes += String(value).utf8 }
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        rest = value
        for k in stride(from: start + digits - 1, through: start, by: -1) {
            bytes[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// Page `n`'s fragment file: its title, URL and sections, each section's text cut to
    /// `sectionBytes`.
    func fragment(_ document: SearchDocument, number n: Int) -> (path: String, text: String) {
        let sections = document.sections.map { section in
            "[" + Self.json(section.id ?? "") + ",\(section.level)," + Self.json(section.heading) + ","
                + Self.json(Self.prefix(section.text, bytes: sectionBytes)) + "]"
        }
        let body = "{\"t\":" + Self.json(document.title) + ",\"u\":" + Self.json(document.url) + ",\"s\":["
            + sections.joined(separator: ",") + "]}"
        return ("\(Self.folder)/p/\(n / Self.pagesPerFolder)/\(n).js", "trellisSearch.page(\(n)," + body + ");\n")
    }

    /// At most `bytes` of `text`'s UTF-8, ending at a whole scalar.
    static func prefix(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var kept = Array(text.utf8.prefix(max(0, bytes)))
        // Drop a scalar the cut split: back to its lead byte, and it too if incomplete.
        if let lead = kept.lastIndex(where: { $0 & 0xC0 != 0x80 }) {
            let b = kept[lead]
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            if kept.count - lead < length { kept.removeLast(kept.count - lead) }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// A JSON string literal that is also safe in a script (no raw U+2028/U+2029, no `</`),
    /// escaped over the UTF-8: runs of bytes that need no escape are copied whole.
    static func json(_ s: String) -> String {
        var s = s
        return s.withUTF8 { utf8 -> String in
            var out: [UInt8] = [0x22]
            out.reserveCapacity(utf8.count + 16)
            let hex = Array("0123456789abcdef".utf8)
            var run = 0
            var i = 0
            func escape(_ escaped: [UInt8], length: Int) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                out += escaped
                i += length
                run = i
            }
            while i < utf8.count {
                let b = utf8[i]
                switch b {
                case 0x22: escape([0x5C, 0x22], length: 1)
                case 0x5C: escape([0x5C, 0x5C], length: 1)
                case 0x0A: escape([0x5C, 0x6E], length: 1)
                case 0x0D: escape([0x5C, 0x72], length: 1)
                case 0x09: escape([0x5C, 0x74], length: 1)
                case 0x2F where i > 0 && utf8[i - 1] == 0x3C: escape([0x5C, 0x2F], length: 1)
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape(Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8), length: 3)
                case 0..<0x20: escape([0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]], length: 1)
                default: i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }
}
