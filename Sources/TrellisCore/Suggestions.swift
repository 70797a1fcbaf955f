/// "Did you mean …" suggestions by edit distance, shared by every check that names things.
public enum Suggestions {
    /// The candidates closest to `name`, best first; only those close enough to be plausible.
    public static func closest(to name: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let maxDistance = max(1, min(3, target.count / 3))
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - target.count) > maxDistance { continue }
            let d = distance(target, c, bound: maxDistance)
            if d <= maxDistance { scored.append((d, candidate)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// Edit distance where a swap of two neighbouring characters counts as one edit (the
    /// commonest typo), with an early exit once every cell exceeds `bound`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > bound { return rowMin }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
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
