/// Pygments' `MakefileLexer` (make, makefile, mf, bsdmake): lines that are conditionals or
/// directives of BSD make, GNU make or Automake (`r_special`, with the lines a trailing
/// backslash continues) become `Comment.Preproc`, comment lines (`r_comment`) `Comment`; the
/// other lines, joined, go to `BaseMakefileLexer`, and the set-aside lines are inserted back
/// with `do_insertions`.
struct MakefileLexer: SyntaxLexer {
    func tokens(in input: Substring) -> [HighlightToken] {
        var insertions: [TokenInsertions.Insertion] = []
        var done = ""
        var doneLength = 0
        var backslashFlag = false
        for line in Self.splitLines(input) {
            let scalars = Array(line.unicodeScalars)
            if Self.isSpecial(scalars) || backslashFlag {
                insertions.append(.init(index: doneLength, tokens: [HighlightToken(Tok.commentPreproc, line)]))
                backslashFlag = scalars.last(where: { !PythonClass.isSpace($0) }) == "\\"
            } else if Self.isComment(scalars) {
                insertions.append(.init(index: doneLength, tokens: [HighlightToken(Tok.comment, line)]))
            } else {
                done += line
                doneLength += scalars.count
            }
        }
        return TokenInsertions.apply(insertions, to: BaseMakefileLexer().tokens(in: Substring(done)))
    }

    /// Python's `str.splitlines(keepends=True)`.
    static func splitLines(_ text: Substring) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            let c = scalars[i]
            var next = scalars.index(after: i)
            switch c.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                if c == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                lines.append(Substring(scalars[start..<next]))
                start = next
            default:
                break
            }
            i = next
        }
        if start < scalars.endIndex { lines.append(Substring(scalars[start..<scalars.endIndex])) }
        return lines
    }

    private static let bsdDirectives = ["include", "undef", "error", "warning", "if", "else", "elif", "endif", "for", "endfor"]
    private static let gnuDirectives = [
        "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "-include", "define", "endef", ":", "vpath",
    ]
    private static let automakeDirectives = ["if", "else", "endif"]

    /// `r_special`: `^(?:\.\s*(bsd…)|\s*(gnu…)|\s*(automake…))(?=\s)`.
    static func isSpecial(_ line: [Unicode.Scalar]) -> Bool {
        func spaces(from i: Int) -> Int {
            var j = i
            while j < line.count, PythonClass.isSpace(line[j]) { j += 1 }
            return j
        }
        func directive(at i: Int, in words: [String]) -> Bool {
            words.contains { word in
                let w = Array(word.unicodeScalars)
                guard i + w.count < line.count, Array(line[i..<(i + w.count)]) == w else { return false }
                return PythonClass.isSpace(line[i + w.count])
            }
        }
        if line.first == ".", directive(at: spaces(from: 1), in: bsdDirectives) { return true }
        let start = spaces(from: 0)
        return directive(at: start, in: gnuDirectives) || directive(at: start, in: automakeDirectives)
    }

    /// `r_comment`: `^\s*@?#`.
    static func isComment(_ line: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < line.count, PythonClass.isSpace(line[i]) { i += 1 }
        if i < line.count, line[i] == "@" { i += 1 }
        return i < line.count && line[i] == "#"
    }
}
