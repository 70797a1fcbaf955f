/// magiclink's bare link and e-mail patterns (`RE_LINK` with its domain, path and trailing
/// rules, and `RE_MAIL`), matched by hand on the text an `InlineRun` reads: leftmost first, as
/// `finditer` finds them, in time linear in the text.
struct MagicLinkMatcher {
    /// The text; what an earlier match took reads as a placeholder (`STX…ETX`).
    private(set) var scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func at(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// Makes `range` read as a placeholder for the patterns that run after the one that took it.
    mutating func take(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        for index in range { scalars[index] = PythonCharacter.placeholderStart }
        scalars[range.upperBound - 1] = PythonCharacter.placeholderEnd
    }

    /// A bare link: its range, and whether it starts `www.` (its `href` then gets `http://`).
    struct Link {
        var range: Range<Int>
        var www: Bool
        /// Where the text after `scheme://` (or `www.`) starts.
        var afterScheme: Int
    }

    /// `MagiclinkPattern` over the whole text. Each candidate reads on to the next space, so
    /// the work is bounded (a text of nested `(http://(http://…` candidates, quadratic in
    /// Python, stops being searched once the budget is spent).
    mutating func links() -> [Link] {
        var found: [Link] = []
        var budget = 8 * scalars.count + 4096
        var index = 0
        while index < scalars.count, budget > 0 {
            guard let (prefixEnd, www) = linkStart(at: index) else {
                index += 1
                continue
            }
            guard let end = linkEnd(start: index, floor: prefixEnd, budget: &budget) else {
                index = prefixEnd
                continue
            }
            found.append(Link(range: index..<end, www: www, afterScheme: www ? index : prefixEnd))
            take(index..<end)
            index = end
        }
        return found
    }

    /// `(?<![^\s*_~^[('"\x03])(?:(?:ht|f)tps?://|w{3}\.)` (case-insensitive) at `index`.
    private func linkStart(at index: Int) -> (Int, Bool)? {
        if let previous = at(index - 1) {
            switch previous {
            case "*", "_", "~", "^", "[", "(", "'", "\"", PythonCharacter.placeholderEnd: break
            default: guard PythonCharacter.isSpace(previous) else { return nil }
            }
        }
        func matches(_ text: String, from start: Int) -> Int? {
            var position = start
            for expected in text.unicodeScalars {
                guard let scalar = at(position), Self.lowercased(scalar) == expected else { return nil }
                position += 1
            }
            return position
        }
        for scheme in ["http://", "https://", "ftp://", "ftps://"] {
            if let end = matches(scheme, from: index) { return (end, false) }
        }
        if let end = matches("www.", from: index) { return (end, true) }
        return nil
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }

    /// The end of the link whose domain starts at `floor`, after magiclink drops what may not
    /// end a link; `nil` when there is no domain or its last two labels hold an underscore.
    private func linkEnd(start: Int, floor: Int, budget: inout Int) -> Int? {
        guard let first = at(floor), PythonCharacter.isWord(first), first != "_" else { return nil }
        var domainEnd = floor + 1
        while let scalar = at(domainEnd), scalar == "-" || scalar == "." || PythonCharacter.isWord(scalar) { domainEnd += 1 }
        var end = floor
        while let scalar = at(end), !PythonCharacter.isSpace(scalar), scalar != "<",
            scalar != PythonCharacter.placeholderStart, scalar != PythonCharacter.placeholderEnd
        {
            end += 1
        }
        budget -= 2 * (end - start) + 1
        var closers: [Unicode.Scalar: (closing: Int, opening: Int)]?
        while end > floor, let last = at(end - 1) {
            if "?!.,:*_~^'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ";" {
                // An entity-like `&name;` at the end goes, else just the `;`.
                var index = end - 2
                while index >= floor, let scalar = at(index), PythonCharacter.isAlphanumeric(scalar) { index -= 1 }
                end = index < end - 2 && index >= floor && at(index) == "&" ? index : end - 1
            } else if last == ")" || last == "]" {
                if closers == nil {
                    var counts: [Unicode.Scalar: (closing: Int, opening: Int)] = [")": (0, 0), "]": (0, 0)]
                    for scalar in scalars[start..<end] {
                        switch scalar {
                        case ")": counts[")"]?.closing += 1
                        case "(": counts[")"]?.opening += 1
                        case "]": counts["]"]?.closing += 1
                        case "[": counts["]"]?.opening += 1
                        default: break
                        }
                    }
                    closers = counts
                }
                guard let count = closers?[last], count.closing > count.opening else { break }
                closers?[last]?.closing -= 1
                end -= 1
            } else {
                break
            }
        }
        // The domain's last two labels may not hold an underscore.
        let labels = scalars[floor..<min(end, domainEnd)].split(separator: ".", omittingEmptySubsequences: false)
        guard !labels.suffix(2).contains(where: { $0.contains("_") }) else { return nil }
        return end
    }

    /// `MagiclinkMailPattern` over the whole text (after the links took theirs).
    mutating func mails() -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard let end = mail(at: index) else {
                index += 1
                continue
            }
            found.append(index..<end)
            take(index..<end)
            index = end
        }
        return found
    }

    /// `[-+a-z\d_]`, `[-a-z\d_]` (case-insensitive; `\d` any decimal digit).
    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "+" || isDomain(scalar)
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || PythonCharacter.isASCIILetter(scalar) || PythonCharacter.isDigit(scalar)
    }

    /// `RE_MAIL` at `start`: the end of the address, if one starts there.
    private func mail(at start: Int) -> Int? {
        guard let first = at(start), Self.isLocal(first) else { return nil }
        if let previous = at(start - 1) {
            if previous == "/" || previous == "@" || Self.isLocal(previous) { return nil }
            if previous == ".", let before = at(start - 2), Self.isLocal(before) { return nil }
        }
        // The local part: local characters and single dots, not ending with one.
        var index = start + 1
        while let scalar = at(index) {
            if Self.isLocal(scalar) {
                index += 1
            } else if scalar == ".", at(index + 1) != "." {
                index += 1
            } else {
                break
            }
        }
        guard at(index) == "@", at(index - 1) != "." else { return nil }
        // The first domain label and its dot.
        var position = index + 1
        let labelStart = position
        while let scalar = at(position), Self.isDomain(scalar) { position += 1 }
        guard position > labelStart, at(position) == "." else { return nil }
        let rest = position + 1
        // The rest: domain characters and single dots; it must end with a letter at a word
        // boundary, followed by neither `-` nor `@` (the last such place, as the regex backtracks).
        var runEnd = rest
        while let scalar = at(runEnd) {
            if Self.isDomain(scalar) {
                runEnd += 1
            } else if scalar == ".", at(runEnd - 1) != ".", at(runEnd + 1) != "." {
                runEnd += 1
            } else {
                break
            }
        }
        var end = runEnd
        while end > rest {
            if let last = at(end - 1), PythonCharacter.isASCIILetter(last) {
                let next = at(end)
                let boundary = next.map { !PythonCharacter.isWord($0) } ?? true
                if boundary && next != "-" && next != "@" { return end }
            }
            end -= 1
        }
        return nil
    }
}
