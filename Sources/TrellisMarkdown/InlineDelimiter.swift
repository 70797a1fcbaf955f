/// One delimiter of pymdown-extensions' `DelimiterProcessor`: `=` for `pymdownx.mark`, `^` for
/// `pymdownx.caret`, `~` for `pymdownx.tilde`, with the options that shape its patterns.
public struct InlineDelimiter: Hashable, Sendable {
    /// Which of pymdownx's three boundary pattern sets the delimiter uses.
    enum Patterns: Hashable, Sendable {
        /// The default (`smart_*: false`).
        case plain
        /// `smart_mark`, or `smart_insert`/`smart_delete` without `no_space`: no intraword delimiters.
        case smart
        /// `smart_insert`/`smart_delete` with `no_space` and both tags: runs of three, two and one.
        case smartBySize
    }

    /// The token character.
    let token: Unicode.Scalar
    /// The element of a pair of double tokens and of single ones (the same when only one is on).
    let doubleTag: InlineTag
    let singleTag: InlineTag
    /// Whether only doubled tokens count (`==mark==`, or `^^ins^^` without superscript).
    let double: Bool
    /// Whether only single tokens count (`^sup^` without insert).
    let single: Bool
    /// Pandoc's rule for single-token spans: no unescaped space inside (`^a b^` stays text).
    let noSpace: Bool
    /// Whether Unicode punctuation next to a run counts as its flank (pymdownx's `punct`).
    let punctuation: Bool
    let patterns: Patterns
    /// At most this many tokens of a run pair at once.
    var maxSize: Int { double || !single ? 2 : 1 }

    /// `pymdownx.mark` (`smart_mark`).
    public static func mark(smart: Bool = false) -> InlineDelimiter {
        InlineDelimiter(
            token: "=", doubleTag: .mark, singleTag: .mark, double: true, single: false, noSpace: false, punctuation: true,
            patterns: smart ? .smart : .plain)
    }

    /// `pymdownx.caret` (`insert`, `superscript`, `smart_insert`, `no_space`, `punctuation`);
    /// `nil` when both elements are off.
    public static func caret(insert: Bool = true, superscript: Bool = true, smart: Bool = false, noSpace: Bool = true, punctuation: Bool = false) -> InlineDelimiter? {
        paired("^", doubled: insert ? .ins : nil, single: superscript ? .sup : nil, smart: smart, noSpace: noSpace, punctuation: punctuation)
    }

    /// `pymdownx.tilde` (`delete`, `subscript`, `smart_delete`, `no_space`, `punctuation`);
    /// `nil` when both elements are off.
    public static func tilde(delete: Bool = true, subscript subscripts: Bool = true, smart: Bool = false, noSpace: Bool = true, punctuation: Bool = false) -> InlineDelimiter? {
        paired("~", doubled: delete ? .del : nil, single: subscripts ? .sub : nil, smart: smart, noSpace: noSpace, punctuation: punctuation)
    }

    private static func paired(
        _ token: Unicode.Scalar, doubled: InlineTag?, single: InlineTag?, smart: Bool, noSpace: Bool, punctuation: Bool
    ) -> InlineDelimiter? {
        switch (doubled, single) {
        case let (doubled?, single?):
            return InlineDelimiter(
                token: token, doubleTag: doubled, singleTag: single, double: false, single: false, noSpace: noSpace,
                punctuation: punctuation, patterns: smart ? (noSpace ? .smartBySize : .smart) : .plain)
        case let (doubled?, nil):
            // pymdownx forces punctuation rules on and ignores `no_space` for a doubled-only token.
            return InlineDelimiter(
                token: token, doubleTag: doubled, singleTag: doubled, double: true, single: false, noSpace: false,
                punctuation: true, patterns: smart ? .smart : .plain)
        case let (nil, single?):
            return InlineDelimiter(
                token: token, doubleTag: single, singleTag: single, double: false, single: true, noSpace: noSpace,
                punctuation: punctuation, patterns: smart ? .smart : .plain)
        case (nil, nil):
            return nil
        }
    }

    /// How a run of tokens reads where it stands: the first letter of the regex group pymdownx
    /// matched (`ambiguous`, `end`, `start`).
    enum Flank {
        case ambiguous, end, start
    }

    /// The boundary pattern matched at `index` (which holds the token): the flank and the end of
    /// the match, or `nil` when no alternative matches. `character` reads the text (`nil` out of
    /// it: `^` and `$`), `runEnd` gives the end of the token run starting at an index.
    func boundary(at index: Int, character: (Int) -> Unicode.Scalar?, runEnd: Int) -> (Flank, Int)? {
        let previous = character(index - 1)
        let stx = PythonCharacter.placeholderStart, etx = PythonCharacter.placeholderEnd
        func isFlankBlocker(_ scalar: Unicode.Scalar) -> Bool {
            PythonCharacter.isSpace(scalar) || scalar == token || (punctuation && PythonCharacter.isPunctuation(scalar))
        }
        // `(?<!^)(?<![\s T P])` and `(?![\s T P])(?!$)`.
        func open(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { !isFlankBlocker($0) } ?? false }
        func isPunct(_ scalar: Unicode.Scalar?) -> Bool { scalar.map(PythonCharacter.isPunctuation) ?? false }
        func startGuard() -> Bool {
            // `(?:(?<=_)|(?<![\w T]))` (just the second for `_`).
            guard let previous else { return true }
            if previous == "_" && token != "_" { return true }
            return !(PythonCharacter.isWord(previous) || previous == token)
        }
        func endGuard(_ next: Unicode.Scalar?) -> Bool {
            guard let next else { return true }
            if next == "_" && token != "_" { return true }
            return !(PythonCharacter.isWord(next) || next == token)
        }
        // The alternatives every set shares, for a match ending at `end`.
        func punctuationAmbiguous(_ next: Unicode.Scalar?) -> Bool {
            guard let previous, let next else { return false }
            return (isPunct(previous) || previous == etx) && previous != token && next != token && (isPunct(next) || next == stx)
        }
        func punctuationEnd(_ next: Unicode.Scalar?) -> Bool {
            guard let previous, isPunct(previous), previous != token else { return false }
            guard let next else { return true }
            return next != token && (PythonCharacter.isSpace(next) || next == stx || isPunct(next))
        }
        func punctuationStart(_ next: Unicode.Scalar?) -> Bool {
            if let previous, !(PythonCharacter.isSpace(previous) || previous == etx || isPunct(previous)) || previous == token { return false }
            guard let next else { return false }
            return next != token && isPunct(next)
        }
        let length = runEnd - index
        switch patterns {
        case .plain, .smart:
            let next = character(runEnd)
            let smart = patterns == .smart
            if (open(previous) && (!smart || (startGuard() && endGuard(next))) && open(next)) || punctuationAmbiguous(next) {
                return (.ambiguous, runEnd)
            }
            if (open(previous) && (!smart || endGuard(next))) || punctuationEnd(next) { return (.end, runEnd) }
            if ((!smart || startGuard()) && open(next)) || punctuationStart(next) { return (.start, runEnd) }
            return nil
        case .smartBySize:
            let next = character(runEnd)
            if length >= 3 {
                if (open(previous) && open(next)) || punctuationAmbiguous(next) { return (.ambiguous, runEnd) }
                if open(previous) || punctuationEnd(next) { return (.end, runEnd) }
                if open(next) || punctuationStart(next) { return (.start, runEnd) }
            } else if length == 2 {
                if (open(previous) && startGuard() && endGuard(next) && open(next)) || punctuationAmbiguous(next) {
                    return (.ambiguous, runEnd)
                }
                if (open(previous) && endGuard(next)) || punctuationEnd(next) { return (.end, runEnd) }
                if (startGuard() && open(next)) || punctuationStart(next) { return (.start, runEnd) }
            } else {
                if (open(previous) && open(next)) || punctuationAmbiguous(next) { return (.ambiguous, runEnd) }
                if open(previous) || punctuationEnd(next) { return (.end, runEnd) }
                if open(next) || punctuationStart(next) { return (.start, runEnd) }
                return nil
            }
            // A longer run can still end one token: `(?<!^)(?<![\s T P])T{1}` has no lookahead.
            return open(previous) ? (.end, index + 1) : nil
        }
    }
}
