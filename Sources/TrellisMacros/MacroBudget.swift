import TrellisCore

/// The work one page's macros may still do, and the size checks every value-building operation
/// makes before it allocates (`MacroLimits`).
///
/// Operations spend what they build, print, filter or compare before doing it: a byte of text
/// costs 1, a value in a list or visited by a comparison `itemCost`, so a page's macros finish
/// in time proportional to `MacroLimits.maxPageWork` at most.
struct MacroBudget {
    /// What one value costs: its size in memory.
    static let itemCost = MemoryLayout<Value>.stride

    private(set) var remaining = MacroLimits.maxPageWork

    /// Whether the page has used up its work; its remaining macros are not evaluated.
    var isExhausted: Bool { remaining < 0 }

    mutating func spend(_ units: Int) throws(MacroOperationError) {
        guard units <= remaining else {
            remaining = -1
            throw .limit(
                "this page's macros would process more than \(Self.mebibytes(MacroLimits.maxPageWork)) of values")
        }
        remaining -= units
    }

    /// Spends and checks a string of `bytes` UTF-8 bytes about to be built; nil is a size
    /// that does not even fit in an `Int`.
    mutating func build(stringBytes bytes: Int?) throws(MacroOperationError) {
        guard let bytes, bytes <= MacroLimits.maxStringBytes else {
            throw Self.stringTooLong(bytes.map { "\($0) bytes" } ?? "more bytes than fit in 64 bits")
        }
        try spend(bytes)
    }

    /// Spends and checks a list of `count` items about to be built (nil: beyond `Int`).
    mutating func build(listCount count: Int?) throws(MacroOperationError) {
        guard let count, count <= MacroLimits.maxListCount else {
            let size = count.map { "\($0) items" } ?? "more items than fit in 64 bits"
            throw .limit("the result would be a list of \(size); Trellis allows at most \(MacroLimits.maxListCount)")
        }
        try spend(count * Self.itemCost)
    }

    static func stringTooLong(_ size: String) -> MacroOperationError {
        .limit("the result would be a string of \(size); Trellis allows at most \(mebibytes(MacroLimits.maxStringBytes))")
    }

    /// `n × size`, or nil when it overflows.
    static func product(_ n: Int, _ size: Int) -> Int? {
        let (result, overflow) = n.multipliedReportingOverflow(by: size)
        return overflow ? nil : result
    }

    /// `a + b`, or nil when it overflows.
    static func sum(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : result
    }

    static func mebibytes(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}
