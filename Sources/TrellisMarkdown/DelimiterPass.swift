/// One container's pairing, as Python-Markdown drives the delimiter pattern over its text: a
/// first pass over the container's text (`__handleInline`), then its tree processor's walk
/// (`InlineProcessor.run`), which hands the text and tail of every element inside an inline
/// element back to the patterns, so runs left unpaired the first time pair inside them.
struct DelimiterPass {
    /// An element of the tree being built: its text, its children, and its tail after it
    /// (ranges of the run's scalars).
    struct Element {
        /// `nil` for an element that was already there (an emphasis child) and for the root.
        var tag: InlineTag?
        var span: Range<Int>
        var text: Range<Int>
        var children: [Int] = []
        var tail: Range<Int>
    }

    let run: InlineRun
    let delimiters: [InlineDelimiter]
    /// Whether the container is an inline element (emphasis, a link, …), whose children
    /// Python-Markdown's tree walk visits, rather than a block.
    let inlineContainer: Bool
    let counts: DelimiterText.Counts
    var budget: Int
    var elements: [Element] = []
    /// Whether any pass made an element.
    var madeElement = false
    /// pymdownx's remainder: the token after the last element and the character before its run.
    var remainder: (token: Unicode.Scalar, before: Unicode.Scalar)?
    /// Tails re-read after an element nest at most this deep.
    static let maxTailDepth = 16

    init(run: InlineRun, delimiters: [InlineDelimiter], inlineContainer: Bool) {
        self.run = run
        self.delimiters = delimiters
        self.inlineContainer = inlineContainer
        counts = DelimiterText.Counts(run.scalars, tokens: delimiters.map(\.token))
        budget = 32 * run.scalars.count + 4096
    }

    /// The edits that rebuild the container, or `nil` when nothing changes. `nested` are the
    /// emphasis children of an emphasis container: Python-Markdown's emphasis pattern made them
    /// together with it, so the text between them is separate strings, not one with placeholders.
    /// `rereadText`: the container is an inline element inside another, whose visit reads the
    /// container's own text again.
    mutating func edits(nested: [NodeID], rereadText: Bool) -> [InlineEdit]? {
        let end = run.scalars.count
        var boundaries: [Range<Int>] = []
        for node in nested {
            guard let atoms = run.textAtoms[node] ?? run.elementAtom(of: node).map({ $0..<($0 + 1) }) else { continue }
            boundaries.append(run.firstScalar[atoms.lowerBound]..<run.firstScalar[atoms.upperBound])
        }
        let (head, tops) = firstPass(0..<(boundaries.first?.lowerBound ?? end), depth: 0)
        var children = tops
        for (index, boundary) in boundaries.enumerated() {
            let windowStart = boundary.upperBound
            let windowEnd = index + 1 < boundaries.count ? boundaries[index + 1].lowerBound : end
            let (tail, more) = firstPass(windowStart..<max(windowStart, windowEnd), depth: 0)
            elements.append(Element(tag: nil, span: boundary, text: boundary.upperBound..<boundary.upperBound, tail: tail))
            children.append(elements.count - 1)
            children += more
        }
        let escapedSpace = run.atoms.contains { $0.kind == .escapedSpace }
        guard madeElement || escapedSpace || inlineContainer else { return nil }
        elements.append(Element(tag: nil, span: 0..<end, text: head, children: children, tail: end..<end))
        let root = elements.count - 1
        expand(root)
        var queue: [Int] = []
        let ownText = elements[root].text
        if rereadText, !ownText.isEmpty {
            let (again, first) = firstPass(ownText, depth: 0)
            elements[root].text = again
            elements[root].children.insert(contentsOf: first, at: 0)
            queue += first
        }
        walk(queue + (inlineContainer ? [root] : elements[root].children.filter { elements[$0].tag != nil }))
        guard madeElement || escapedSpace else { return nil }
        return output(root: root)
    }

    /// `__handleInline` with the delimiter pattern over `window`: the text before the first
    /// element, and the elements made (each with its tail up to the next).
    private mutating func firstPass(_ window: Range<Int>, depth: Int) -> (Range<Int>, [Int]) {
        var text = DelimiterText(counts, window: window)
        var position = window.lowerBound
        var tops: [Int] = []
        while budget > 0, let token = text.nextToken(from: position) {
            let carried = remainder
            remainder = nil
            var previous: Unicode.Scalar?
            if let carried, token > text.start, text[token - 1] == PythonCharacter.placeholderEnd, text[token] == carried.token {
                previous = carried.before
            }
            var pairing = DelimiterPairing(delimiters: delimiters, text: text, budget: budget)
            let outcome = pairing.pair(at: token, previous: previous)
            budget = pairing.budget
            guard budget > 0 else { break }
            switch outcome {
            case .none(let resume):
                position = max(resume, token + 1)
            case .regions(let regions):
                var index = 0
                while index < regions.count {
                    let (built, count) = Self.build(regions, from: index, delimiters: delimiters)
                    index += max(count, 1)
                    guard !built.isEmpty else { continue }
                    madeElement = true
                    let top = add(built)
                    let end = elements[top].span.upperBound
                    if index >= regions.count {
                        // The rest of a closing run classifies by what preceded the run.
                        if end < text.end, let after = text[end], after == text[end - 1] {
                            var runStart = end - 1
                            while runStart > text.start, text[runStart - 1] == after { runStart -= 1 }
                            if runStart > text.start, let before = text[runStart - 1] { remainder = (after, before) }
                        }
                        // pymdownx's cache is empty again: the tails of its direct children are read afresh.
                        if depth < Self.maxTailDepth { retail(top, depth: depth) }
                    }
                    tops.append(top)
                    text.elementEnds.insert(end - 1)
                    position = end
                }
            }
        }
        // Each element's tail runs to the next one, the last one's to the end of the window.
        var head = window
        for (offset, top) in tops.enumerated() {
            if offset == 0 { head = window.lowerBound..<elements[top].span.lowerBound }
            let next = offset + 1 < tops.count ? elements[tops[offset + 1]].span.lowerBound : window.upperBound
            elements[top].tail = elements[top].span.upperBound..<max(elements[top].span.upperBound, next)
        }
        return (head, tops)
    }

    /// Adds `_build_element`'s elements to the tree; returns the top one.
    private mutating func add(_ built: [BuiltElement]) -> Int {
        let base = elements.count
        for element in built {
            let region = element.region
            elements.append(
                Element(
                    tag: element.tag, span: region.openStart..<region.closeEnd, text: element.text ?? region.openEnd..<region.openEnd,
                    children: element.children.map { $0 + base }, tail: element.tail ?? region.closeEnd..<region.closeEnd))
        }
        return base
    }

    /// The tails of a top element's direct children, read again: what pairs in a tail becomes
    /// siblings after that child.
    private mutating func retail(_ top: Int, depth: Int) {
        var index = 0
        while index < elements[top].children.count {
            let child = elements[top].children[index]
            let tail = elements[child].tail
            guard !tail.isEmpty else {
                index += 1
                continue
            }
            let (head, made) = firstPass(tail, depth: depth + 1)
            elements[child].tail = head
            elements[top].children.insert(contentsOf: made, at: index + 1)
            index += 1 + made.count
        }
    }

    /// Python-Markdown puts the elements of earlier patterns (code, links, emphasis, line
    /// breaks, icons…; not raw HTML, which stays a placeholder in the text) in as children
    /// once a pattern is done: the texts and tails under `root` are cut at them.
    private mutating func expand(_ root: Int) {
        var pending = [root]
        while let element = pending.popLast() {
            let (text, leading) = cut(elements[element].text)
            elements[element].text = text
            var children = leading
            for child in elements[element].children {
                children.append(child)
                if elements[child].tag != nil { pending.append(child) }
                let (tail, following) = cut(elements[child].tail)
                elements[child].tail = tail
                children += following
            }
            elements[element].children = children
        }
    }

    /// A range cut at the element atoms in it: the text before the first, and an element for
    /// each with its tail up to the next.
    private mutating func cut(_ range: Range<Int>) -> (Range<Int>, [Int]) {
        guard !range.isEmpty else { return (range, []) }
        var made: [Int] = []
        var head = range
        var scalar = range.lowerBound
        while scalar < range.upperBound {
            let atom = run.atomOfScalar[scalar]
            let next = run.firstScalar[atom + 1]
            if run.atoms[atom].kind == .element, !run.isTextPlaceholder(atom) {
                let span = scalar..<min(next, range.upperBound)
                if let last = made.last {
                    elements[last].tail = elements[last].tail.lowerBound..<scalar
                } else {
                    head = range.lowerBound..<scalar
                }
                elements.append(Element(tag: nil, span: span, text: span.upperBound..<span.upperBound, tail: span.upperBound..<range.upperBound))
                made.append(elements.count - 1)
            }
            scalar = max(next, scalar + 1)
        }
        return (head, made)
    }

    /// `InlineProcessor.run` after the first pass: each visited element's children have their
    /// text and tail read afresh; the elements made from a text are visited, and so are children
    /// that had children of their own. A block's top elements are visited (its own text was read
    /// once); an inline container is visited itself, so its top elements' texts are read again.
    private mutating func walk(_ start: [Int]) {
        var queue = start
        var next = 0
        while next < queue.count, budget > 0 {
            let visited = queue[next]
            next += 1
            var insertions: [(Int, [Int])] = []
            var index = 0
            while index < elements[visited].children.count, budget > 0 {
                let child = elements[visited].children[index]
                let text = elements[child].text
                if !text.isEmpty {
                    let (head, made) = firstPass(text, depth: 0)
                    elements[child].text = head
                    if !made.isEmpty {
                        queue += made
                        insertions.append((child, made))
                    }
                }
                let tail = elements[child].tail
                if !tail.isEmpty {
                    let (head, made) = firstPass(tail, depth: 0)
                    elements[child].tail = head
                    elements[visited].children.insert(contentsOf: made, at: index + 1)
                }
                if !elements[child].children.isEmpty { queue.append(child) }
                index += 1
            }
            for (element, made) in insertions { elements[element].children.insert(contentsOf: made, at: 0) }
        }
    }

    /// The tree as edits, in document order; `nil` if some range cannot be cut into atoms.
    /// pymdownx can pair one opening run twice and then writes text twice; here text is never
    /// taken twice (a range is clipped to what was not written yet), so nodes move, never copy.
    private func output(root: Int) -> [InlineEdit]? {
        var edits: [InlineEdit] = []
        var emitted = 0
        func text(_ range: Range<Int>) -> Bool {
            let range = max(range.lowerBound, emitted)..<max(range.upperBound, emitted)
            guard !range.isEmpty else { return true }
            guard let atoms = run.atoms(ofScalars: range) else { return false }
            emitted = range.upperBound
            edits.append(.atoms(atoms))
            return true
        }
        guard text(elements[root].text) else { return nil }
        // (element, next child); the root is written as its content only.
        var stack: [(Int, Int)] = [(root, 0)]
        while let (element, child) = stack.last {
            let children = elements[element].children
            if child < children.count {
                stack[stack.count - 1].1 += 1
                let inner = children[child]
                let span = elements[inner].span
                guard let tag = elements[inner].tag else {
                    // An element that was already there: itself, then its tail.
                    guard text(span), text(elements[inner].tail) else { return nil }
                    continue
                }
                emitted = max(emitted, span.lowerBound)
                edits.append(.open(.inlineTag(tag), run.atoms(ofScalars: span).flatMap { run.span(ofAtoms: $0) }, HTMLAttributes()))
                guard text(elements[inner].text) else { return nil }
                stack.append((inner, 0))
                continue
            }
            stack.removeLast()
            guard element != root else { break }
            edits.append(.close)
            emitted = max(emitted, elements[element].span.upperBound)
            guard text(elements[element].tail) else { return nil }
        }
        guard text(emitted..<max(emitted, run.scalars.count)) || emitted >= run.scalars.count else { return nil }
        return edits
    }
}
