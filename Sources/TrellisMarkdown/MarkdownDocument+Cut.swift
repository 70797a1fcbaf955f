extension MarkdownDocument {
    /// Removes the source bytes `region` from the text children of `parent`: text nodes inside
    /// it go, text nodes overlapping it keep their outside part. Fails (changing nothing) when a
    /// non-text node would have to be split, or a text node whose kept part differs from its
    /// source.
    /// The walk starts at `first` (by default the first child) and stops past the region.
    /// `blockStart` is where the enclosing paragraph or heading starts (see `inlineOffset`).
    mutating func cut(
        _ region: Range<Int>, under parent: NodeID, from first: NodeID? = nil, blockStart: TextPosition?, source: ParsedText
    ) -> Bool {
        var edits: [(NodeID, String?)] = []
        var next = first ?? firstChild(of: parent)
        while let child = next {
            next = nextSibling(of: child)
            guard let span = span(of: child) else { continue }
            let start = Self.inlineOffset(span.start, blockStart: blockStart, source: source)
            var end = Self.inlineOffset(span.end, blockStart: blockStart, source: source) + 1
            // A text node before a soft break reports the line's trailing spaces, which cmark
            // left out of its text.
            if case .text = kind(of: child), span.start.line == span.end.line, end > start, end <= source.bytes.count,
                end == source.bytes.count || source.bytes[end] == UInt8(ascii: "\n") || source.bytes[end] == UInt8(ascii: "\r")
            {
                while end > start, source.bytes[end - 1] == UInt8(ascii: " ") || source.bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            }
            if start >= region.upperBound { break }
            guard end > region.lowerBound else { continue }
            guard case .text = kind(of: child) else { return false }
            if start >= region.lowerBound, end <= region.upperBound {
                edits.append((child, nil))
                continue
            }
            // The parts kept must read exactly as in the source (cmark may have merged smart
            // quotes or entities into the same node, but only inside the cut part). Where the
            // region is the node's whole tail or head, that part must read as in the source
            // instead (`&#8288; {: style=x}` keeps its decoded entity).
            guard case .text(let text) = kind(of: child), span.start.line == span.end.line else { return false }
            let utf8 = Array(text.utf8)
            if start < region.lowerBound, end <= region.upperBound {
                let tail = end - region.lowerBound
                if tail <= utf8.count, utf8[(utf8.count - tail)...].elementsEqual(source.slice(region.lowerBound, end)) {
                    edits.append((child, String(decoding: utf8[..<(utf8.count - tail)], as: UTF8.self)))
                    continue
                }
            } else if start >= region.lowerBound, end > region.upperBound {
                let head = region.upperBound - start
                if head <= utf8.count, utf8[..<head].elementsEqual(source.slice(start, region.upperBound)) {
                    edits.append((child, String(decoding: utf8[head...], as: UTF8.self)))
                    continue
                }
            }
            let prefix = max(0, region.lowerBound - start)
            let suffix = max(0, end - region.upperBound)
            guard prefix + suffix <= utf8.count, utf8[0..<prefix].elementsEqual(source.slice(start, (start + prefix))),
                utf8[(utf8.count - suffix)...].elementsEqual(source.slice((end - suffix), end))
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

    /// The source offset of an inline node's reported position. cmark reports a paragraph's
    /// continuation lines as if their text started at the paragraph's column, without the extra
    /// indentation it stripped; this adds that indentation back.
    static func inlineOffset(_ position: TextPosition, blockStart: TextPosition?, source: ParsedText) -> Int {
        let offset = source.utf8Offset(of: position)
        guard let blockStart, position.line > blockStart.line, position.line <= source.lineStarts.count else { return offset }
        let lineStart = source.lineStart(position.line)
        let assumed = lineStart + blockStart.byteColumn - 1
        let lineEnd = source.endOfLine(containing: lineStart)
        guard assumed <= lineEnd, source.slice(lineStart, assumed).allSatisfy({ [9, 32, 62].contains($0) }) else {
            // A lazy continuation line (`1. A` then `b [x](u){…}`) or one a tab indents (`- A`
            // then `\t[x](u){…}`): fewer bytes before the text than the block's columns, cmark
            // counting from the block's column all the same.
            var real = lineStart
            while real < lineEnd, source.bytes[real] == 32 || source.bytes[real] == 9 { real += 1 }
            guard real < assumed else { return offset }
            // (The position may lie past the line's end, which `utf8Offset(of:)` would clamp.)
            return min(max(lineStart + position.byteColumn - 1 + real - assumed, lineStart), lineEnd)
        }
        var real = assumed
        while real < lineEnd, source.bytes[real] == 32 || source.bytes[real] == 9 { real += 1 }
        return min(offset + real - assumed, source.bytes.count)
    }
}
