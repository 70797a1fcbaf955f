/// pymdown-extensions' `DelimiterProcessor` (13.1), the pairing of `==`, `^^`, `^`, `~~` and `~`
/// runs, ported step for step so the same text gives the same elements: one call pairs from a
/// first opening run on until no run is open, and gives the regions it paired.
///
/// The text is read through `character`, with the positions right after elements already made
/// reading as a placeholder's end, as Python-Markdown's text reads after it put them in.
/// Every lookup is O(1) (runs and spaces are counted ahead), so a call is linear in what it scans.
struct DelimiterPairing {
    /// An unpaired run: where its (remaining) tokens are, whether it could open or close, and its
    /// original and current length. `serial` stands in for Python's object identity.
    struct Entry: Equatable {
        var start: Int
        var end: Int
        var ambiguous: Bool
        var original: Int
        var current: Int
        var serial: Int
    }

    /// A paired region: opening tokens `open`, closing tokens `close`, of delimiter `delimiter`.
    struct Region {
        var openStart: Int
        var openEnd: Int
        var closeStart: Int
        var closeEnd: Int
        var delimiter: Int
        var size: Int
    }

    struct State {
        var stack: [Entry] = []
        var spaceTrack = 0
        var singles = 0
    }

    let delimiters: [InlineDelimiter]
    let text: DelimiterText
    private(set) var states: [State]
    private(set) var regions: [Region] = []
    private var containsSpace = (-1, -1)
    private var containsNonSpace = (-1, -1)
    private var searched: [Int: (depth: Int, serial: Int)] = [:]
    private var serial = 0
    /// Scanning steps left; when none are, the call gives up (no regions).
    var budget: Int

    init(delimiters: [InlineDelimiter], text: DelimiterText, budget: Int) {
        self.delimiters = delimiters
        self.text = text
        self.budget = budget
        states = Array(repeating: State(), count: delimiters.count)
    }

    private func delimiterIndex(of scalar: Unicode.Scalar?) -> Int? {
        guard let scalar else { return nil }
        return delimiters.firstIndex { $0.token == scalar }
    }

    private func boundary(at index: Int, previous: Unicode.Scalar? = nil) -> (delimiter: Int, flank: InlineDelimiter.Flank, end: Int)? {
        guard let which = delimiterIndex(of: text[index]) else { return nil }
        let read: (Int) -> Unicode.Scalar? = { position in
            if position == index - 1, let previous { return previous }
            return text[position]
        }
        guard let (flank, end) = delimiters[which].boundary(at: index, character: read, runEnd: text.runEnd(from: index)) else { return nil }
        return (which, flank, end)
    }

    private var anyOpen: Bool { states.contains { !$0.stack.isEmpty } }

    private mutating func nextSerial() -> Int {
        serial += 1
        return serial
    }

    /// `search`: the next run from `start` that matches a boundary, skipping closers of
    /// delimiters with nothing open.
    private mutating func search(from start: Int) -> (delimiter: Int, flank: InlineDelimiter.Flank, start: Int, end: Int)? {
        var index = start
        while index < text.end {
            budget -= 1
            if budget <= 0 { return nil }
            guard let next = text.nextToken(from: index) else { return nil }
            index = next
            if let (which, flank, end) = boundary(at: index) {
                if states[which].stack.isEmpty && flank == .end {
                    index += 1
                    continue
                }
                return (which, flank, index, end)
            }
            index += 1
        }
        return nil
    }

    private mutating func addRegion(_ delimiter: Int, _ a: Int, _ b: Int, _ c: Int, _ d: Int, _ size: Int) {
        regions.append(Region(openStart: a, openEnd: b, closeStart: c, closeEnd: d, delimiter: delimiter, size: size))
        for other in states.indices {
            while let top = states[other].stack.last, top.start >= a, top.start <= d - 1 {
                states[other].stack.removeLast()
                decrementSpaceTrackers(other, top.current)
            }
        }
    }

    private mutating func incrementSpaceTrackers(_ delimiter: Int, _ length: Int) {
        guard delimiters[delimiter].noSpace, !delimiters[delimiter].single else { return }
        if length == 1 { states[delimiter].singles += 1 }
        if length != 2 { states[delimiter].spaceTrack += 1 }
    }

    private mutating func decrementSpaceTrackers(_ delimiter: Int, _ length: Int) {
        guard delimiters[delimiter].noSpace, !delimiters[delimiter].single else { return }
        if length == 1 { states[delimiter].singles -= 1 }
        if length != 2 { states[delimiter].spaceTrack -= 1 }
    }

    private mutating func resetDelimiter(_ delimiter: Int) {
        states[delimiter] = State()
    }

    private func othersOpen(than delimiter: Int) -> Bool {
        states.indices.contains { $0 != delimiter && !states[$0].stack.isEmpty }
    }

    /// `check_space`, with its memory of ranges known to hold a space or none (which it trusts
    /// for any range overlapping them, as pymdownx does).
    private mutating func checkSpace(_ s: Int, _ endExclusive: Int) -> Bool {
        let e = endExclusive - 1
        let (p1, p2) = containsSpace
        if max(s, p1) <= min(e, p2) {
            if p1 == -1 || s < p1 { containsSpace.0 = s }
            if p2 == -1 || e > p2 { containsSpace.1 = e }
            return true
        }
        let (p3, p4) = containsNonSpace
        if max(s, p3) <= min(e, p4) {
            if p3 == -1 || s < p4 { containsNonSpace.0 = s }
            if p4 == -1 || e > p4 { containsNonSpace.1 = e }
            return false
        }
        let hasSpace = text.containsSpace(s..<(e + 1))
        if hasSpace {
            if p1 == -1 || s < p1 { containsSpace.0 = s }
            if p2 == -1 || e > p2 { containsSpace.1 = e }
        } else {
            if p3 == -1 || s < p3 { containsNonSpace.0 = s }
            if p4 == -1 || e > p4 { containsNonSpace.1 = e }
        }
        return hasSpace
    }

    private static func ruleOf3(_ opener: Int, _ closer: Int) -> Bool {
        (opener + closer) % 3 == 0 && (opener % 3 != 0 || closer % 3 != 0)
    }

    /// What one fresh call gives.
    enum Outcome {
        /// No pair: go on scanning at `resume`.
        case none(resume: Int)
        /// Paired regions, sorted by start.
        case regions([Region])
    }

    /// `_handle_match` with an empty cache, for the token at `position`; `previous` stands in for
    /// the character before it (pymdownx's remainder of a closing run).
    mutating func pair(at position: Int, previous: Unicode.Scalar?) -> Outcome {
        guard let first = boundary(at: position, previous: previous) else { return .none(resume: text.runEnd(from: position)) }
        guard first.flank != .end else { return .none(resume: first.end) }
        let which = first.delimiter
        var start = position
        var end = first.end
        let length = end - start
        if delimiters[which].double && length < 2 { return .none(resume: position + 1) }
        states[which].stack.append(Entry(start: start, end: start + length, ambiguous: first.flank != .start, original: length, current: length, serial: nextSerial()))
        incrementSpaceTrackers(which, length)

        pairing: while anyOpen {
            guard let found = search(from: end) else { break }
            let delim = found.delimiter
            start = found.start
            end = found.end
            var current = end - start
            var isStart = found.flank != .end
            var isEnd = !isStart || found.flank != .start
            let isAmbiguous = isStart && isEnd
            var last = states[delim].stack.last?.current ?? 0

            if let top = states[delim].stack.last, isAmbiguous, current != last, Self.ruleOf3(top.original, current) {
                var lowest = 0
                let key = Int(delimiters[delim].token.value) << 32 | current
                let stack = states[delim].stack
                if let memo = searched[key], memo.depth < stack.count, memo.depth >= 1, stack[memo.depth - 1].serial == memo.serial {
                    lowest = memo.depth
                }
                var matched = false
                var i = stack.count - 2
                while i >= lowest {
                    if stack[i].current == current && !Self.ruleOf3(stack[i].original, current) {
                        while states[delim].stack.count > i + 1 {
                            let popped = states[delim].stack.removeLast()
                            decrementSpaceTrackers(delim, popped.current)
                        }
                        last = current
                        matched = true
                        break
                    }
                    i -= 1
                }
                if !matched, stack.count > 1 { searched[key] = (stack.count - 1, stack[stack.count - 2].serial) }
            }

            if let top = states[delim].stack.last, isEnd,
                (current > last && (!isAmbiguous || !Self.ruleOf3(top.original, current))) || current == last || current >= 3
            {
                isStart = false
                let original = current
                let furthest = top
                while !states[delim].stack.isEmpty && current > 0 && last <= current {
                    var okay = true
                    var delimiter = states[delim].stack.removeLast()
                    if delimiters[delim].noSpace {
                        while true {
                            okay = !((states[delim].spaceTrack != 0 || delimiters[delim].single || current == 1) && checkSpace(delimiter.end, start))
                            decrementSpaceTrackers(delim, delimiter.current)
                            if !okay, let next = states[delim].stack.popLast() {
                                delimiter = next
                                last = delimiter.current
                                continue
                            }
                            break
                        }
                    }
                    if !okay {
                        // pymdownx's `continue` here goes on with this loop, which ends: the stack is empty.
                        if othersOpen(than: delim) {
                            resetDelimiter(delim)
                            continue
                        }
                        states[delim].stack.append(furthest)
                        break
                    }
                    let size = min(delimiter.current, delimiters[delim].maxSize)
                    addRegion(delim, delimiter.end - size, delimiter.end, start, start + size, size)
                    start += size
                    current -= size
                    if size < delimiter.current && (!delimiters[delim].double || delimiter.current - size != 1) {
                        let remaining = delimiter.current - size
                        states[delim].stack.append(
                            Entry(start: delimiter.start, end: delimiter.end - size, ambiguous: delimiter.ambiguous, original: delimiter.original, current: remaining, serial: nextSerial()))
                        incrementSpaceTrackers(delim, remaining)
                    }
                    if states[delim].stack.isEmpty {
                        if othersOpen(than: delim) {
                            resetDelimiter(delim)
                            continue
                        }
                        isEnd = false
                        break
                    }
                    last = states[delim].stack.last?.current ?? 0
                }
                if original >= 3 && current > 0 && isAmbiguous {
                    states[delim].stack.append(
                        Entry(start: found.start + (original - current), end: end, ambiguous: false, original: original, current: current, serial: nextSerial()))
                    incrementSpaceTrackers(delim, current)
                    isEnd = false
                } else {
                    isEnd = current > 0 && !states[delim].stack.isEmpty && last > current
                }
            }

            if !states[delim].stack.isEmpty, isEnd, last >= 3 || !isAmbiguous, last > current {
                var delimiter = states[delim].stack.removeLast()
                while !states[delim].stack.isEmpty && delimiter.current != 3 && delimiter.ambiguous {
                    decrementSpaceTrackers(delim, delimiter.current)
                    delimiter = states[delim].stack.removeLast()
                    last = delimiter.current
                }
                if delimiter.ambiguous && delimiter.current != 3 {
                    if othersOpen(than: delim) {
                        resetDelimiter(delim)
                        continue pairing
                    }
                    break pairing
                }
                var ignore = false
                if delimiters[delim].noSpace, current == 1 || delimiters[delim].single, checkSpace(delimiter.end, start) {
                    states[delim].stack.append(delimiter)
                    ignore = true
                }
                if !ignore {
                    decrementSpaceTrackers(delim, delimiter.current)
                    isStart = false
                    let ds = delimiter.start
                    var de = delimiter.end
                    while current > 0 && (!delimiters[delim].double || current != 1) {
                        let size = min(current, delimiters[delim].maxSize)
                        let new = last - size
                        addRegion(delim, ds + new, de, start, start + size, size)
                        start += size
                        current -= size
                        last -= size
                        de -= size
                    }
                    if last > 0 && (!delimiters[delim].double || last > 1) {
                        states[delim].stack.append(Entry(start: ds, end: de, ambiguous: false, original: delimiter.original, current: last, serial: nextSerial()))
                        incrementSpaceTrackers(delim, last)
                    }
                }
            }

            if isStart && (!delimiters[delim].double || current != 1) {
                if delimiters[delim].noSpace, states[delim].spaceTrack != 0 || delimiters[delim].single,
                    let top = states[delim].stack.last, checkSpace(top.end, start)
                {
                    if states[delim].spaceTrack > 1 || states[delim].singles != 0 || delimiters[delim].single {
                        if !othersOpen(than: delim) { break pairing }
                        resetDelimiter(delim)
                    }
                    continue pairing
                }
                states[delim].stack.append(Entry(start: start, end: end, ambiguous: isAmbiguous, original: current, current: current, serial: nextSerial()))
                incrementSpaceTrackers(delim, current)
            }
        }

        if !regions.isEmpty, budget > 0 {
            return .regions(regions.sorted { $0.openStart < $1.openStart })
        }
        // Python's stable sort by start: equal starts keep the delimiters' and the stacks' order.
        let leftover = states.flatMap(\.stack).enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        let resume = leftover.count > 1 ? (leftover.last?.end ?? position + 1) : position + 1
        return .none(resume: max(resume, position + 1))
    }
}
