extension YAMLBounds {
    /// Counts a document's values, event by event, as a consumer that expands aliases sees
    /// them: a collection is itself plus its items, an alias is the size of its anchor's node.
    /// Each event is O(1) (an alias adds its anchor's recorded size), whatever it expands to.
    struct ExpansionCounter {
        /// Size and depth (collections nested in it, itself included) of a finished node, as an
        /// alias to it would expand.
        private struct Extent {
            var size = 1
            var depth = 0
        }

        private struct Frame {
            var extent = Extent(size: 1, depth: 1)
            var anchor: String?
        }

        /// The bound known before the end (from the text's length): passing it stops the scan.
        let earlyLimit: Int
        private var frames: [Frame] = []
        private var anchors: [String: Extent] = [:]
        /// Values as written (an alias is one).
        private var written = 0
        /// Values with every alias expanded.
        private var expanded = 0
        /// The expanded count after each alias, and where it is, to point at the alias that
        /// went past the bound known only at the end (it depends on the values written).
        private var aliases: [(expanded: Int, line: Int, column: Int)] = []

        init(earlyLimit: Int) {
            self.earlyLimit = earlyLimit
        }

        mutating func value(anchor: String?) -> String? {
            written += 1
            expanded += 1
            if let anchor { anchors[anchor] = Extent() }
            return attach(Extent())
        }

        mutating func open(anchor: String?) -> String? {
            written += 1
            expanded += 1
            frames.append(Frame(anchor: anchor))
            if frames.count > maxDepth { return tooDeep }
            return expanded > earlyLimit ? tooLarge(earlyLimit) : nil
        }

        mutating func close() -> String? {
            guard let frame = frames.popLast() else { return nil }
            if let anchor = frame.anchor { anchors[anchor] = frame.extent }
            return attach(frame.extent)
        }

        /// An alias to an anchor not defined yet is counted as one value: Yams rejects it.
        mutating func alias(_ name: String?, at mark: (line: Int, column: Int)) -> String? {
            written += 1
            let extent = name.flatMap { anchors[$0] } ?? Extent()
            expanded += extent.size
            aliases.append((expanded, mark.line, mark.column))
            return attach(extent)
        }

        /// Adds a finished node to the collection it is in, checking both bounds.
        private mutating func attach(_ extent: Extent) -> String? {
            if frames.count + extent.depth > maxDepth { return tooDeep }
            if expanded > earlyLimit { return tooLarge(earlyLimit) }
            if let last = frames.indices.last {
                frames[last].extent.size += extent.size
                frames[last].extent.depth = max(frames[last].extent.depth, extent.depth + 1)
            }
            return nil
        }

        /// The bound that depends on the values written, checked once they are all known.
        func finish() -> Violation? {
            let limit = YAMLBounds.limit(forWritten: written)
            guard expanded > limit else { return nil }
            let culprit = aliases.first { $0.expanded > limit }
            return Violation(message: tooLarge(limit), line: culprit?.line ?? 1, column: culprit?.column ?? 1)
        }
    }
}
