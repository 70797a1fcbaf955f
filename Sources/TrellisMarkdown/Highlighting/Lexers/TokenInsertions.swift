/// Pygments' `do_insertions`: the tokens of lexers that combine several sublexers (shell
/// sessions, Python consoles, Makefiles). Each insertion's tokens go in at its position (in code
/// points) of the main token stream, splitting the token there.
///
/// Ported as Pygments 2.21.0 writes it, quirks included: an empty main token is dropped once
/// there are insertions, inserted tokens are kept even when empty.
enum TokenInsertions {
    struct Insertion {
        var index: Int
        var tokens: [HighlightToken]
    }

    static func apply(_ insertions: [Insertion], to tokens: [HighlightToken]) -> [HighlightToken] {
        guard let first = insertions.first else { return tokens }
        var result: [HighlightToken] = []
        result.reserveCapacity(tokens.count + insertions.count * 2)
        var next = 1
        var index = first.index
        var inserted = first.tokens
        var insertionsLeft = true
        var position = 0
        for token in tokens {
            let length = token.length
            var taken = 0
            while insertionsLeft, position + length >= index {
                let cut = min(max(index - position, 0), length)
                if cut > taken {
                    result.append(HighlightToken(token.type, token.text.scalarSlice(taken, cut)))
                }
                result.append(contentsOf: inserted)
                taken = max(taken, cut)
                if next < insertions.count {
                    index = insertions[next].index
                    inserted = insertions[next].tokens
                    next += 1
                } else {
                    insertionsLeft = false
                }
            }
            if taken < length {
                result.append(HighlightToken(token.type, taken == 0 ? token.text : token.text.scalarSlice(taken)))
            }
            position += length
        }
        while insertionsLeft {
            result.append(contentsOf: inserted)
            if next < insertions.count {
                inserted = insertions[next].tokens
                next += 1
            } else {
                insertionsLeft = false
            }
        }
        return result
    }
}
