/// The mkdocs-autorefs plugin's cross-references: `[text][identifier]` and `[identifier][]`
/// whose label the page does not define link to the heading or `[](){#identifier}` anchor of
/// that id on any page of the site.
///
/// A page is parsed with a definition `[label]: trellis-autoref:HEX` added for each such label
/// (HEX: the label's UTF-8 bytes), so cmark reads the references as links wherever a link may
/// be (nested emphasis, container bodies, tables); once every page's ids are known, the build
/// points them at their target (`TrellisBuild.ResolveCrossReferences`), or writes them back as
/// the text they were when nothing has that id, as MkDocs leaves them.
public enum Autorefs {
    public static let scheme = "trellis-autoref:"

    /// The identifier a `trellis-autoref:` destination stands for.
    public static func label(ofDestination destination: some StringProtocol) -> String? {
        guard destination.hasPrefix(scheme) else { return nil }
        let hex = Array(destination.utf8.dropFirst(scheme.utf8.count))
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = 0
        while index + 1 < hex.count {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func hex(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return out
    }

    /// The definitions to add after `text` for its references with a label it does not define,
    /// each once; empty when there are none.
    static func definitions(for text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let defined = Set(CMark.candidateLabels(text).map { ContainerParser.ReferenceDefinitions.normalise($0) })
        var seen = Set<String>()
        var out: [UInt8] = []
        var index = 0
        // `][` joins a reference's text to its label: `[text][label]` or `[label][]`.
        while index + 1 < text.count {
            defer { index += 1 }
            guard text[index] == UInt8(ascii: "]"), text[index + 1] == UInt8(ascii: "[") else { continue }
            guard let close = labelEnd(text, from: index + 2) else { continue }
            var label = text[(index + 2)..<close]
            if label.isEmpty {
                // `[label][]`: the label is the text before.
                guard let open = labelStart(text, before: index) else { continue }
                label = text[(open + 1)..<index]
            }
            let normalised = ContainerParser.ReferenceDefinitions.normalise(label)
            guard !normalised.isEmpty, !defined.contains(normalised), seen.insert(normalised).inserted else { continue }
            out += Array("\n[".utf8) + Array(label) + Array("]: \(scheme)".utf8) + hex(label) + [UInt8(ascii: "\n")]
        }
        return out
    }

    /// The `]` closing a label that starts at `from` (no brackets or line breaks inside, at most
    /// 999 bytes, as cmark's labels), if any.
    private static func labelEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < text.count, index - start <= 999 {
            switch text[index] {
            case UInt8(ascii: "]"): return index
            case UInt8(ascii: "["), UInt8(ascii: "\n"), UInt8(ascii: "\\"): return nil
            default: index += 1
            }
        }
        return nil
    }

    /// The `[` opening the bracketed text that ends at `end`, on the same line, if any.
    private static func labelStart(_ text: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var index = end - 1
        while index >= 0, end - index <= 1000 {
            switch text[index] {
            case UInt8(ascii: "["): return index
            case UInt8(ascii: "]"), UInt8(ascii: "\n"), UInt8(ascii: "\\"): return nil
            default: index -= 1
            }
        }
        return nil
    }
}
