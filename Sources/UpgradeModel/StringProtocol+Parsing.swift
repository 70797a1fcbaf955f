extension StringProtocol {
    /// Whether the text is one or more ASCII digits (what versions, days and clock times are
    /// made of; `Int(_:)` alone would also take a sign).
    var isASCIIDigits: Bool {
        !isEmpty && allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
