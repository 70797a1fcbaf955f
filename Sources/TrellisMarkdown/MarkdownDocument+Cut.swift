extension MarkdownDocument {
    /// Removes the source bytes `region` from the text children of `parent`: text nodes inside
    /// it go, text nodes overlapping it keep their outside part. Fails (changing nothing) when a
    /// non-text node would have to be split, or a text node whose kept part differs from its
    /// source.
    /// The walk starts at `first` (by default the first child) and stops past the region.
    mutating func cut(_ region: Range<Int>, under parent: NodeID, from first: NodeID? = nil, source: ParsedText) -> Bool {
        var edits: [(NodeID, String?)] = []
        var next = first ?? firstChild(of: parent)
        while let child = next {
            next = nextSibling(of: child)
            guard let span = span(of: child) else { continue }
            let start = source.utf8Offset(of: span.start)
            let end = source.utf8Offset(of: span.end) + 1
            if start >= region.upperBound { break }
            guard end > region.lowerBound else { continue }
            guard case .text = kind(of: child) else { return false }
            if start >= region.lowerBound, end <= region.upperBound {
                edits.append((child, nil))
                continue
            }
            // The parts kept must read exactly as in the source (cmark may have merged smart
            // quotes or entities into the same node, but only inside the cut part).
            guard case .text(let text) = kind(of: child), span.start.line == span.end.line else { return false }
            let utf8 = Array(text.utf8)
            let prefix = max(0, region.lowerBound - start)
            let suffix = max(0, end - region.upperBound)
            guard prefix + suffix <= utf8.count, utf8[0..<prefix].elementsEqual(source.bytes[start..<(start + prefix)]),
                utf8[(utf8.count - suffix)...].elementsEqual(source.bytes[(end - suffix)..<end])
            else { return false }
            let keep = Array(utf8[0..<prefix]) + Array(utf8[(utf8.count - suffix)...])
            edits.append((child, String(decoding: keep, as: UTF8.self)))
        }
        for (node, text) in edits {
            if let text, !text.isEmpty {
                setKind(.text(text), of: node)
            } else {
                remove(node)
            }
        }
        return true
    }
}
