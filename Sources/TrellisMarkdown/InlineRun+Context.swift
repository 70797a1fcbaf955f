extension InlineRun {
    /// Up to two characters of the page source on each side of an emphasis container's content
    /// (its delimiters, and what is around them): what patterns that run before Python-Markdown's
    /// emphasis pattern (magiclink's) see around the text. Empty for other containers.
    static func emphasisContext(
        of container: NodeID, in document: MarkdownDocument, source: ParsedText
    ) -> (before: [Unicode.Scalar], after: [Unicode.Scalar]) {
        switch document.kind(of: container) {
        case .emphasis, .strong: break
        default: return ([], [])
        }
        guard let first = document.firstChild(of: container), let last = document.lastChild(of: container),
            let firstSpan = document.span(of: first), let lastSpan = document.span(of: last)
        else { return ([], []) }
        let blockStart = blockStart(of: container, in: document)
        let start = MarkdownDocument.inlineOffset(firstSpan.start, blockStart: blockStart, source: source)
        let end = MarkdownDocument.inlineOffset(lastSpan.end, blockStart: blockStart, source: source) + 1
        let bytes = source.bytes
        guard start > 0, start <= bytes.count, end >= start, end <= bytes.count else { return ([], []) }
        var before: [Unicode.Scalar] = []
        var cursor = start
        while before.count < 2, cursor > 0 {
            var lead = cursor - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let scalar = String(decoding: source.slice(lead, cursor), as: UTF8.self).unicodeScalars.first else { break }
            before.insert(scalar, at: 0)
            cursor = lead
        }
        var after: [Unicode.Scalar] = []
        cursor = end
        while after.count < 2, cursor < bytes.count {
            let length = scalarLength(leading: bytes[cursor])
            guard let scalar = String(decoding: source.slice(cursor, cursor + length), as: UTF8.self).unicodeScalars.first else { break }
            after.append(scalar)
            cursor += length
        }
        return (before, after)
    }
}
