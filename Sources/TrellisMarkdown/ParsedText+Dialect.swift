/// The Python-Markdown block rules of an MkDocs page (`PythonMarkdownBlocks`), applied after the
/// line-ending normalisation; the way back to the given text goes through both.
extension ParsedText {
    /// `text` normalised (see `normalising(_:)`), then edited as Python-Markdown reads blocks
    /// when `pythonMarkdownBlocks` is set (with superfences' fence headers when `superFences` is,
    /// mdx_truly_sane_lists' nesting when `saneLists` is, and `///` block lines as block
    /// boundaries when `blocks` is).
    static func normalising(
        _ text: String, pythonMarkdownBlocks: Bool, superFences: Bool = false, saneLists: Bool = false, blocks: Bool = false,
        keptEscapes: Set<UInt8> = []
    ) -> (text: String, source: ParsedText) {
        let (normalised, source) = normalising(text)
        guard pythonMarkdownBlocks else { return (normalised, source) }
        let edits = source.bytes.withUnsafeBufferPointer {
            PythonMarkdownBlocks.edits($0, superFences: superFences, saneLists: saneLists, blocks: blocks, keptEscapes: keptEscapes)
        }
        guard !edits.isEmpty else { return (normalised, source) }
        let (bytes, anchors) = source.bytes.withUnsafeBufferPointer { applying(edits, to: $0) }
        let edited = String(decoding: bytes, as: UTF8.self)
        return (edited, ParsedText(text: edited, inputAnchors: source.composing(anchors)))
    }

    /// The text with `edits` (sorted, not overlapping) applied, and anchors from it back to
    /// `buffer`: an inserted byte stands for the offset it was inserted at.
    private static func applying(
        _ edits: [PythonMarkdownBlocks.Edit], to buffer: UnsafeBufferPointer<UInt8>
    ) -> ([UInt8], [InputAnchor]) {
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count + edits.count)
        var anchors: [InputAnchor] = []
        var cursor = 0
        for edit in edits where edit.offset >= cursor && edit.offset + edit.removing <= buffer.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[cursor..<edit.offset]))
            for byte in edit.inserting {
                anchors.append(InputAnchor(parsed: out.count, input: edit.offset))
                out.append(byte)
            }
            cursor = edit.offset + edit.removing
            anchors.append(InputAnchor(parsed: out.count, input: cursor))
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[cursor..<buffer.count]))
        return (out, anchors)
    }

    /// Anchors from a text edited from this one (`edited`: its offsets back to this text's)
    /// straight back to the text this one was normalised from.
    private func composing(_ edited: [InputAnchor]) -> [InputAnchor] {
        guard !inputAnchors.isEmpty else { return edited }
        var points = edited.map { InputAnchor(parsed: $0.parsed, input: inputOffset(ofUTF8Offset: $0.input)) }
        // This text's own anchors, moved to the edited text's offsets (within a stretch the edits
        // copied unchanged, which is where they are).
        var index = 0
        for anchor in inputAnchors {
            while index < edited.count, edited[index].input <= anchor.parsed { index += 1 }
            let moved = index == 0 ? anchor.parsed : edited[index - 1].parsed + anchor.parsed - edited[index - 1].input
            points.append(InputAnchor(parsed: moved, input: anchor.input))
        }
        points.sort { ($0.parsed, $0.input) < ($1.parsed, $1.input) }
        return points
    }
}
