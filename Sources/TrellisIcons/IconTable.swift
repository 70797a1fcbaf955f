import Foundation

/// The generated `icons.tsv`, memory-mapped and searched in place.
///
/// The file is sorted bytewise by name, so a lookup is a binary search over byte offsets that
/// touches a few pages; icons nobody uses are never read. See `scripts/update-icons.py` for the
/// format: `#` header lines, then `name<TAB>body` where the body escapes `\\`, `\n`, `\r`, `\t`
/// and abbreviates the `#dict` texts as `\0` … `\9`.
struct IconTable: Sendable {
    /// Where the icons came from (`mkdocs-material 9.8.2 (…whl)`).
    let source: String
    /// Top-level icon folders (`fontawesome`); `<set>-` is a known name prefix.
    let sets: [String]
    /// Icons directly in the icons folder (`logo`), known by exact name.
    let roots: [String]
    private let data: Data
    private let bodyStart: Int
    private let dictionary: [[UInt8]]

    /// Parses the header of `data`; the icon lines are only read when looked up.
    init(data: Data) throws {
        var source = "", sets: [String] = [], roots: [String] = [], dictionary: [[UInt8]] = []
        var offset = 0
        var isTable = false
        let bytes = [UInt8](data.prefix(64 * 1024))
        while offset < bytes.count, bytes[offset] == UInt8(ascii: "#") {
            guard let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let line = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self)
            let (key, value) = Self.split(line)
            switch key {
            case "format": isTable = value == "trellis-icons 1"
            case "source": source = value
            case "sets": sets = value.split(separator: " ").map(String.init)
            case "roots": roots = value.split(separator: " ").map(String.init)
            case "dict": dictionary.append(Array(value.utf8))
            default: break
            }
            offset = end + 1
        }
        guard isTable else { throw CocoaError(.fileReadCorruptFile) }
        self.source = source
        self.sets = sets
        self.roots = roots
        self.data = data
        self.bodyStart = offset
        self.dictionary = dictionary
    }

    /// A table without icons that still knows the standard prefixes, so that a missing resource
    /// shows up as unknown icons rather than as silently plain text.
    init(emptyWithSets sets: [String]) {
        self.source = "none"
        self.sets = sets
        self.roots = []
        self.data = Data()
        self.bodyStart = 0
        self.dictionary = []
    }

    /// The table bundled with the module, mapped on first use and shared by every library.
    static let bundled: IconTable = {
        let standardSets = ["fontawesome", "material", "octicons", "simple"]
        guard let url = Bundle.module.url(forResource: "icons", withExtension: "tsv"),
            let data = try? Data(contentsOf: url, options: .alwaysMapped),
            let table = try? IconTable(data: data)
        else { return IconTable(emptyWithSets: standardSets) }
        return table
    }()

    private static func split(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (String(line[..<space]), String(line[line.index(after: space)...]))
    }

    /// The SVG of the icon called `name`, exactly as Material would embed it, or nil.
    func svg(named name: String) -> String? {
        let key = Array(name.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var low = bodyStart, high = bytes.count
            // `low` is always a line start; each step shrinks the window by at least one line.
            while low < high {
                var start = (low + high) / 2
                while start > low, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                let end = lineEnd(bytes, from: start)
                let tab = bytes[start..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
                switch compare(key, bytes[start..<tab]) {
                case .equal: return decode(bytes[min(tab + 1, end)..<end])
                case .less: high = start
                case .greater: low = min(end + 1, bytes.count)
                }
            }
            return nil
        }
    }

    /// Every icon name in file order (sorted), for suggestions; reads the whole file once.
    func allNames() -> [String] {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var names: [String] = []
            var start = bodyStart
            while start < bytes.count {
                let end = lineEnd(bytes, from: start)
                let tab = bytes[start..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
                if tab > start { names.append(String(decoding: bytes[start..<tab], as: UTF8.self)) }
                start = end + 1
            }
            return names
        }
    }

    private func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return start }
        guard let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else {
            return bytes.count
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private enum Order { case less, equal, greater }

    private func compare(_ key: [UInt8], _ name: Slice<UnsafeBufferPointer<UInt8>>) -> Order {
        var i = name.startIndex
        for byte in key {
            guard i < name.endIndex else { return .greater }
            if byte != name[i] { return byte < name[i] ? .less : .greater }
            i += 1
        }
        return i == name.endIndex ? .equal : .less
    }

    private func decode(_ body: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 256)
        var i = body.startIndex
        while i < body.endIndex {
            let byte = body[i]
            i += 1
            guard byte == UInt8(ascii: "\\"), i < body.endIndex else {
                out.append(byte)
                continue
            }
            let code = body[i]
            i += 1
            switch code {
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "0")...UInt8(ascii: "9") where Int(code - UInt8(ascii: "0")) < dictionary.count:
                out.append(contentsOf: dictionary[Int(code - UInt8(ascii: "0"))])
            default: out.append(code)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
