import Foundation

/// Puts the preview script into a served page: before the last `</body>` (any case), or at the
/// end of a page that has none.
enum ScriptInjection {
    /// The path the script is served at.
    static let scriptPath = "/__trellis/preview.js"

    /// The tag added to every HTML response; it names the generation the page was served from,
    /// so the script can tell that it missed a reload while it was not connected.
    static func tag(generation: Int) -> String {
        "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>"
    }

    static func inject(into page: Data, generation: Int) -> Data {
        let tag = Data(tag(generation: generation).utf8)
        guard let offset = lastBodyClose(in: page) else { return page + tag }
        var result = Data(capacity: page.count + tag.count)
        result.append(page.prefix(offset))
        result.append(tag)
        result.append(page.dropFirst(offset))
        return result
    }

    /// The offset (from the start of `page`) of the last `</body`, matched without regard to case.
    static func lastBodyClose(in page: Data) -> Int? {
        let needle = Array("</body".utf8)
        return page.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            guard bytes.count >= needle.count else { return nil }
            var start = bytes.count - needle.count
            while start >= 0 {
                var matched = true
                for (index, expected) in needle.enumerated() {
                    var byte = bytes[start + index]
                    if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                    if byte != expected {
                        matched = false
                        break
                    }
                }
                if matched { return start }
                start -= 1
            }
            return nil
        }
    }
}
