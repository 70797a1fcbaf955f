/// A label defined twice: Python-Markdown keeps the last definition (`md.references[id] = …`),
/// CommonMark the first. On an MkDocs page every earlier definition of a label gets an inert
/// byte (U+001F) put before its label, so that cmark still reads a definition there (and shows
/// nothing) but no reference finds it.
extension PythonMarkdownBlocks {
    /// `[label]:` at `at` (not a footnote's `[^label]:`): the label as references match it
    /// (lowercased, white space collapsed) and the offset just after the `[`.
    static func referenceDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> (label: String, labelStart: Int)? {
        guard bytes[at] == UInt8(ascii: "["), at + 1 < end, bytes[at + 1] != UInt8(ascii: "^") else { return nil }
        var index = at + 1
        while index < end, bytes[index] != UInt8(ascii: "]") {
            // Brackets and escapes inside a label: left to cmark alone.
            if bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "\\") { return nil }
            index += 1
        }
        guard index < end, index + 1 < end, bytes[index + 1] == UInt8(ascii: ":"), index > at + 1 else { return nil }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<index]), as: UTF8.self)
        let label = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
        guard !label.isEmpty else { return nil }
        return (label, at + 1)
    }

    /// `edits` with an inert byte before the label of each definition a later one replaces,
    /// in offset order.
    static func withLastDefinitionsWinning(_ edits: [Edit], _ definitions: [(label: String, labelStart: Int)]) -> [Edit] {
        guard definitions.count > 1 else { return edits }
        var last: [String: Int] = [:]
        for (index, definition) in definitions.enumerated() { last[definition.label] = index }
        let replaced = definitions.enumerated().filter { last[$0.element.label] != $0.offset }
        guard !replaced.isEmpty else { return edits }
        let added = replaced.map { Edit(offset: $0.element.labelStart, removing: 0, inserting: [0x1F]) }
        return merging(edits, added)
    }
}
