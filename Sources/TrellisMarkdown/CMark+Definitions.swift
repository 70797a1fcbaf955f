import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Link reference definitions for a text parsed in pieces (see `CMarkChunks`).
///
/// A `[text][label]` in one piece may use a definition in another, and the first definition of
/// a label wins wherever it is. So the page's definitions, exactly as cmark reads them, are found
/// first, piece by piece, and written before every piece that has a `[`: text that parses to
/// nothing but fills cmark's reference map as the whole text would.
///
/// cmark is asked rather than second-guessed (where a definition is one depends on every
/// container around it, and cmark's line spans around dropped paragraphs are not exact): each
/// piece is parsed followed by a probe paragraph `[label]` per label written before a `]:` in
/// it. A probe that comes back as a link is a definition of the piece, with the destination and
/// title cmark read. If the probes do not come back as paragraphs of their own (a block left
/// open at the end of the text swallowed them), or the definitions pass `maxPrefixBytes`, the
/// text is parsed whole, as before it was cut.
extension CMark {
    static let maxPrefixBytes = chunkBytes / 4

    /// The page's definitions as text that parses to nothing, or `nil` when they cannot be found.
    static func definitionPrefix(_ buffer: UnsafeBufferPointer<UInt8>, _ chunks: CMarkChunks, smart: Bool) -> [UInt8]? {
        var prefix: [UInt8] = []
        var written = Set<[UInt8]>()
        var index = 0
        while index < chunks.starts.count {
            // Pieces are read as the text is parsed, with no block cut in two.
            let (tree, _, next) = parseWholeBlocks(buffer, chunks, from: index, definitions: [], smart: smart)
            if let tree { cmark_node_free(tree) }
            let start = chunks.starts[index]
            let end = next < chunks.starts.count ? chunks.starts[next] : buffer.count
            index = next
            let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
            let labels = candidateLabels(piece)
            guard !labels.isEmpty else { continue }
            guard let found = definitions(of: labels, in: piece, smart: smart) else { return nil }
            for line in found where written.insert(line).inserted {
                prefix.append(contentsOf: line)
            }
            guard prefix.count <= maxPrefixBytes else { return nil }
        }
        // What is written must parse to nothing, or it would add to every piece.
        guard let root = prefix.withUnsafeBufferPointer({ cmarkTree($0, smart: smart) }) else { return nil }
        defer { cmark_node_free(root) }
        return cmark_node_first_child(root) == nil ? prefix : nil
    }

    /// cmark's tree of `piece` with `prefix` before it (if the piece has a `[`, which any use of
    /// a definition needs), and how many lines the prefix took.
    static func cmarkTree(
        _ piece: UnsafeBufferPointer<UInt8>, after prefix: [UInt8], smart: Bool
    ) -> (root: OpaquePointer?, prefixLines: Int) {
        guard !prefix.isEmpty, let base = piece.baseAddress, memchr(base, Int32(UInt8(ascii: "[")), piece.count) != nil else {
            return (cmarkTree(piece, smart: smart), 0)
        }
        var text = prefix
        text.append(contentsOf: piece)
        let lines = prefix.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return (text.withUnsafeBufferPointer { cmarkTree($0, smart: smart) }, lines)
    }

    static func cmarkTree(_ bytes: UnsafeBufferPointer<UInt8>, smart: Bool) -> OpaquePointer? {
        bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions(smart: smart)) }
    }

    /// The labels written as `[label]:` in `piece` (a label may go on over lines, not over a
    /// blank one), each once, in order.
    static func candidateLabels(_ piece: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var labels: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        var open: Int?
        // Whether the line so far is blank.
        var blank = true
        var index = 0
        while index < piece.count {
            let byte = piece[index]
            if byte == UInt8(ascii: "\n") {
                if blank { open = nil }
                blank = true
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                // Blank so far.
            } else if byte == UInt8(ascii: "\\") {
                blank = false
                index += 1  // an escaped character is never a bracket of a label
            } else if byte == UInt8(ascii: "[") {
                blank = false
                open = index
            } else if byte == UInt8(ascii: "]"), let start = open {
                blank = false
                open = nil
                if index + 1 < piece.count, piece[index + 1] == UInt8(ascii: ":"), index - start - 1 <= 999 {
                    let label = Array(piece[(start + 1)..<index])
                    if label.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") }),
                        seen.insert(label).inserted
                    {
                        labels.append(label)
                    }
                }
            } else {
                blank = false
            }
            index += 1
        }
        return labels
    }

    /// The definitions `piece` makes of `labels`, each as a line `[label]: <destination> "title"`,
    /// or `nil` if the probes did not come back.
    private static func definitions(of labels: [[UInt8]], in piece: UnsafeBufferPointer<UInt8>, smart: Bool) -> [[UInt8]]? {
        var text = Array(piece)
        if text.last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
        // The line the next byte written is on.
        var line = 1 + text.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        // After a blank line, one probe paragraph per label, a blank line apart.
        var probeLines: [Int] = []
        for label in labels {
            text.append(UInt8(ascii: "\n"))
            line += 1
            probeLines.append(line)
            text.append(UInt8(ascii: "["))
            text.append(contentsOf: label)
            text.append(contentsOf: Array("]\n".utf8))
            line += 1 + label.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        }
        guard let root = text.withUnsafeBufferPointer({ cmarkTree($0, smart: smart) }) else { return nil }
        defer { cmark_node_free(root) }
        // The probes are the last paragraphs, in order.
        var probes: [OpaquePointer] = []
        var node = cmark_node_last_child(root)
        while probes.count < labels.count, let current = node {
            probes.append(current)
            node = cmark_node_previous(current)
        }
        probes.reverse()
        guard probes.count == labels.count else { return nil }
        var found: [[UInt8]] = []
        for (index, probe) in probes.enumerated() {
            guard cmark_node_get_type(probe) == CMARK_NODE_PARAGRAPH, Int(cmark_node_get_start_line(probe)) == probeLines[index]
            else { return nil }
            guard let link = cmark_node_first_child(probe), cmark_node_get_type(link) == CMARK_NODE_LINK else { continue }
            var definition: [UInt8] = [UInt8(ascii: "[")]
            definition.append(contentsOf: labels[index])
            definition.append(contentsOf: Array("]: <".utf8))
            definition.append(contentsOf: escaped(cmark_node_get_url(link)))
            definition.append(contentsOf: Array("> \"".utf8))
            definition.append(contentsOf: escaped(cmark_node_get_title(link)))
            definition.append(contentsOf: Array("\"\n\n".utf8))
            found.append(definition)
        }
        return found
    }

    /// `string` with every ASCII punctuation character backslash-escaped, so cmark reads it back
    /// as it is (no entity or escape in it is read a second time).
    private static func escaped(_ string: UnsafePointer<CChar>?) -> [UInt8] {
        guard var pointer = string else { return [] }
        var out: [UInt8] = []
        while pointer.pointee != 0 {
            let byte = UInt8(bitPattern: pointer.pointee)
            if (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte) {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(byte)
            pointer += 1
        }
        return out
    }
}
