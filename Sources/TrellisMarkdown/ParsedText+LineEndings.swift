#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one normalisation at the entry of the Markdown pipeline: line endings and NULs.
///
/// Python-Markdown turns every `\r\n` and bare `\r` into `\n` before any extension runs, and cmark
/// counts all three as line breaks and reads a NUL as U+FFFD. Parsing the normalised text makes
/// the pre-pass, the rewriters and cmark agree on every line and column; cmark reports the same
/// line:column positions for the text as given, so only byte offsets need mapping back.
extension ParsedText {
    /// From the parsed offset `parsed` on, the parsed text copies the input text from `input`.
    struct InputAnchor: Sendable {
        var parsed: Int
        var input: Int
    }

    /// `text` as the pipeline parses it (`\r\n` and `\r` → `\n`, NUL → U+FFFD), and its line
    /// table with the way back to `text`'s offsets. Returns `text` itself when it has neither.
    static func normalising(_ text: String) -> (text: String, source: ParsedText) {
        var text = text
        let edited: ([UInt8], [InputAnchor])? = text.withUTF8 { buffer in
            guard let base = buffer.baseAddress,
                memchr(base, Int32(UInt8(ascii: "\r")), buffer.count) != nil || memchr(base, 0, buffer.count) != nil
            else { return nil }
            return normalised(buffer)
        }
        guard let (bytes, anchors) = edited else { return (text, ParsedText(text)) }
        let cleaned = String(decoding: bytes, as: UTF8.self)
        return (cleaned, ParsedText(text: cleaned, inputAnchors: anchors))
    }

    private static func normalised(_ input: UnsafeBufferPointer<UInt8>) -> ([UInt8], [InputAnchor]) {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 2)
        var anchors: [InputAnchor] = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                guard index < input.count, input[index] == UInt8(ascii: "\n") else { continue }
                index += 1
                anchors.append(InputAnchor(parsed: out.count, input: index))
            } else if byte == 0 {
                // Each byte of U+FFFD stands for the NUL.
                for replacement: UInt8 in [0xEF, 0xBF, 0xBD] {
                    anchors.append(InputAnchor(parsed: out.count, input: index - 1))
                    out.append(replacement)
                }
                anchors.append(InputAnchor(parsed: out.count, input: index))
            } else {
                out.append(byte)
            }
        }
        return (out, anchors)
    }

    /// The offset in the text given to `MarkdownPage.process` of a parsed-text offset.
    public func inputOffset(ofUTF8Offset offset: Int) -> Int {
        guard let first = inputAnchors.first, offset >= first.parsed else { return offset }
        var lo = 0
        var hi = inputAnchors.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if inputAnchors[mid].parsed <= offset { lo = mid } else { hi = mid - 1 }
        }
        return inputAnchors[lo].input + offset - inputAnchors[lo].parsed
    }

    /// The offset in the text given to `MarkdownPage.process` of a parsed position.
    public func inputOffset(of position: TextPosition) -> Int {
        inputOffset(ofUTF8Offset: utf8Offset(of: position))
    }
}
