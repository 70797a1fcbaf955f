/// Finds a pattern in text in time linear in both (Knuth–Morris–Pratt), as CPython's own
/// search is for long patterns, so `replace` and `in` cannot be made quadratic.
///
/// It works on UTF-8 bytes: UTF-8 is self-synchronising, so a match of a whole pattern always
/// starts and ends on code point boundaries and the results are those Python's code point
/// search gives.
struct SubstringSearch {
    let pattern: [UInt8]
    /// For each prefix length, the length of its longest proper border.
    private let borders: [Int]

    /// `pattern` must not be empty.
    init(_ pattern: [UInt8]) {
        self.pattern = pattern
        var borders = [Int](repeating: 0, count: pattern.count + 1)
        var k = 0
        for i in 1..<max(1, pattern.count) {
            while k > 0, pattern[i] != pattern[k] { k = borders[k] }
            if pattern[i] == pattern[k] { k += 1 }
            borders[i + 1] = k
        }
        self.borders = borders
    }

    /// The start offsets of the leftmost non-overlapping matches in `text`, at most `limit`.
    func matches(in text: some Collection<UInt8>, limit: Int = .max) -> [Int] {
        var found: [Int] = []
        guard !pattern.isEmpty, limit > 0 else { return found }
        var k = 0
        for (i, byte) in text.enumerated() {
            while k > 0, byte != pattern[k] { k = borders[k] }
            if byte == pattern[k] { k += 1 }
            if k == pattern.count {
                found.append(i + 1 - k)
                if found.count == limit { break }
                k = 0  // non-overlapping: the next match starts after this one
            }
        }
        return found
    }
}
