/// The UTF-8 bytes of a string, indexed by byte offset, without copying them: the parsed text
/// of a page is the string the caller already holds (for a big page, a copy as bytes would be
/// one more page of memory).
public struct TextBytes: RandomAccessCollection, Sendable {
    /// The string, made contiguous UTF-8 once, so reading it never copies.
    let text: String
    public let count: Int

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        count = text.utf8.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> UInt8 {
        let utf8 = text.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: position)]
    }

    public subscript(bounds: Range<Int>) -> Slice<TextBytes> { Slice(base: self, bounds: bounds) }

    /// Calls `body` with the bytes in place.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8(body)
    }

    /// Calls `body` with the bytes in place, untyped.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }
}
