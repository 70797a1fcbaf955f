/// The text `DelimiterPairing` reads: a window of an `InlineRun`'s scalars (a window is its own
/// string to the patterns: `^` and `$` at its ends), with what it needs counted ahead so every
/// lookup is O(1), and the last characters of elements already made reading as a placeholder's
/// end, as in the text Python-Markdown hands on after it put an element in.
struct DelimiterText {
    /// What a whole run holds, shared by its windows.
    struct Counts {
        let scalars: [Unicode.Scalar]
        /// For each index, the end of the run of equal characters starting there.
        let runEnds: [Int]
        /// For each index, the first index at or after it holding a token (`scalars.count` if none).
        let nextTokens: [Int]
        /// Spaces before each index.
        let spaces: [Int]

        init(_ scalars: [Unicode.Scalar], tokens: [Unicode.Scalar]) {
            self.scalars = scalars
            var runEnds = Array(repeating: scalars.count, count: scalars.count)
            var nextTokens = Array(repeating: scalars.count, count: scalars.count + 1)
            var index = scalars.count - 1
            while index >= 0 {
                if index + 1 < scalars.count, scalars[index + 1] == scalars[index] { runEnds[index] = runEnds[index + 1] } else { runEnds[index] = index + 1 }
                nextTokens[index] = tokens.contains(scalars[index]) ? index : nextTokens[index + 1]
                index -= 1
            }
            var spaces = [0]
            spaces.reserveCapacity(scalars.count + 1)
            for scalar in scalars { spaces.append((spaces.last ?? 0) + (PythonCharacter.isSpace(scalar) ? 1 : 0)) }
            self.runEnds = runEnds
            self.nextTokens = nextTokens
            self.spaces = spaces
        }
    }

    let counts: Counts
    let start: Int
    let end: Int
    /// Indices that read as `ETX` (the last character of an element already made).
    var elementEnds: Set<Int> = []

    init(_ counts: Counts, window: Range<Int>) {
        self.counts = counts
        start = max(0, window.lowerBound)
        end = min(counts.scalars.count, max(start, window.upperBound))
    }

    subscript(index: Int) -> Unicode.Scalar? {
        guard index >= start, index < end else { return nil }
        return elementEnds.contains(index) ? PythonCharacter.placeholderEnd : counts.scalars[index]
    }

    /// The end of the run of equal characters starting at `index`, within the window.
    func runEnd(from index: Int) -> Int {
        guard index >= start, index < end else { return index }
        return min(counts.runEnds[index], end)
    }

    /// The first token at or after `index` in the window.
    func nextToken(from index: Int) -> Int? {
        let from = max(index, start)
        guard from < end else { return nil }
        let found = counts.nextTokens[from]
        return found < end ? found : nil
    }

    /// Whether `range` holds a space (`\s`).
    func containsSpace(_ range: Range<Int>) -> Bool {
        let lower = max(start, min(range.lowerBound, end)), upper = max(lower, min(range.upperBound, end))
        return counts.spaces[upper] - counts.spaces[lower] > 0
    }
}
