/// The fuzz invariant of parsing a big text in pieces (`CMarkChunks`, `CMark+Pieces.swift`,
/// `CMark+Definitions.swift`): any text, cut wherever a cut may go, parses to the tree of the
/// whole text (each node's kind, text and start; ends may differ, see `CMarkChunkTests`). Fuzz
/// inputs are small, so the pieces are made as small as they go. Traps on a difference.
@_spi(Fuzzing) public enum PieceParsingFuzzing {
    public static func run(_ bytes: [UInt8]) {
        let text = ParsedText.normalising(String(decoding: bytes, as: UTF8.self)).text
        let whole = shape(CMark.parse(text, chunkBytes: Int.max))
        for size in [1, 24] {
            let pieces = shape(CMark.parse(text, chunkBytes: size))
            guard pieces != whole else { continue }
            let at = zip(pieces, whole).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(pieces.count, whole.count)
            fatalError(
                "fuzz invariant: pieces of \(size) bytes parse differently from node \(at): "
                    + "\(pieces.dropFirst(at).prefix(2)) instead of \(whole.dropFirst(at).prefix(2))")
        }
    }

    private static func shape(_ document: MarkdownDocument) -> [String] {
        document.preorder().map { "\(document.kind(of: $0)) \(document.span(of: $0).map { "\($0.start)" } ?? "-")" }
    }
}
