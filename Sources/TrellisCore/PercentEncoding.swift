/// URL paths percent-encoded exactly as MkDocs writes page and file URLs: Python's
/// `urllib.parse.quote(path)`, which keeps ASCII letters, digits, `_.-~` and `/` and turns
/// every other byte of the UTF-8 text into `%XX` (upper-case hex). So a page named `c#d.md`
/// is linked as `c%23d/`, not as `c` with a fragment.
public enum PercentEncoding {
    /// `path` with everything but unreserved characters and `/` percent-encoded.
    public static func path(_ path: String) -> String {
        guard path.utf8.contains(where: { !isKept($0) }) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            if isKept(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
