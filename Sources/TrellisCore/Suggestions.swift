/// "Did you mean …" suggestions by edit distance, shared by every check that names things.
public enum Suggestions {
    /// The candidates closest to `name`, best first; only those close enough to be plausible.
    public static func closest(to name: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        closest(to: name, among: candidates.map(Candidate.init), limit: limit)
    }

    /// The farthest a suggestion is from the name, in edits.
    public static let maxDistance = 3

    /// A name prepared for comparing once, for a list compared with many names.
    public struct Candidate: Sendable {
        public let name: String
        let scalars: [Unicode.Scalar]

        public init(_ name: String) {
            self.name = name
            scalars = Array(name.lowercased().unicodeScalars)
        }

        /// Its length as names are compared (lowercased Unicode scalars).
        public var length: Int { scalars.count }
    }

    /// `closest(to:in:limit:)` over candidates prepared once.
    public static func closest(to name: String, among candidates: some Sequence<Candidate>, limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let maxDistance = max(1, min(Self.maxDistance, target.count / 3))
        var scored: [(Int, String)] = []
        var rows = Rows()
        for candidate in candidates {
            if abs(candidate.scalars.count - target.count) > maxDistance { continue }
            let d = distance(target, candidate.scalars, bound: maxDistance, rows: &rows)
            if d <= maxDistance { scored.append((d, candidate.name)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// The three rows of the distance table, kept between comparisons so that comparing a name
    /// with thousands of candidates allocates them once.
    struct Rows {
        var beforePrevious: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
    }

    /// Edit distance where a swap of two neighbouring characters counts as one edit (the
    /// commonest typo), with an early exit once every cell exceeds `bound`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        var rows = Rows()
        return distance(a, b, bound: bound, rows: &rows)
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int, rows: inout Rows) -> Int {
        // A common start costs nothing (names of one set share `material-` and the like) and is
        // skipped: an optimal alignment always matches it.
        var skip = 0
        while skip < a.count, skip < b.count, a[skip] == b[skip] { skip += 1 }
        let (m, n) = (a.count - skip, b.count - skip)
        if m == 0 { return n }
        if n == 0 { return m }
        let width = n + 1
        if rows.current.count < width {
            rows.beforePrevious = [Int](repeating: 0, count: width)
            rows.previous = [Int](repeating: 0, count: width)
            rows.current = [Int](repeating: 0, count: width)
        }
        for j in 0..<width {
            rows.beforePrevious[j] = 0
            rows.previous[j] = j
        }
        for i in 1...m {
            rows.current[0] = i
            var rowMin = rows.current[0]
            let x = a[skip + i - 1]
            for j in 1...n {
                let y = b[skip + j - 1]
                let cost = x == y ? 0 : 1
                var cell = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
                if i > 1, j > 1, x == b[skip + j - 2], a[skip + i - 2] == y {
                    cell = min(cell, rows.beforePrevious[j - 2] + 1)
                }
                rows.current[j] = cell
                rowMin = min(rowMin, cell)
            }
            if rowMin > bound { return rowMin }
            swap(&rows.beforePrevious, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[n]
    }

    /// "did you mean 'a' or 'b'?" or nil when there is nothing close.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String? {
        let found = closest(to: name, in: candidates)
        guard !found.isEmpty else { return nil }
        let quoted = found.map { "'\($0)'" }
        guard let last = quoted.last, quoted.count > 1 else { return quoted.first.map { "did you mean \($0)?" } }
        return "did you mean \(quoted.dropLast().joined(separator: ", ")) or \(last)?"
    }
}
