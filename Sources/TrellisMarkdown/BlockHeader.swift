/// The first line of a `pymdownx.blocks` block, `///+ name | argument`, read with the
/// extension's `RE_START` on one line: 3 or more slashes, the name (`[\w-]+`, any case), and an
/// optional argument after `|`; and its closing line, `RE_END`: the same number of slashes alone.
struct BlockHeader: Equatable {
    /// How many slashes open (and must close) the block.
    var length: Int
    /// The lowercased name.
    var name: String
    /// The argument, trimmed; `nil` without a `|`.
    var argument: String?
    /// The byte offset of the argument in the line.
    var argumentOffset: Int

    /// Reads `line` (no line ending, after the block's indentation) as a block's first line.
    static func parse(_ line: some Collection<UInt8>) -> BlockHeader? {
        var bytes = Array(line)
        if bytes.last == cr { bytes.removeLast() }
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == space { index += 1 }
        let slashes = index
        while index < bytes.count, bytes[index] == slash { index += 1 }
        let length = index - slashes
        guard length >= 3 else { return nil }
        while index < bytes.count, bytes[index] == space { index += 1 }
        let nameStart = index
        while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        while index < bytes.count, bytes[index] == space { index += 1 }
        if index == bytes.count { return BlockHeader(length: length, name: name, argument: nil, argumentOffset: index) }
        guard bytes[index] == pipe else { return nil }
        index += 1
        while index < bytes.count, bytes[index] == space { index += 1 }
        var end = bytes.count
        while end > index, bytes[end - 1] == space { end -= 1 }
        return BlockHeader(length: length, name: name, argument: String(decoding: bytes[index..<end], as: UTF8.self), argumentOffset: index)
    }

    /// How many slashes `line` closes a block of, if it is a closing line (`[ ]{0,3}/{3,}[ ]*`).
    static func closingLength(_ line: some Collection<UInt8>) -> Int? {
        var index = line.startIndex
        var spaces = 0
        while index != line.endIndex, spaces < 3, line[index] == space {
            index = line.index(after: index)
            spaces += 1
        }
        var length = 0
        while index != line.endIndex, line[index] == slash {
            index = line.index(after: index)
            length += 1
        }
        guard length >= 3 else { return nil }
        while index != line.endIndex, line[index] == space || line[index] == cr { index = line.index(after: index) }
        return index == line.endIndex ? length : nil
    }

    /// Python's `\w` or `-` on bytes: ASCII letters, digits, `_`, `-`, and any non-ASCII byte.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private static let space = UInt8(ascii: " ")
    private static let slash = UInt8(ascii: "/")
    private static let pipe = UInt8(ascii: "|")
    private static let cr = UInt8(ascii: "\r")
}
