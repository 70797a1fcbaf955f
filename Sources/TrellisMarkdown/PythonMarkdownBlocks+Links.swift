/// Python-Markdown reads a link destination up to its closing parenthesis, spaces and all
/// (`[Jobs](scheduler.md#Interactive Jobs)`, `[a](https://x/ #frag)`); CommonMark allows spaces
/// only inside `<…>`, so cmark leaves such a link as text. On an MkDocs page the destination is
/// wrapped in `<…>` (see `PythonMarkdownBlocks`), where it is simple enough to be sure of:
/// on one line, after a `[` on that line, outside code spans, with no quotes (a title),
/// parentheses, angle brackets or backslashes in it.
extension PythonMarkdownBlocks {
    static func spacedDestinationEdits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into edits: inout [Edit]) {
        var index = start
        var sawOpenBracket = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "`") {
                index = afterCodeSpan(bytes, index, end)
                continue
            }
            if byte == UInt8(ascii: "[") { sawOpenBracket = true }
            guard byte == UInt8(ascii: "]"), sawOpenBracket, index + 1 < end, bytes[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            let open = index + 1
            guard let (first, last, close) = spacedDestination(bytes, open, end) else {
                index = open + 1
                continue
            }
            edits.append(Edit(offset: first, removing: 0, inserting: [UInt8(ascii: "<")]))
            edits.append(Edit(offset: last, removing: 0, inserting: [UInt8(ascii: ">")]))
            index = close + 1
        }
    }

    /// For `(` at `open`: the destination's first byte and the end of its last non-blank byte,
    /// and the closing `)`, if the destination has inner white space and nothing that makes it
    /// less than certain.
    private static func spacedDestination(_ bytes: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int) -> (Int, Int, Int)? {
        var index = open + 1
        while index < end, isBlank(bytes[index]) { index += 1 }
        let first = index
        var last = first
        var innerBlank = false
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ")"):
                return innerBlank && last > first ? (first, last, index) : nil
            case UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                UInt8(ascii: "\\"), UInt8(ascii: "`"):
                return nil
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                break
            default:
                if last > first, index > last { innerBlank = true }
                last = index + 1
            }
            index += 1
        }
        return nil
    }

    /// Past the code span whose opening backticks are at `at` (to the run of as many backticks
    /// on the line), or past the backticks alone if the span does not close on the line.
    static func afterCodeSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Int {
        var runEnd = at
        while runEnd < end, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - at
        var index = runEnd
        while index < end {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var closeEnd = index
            while closeEnd < end, bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
            if closeEnd - index == length { return closeEnd }
            index = closeEnd
        }
        return runEnd
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
