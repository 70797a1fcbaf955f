import Foundation

/// Pygments' `ShellSessionBaseLexer`: a session transcript, line by line. A line starting with
/// a prompt (`_ps1rgx`) is a prompt (`Generic.Prompt`) plus code; code lines (and continuation
/// lines after a trailing backslash, or after `_ps2` with `bareContinuation`) are gathered and
/// lexed together by the inner lexer, the prompts inserted back with `do_insertions`; any other
/// line is output (`Generic.Output`). A leading `(venv)` is a `Generic.Prompt.VirtualEnv`.
struct ShellSessionLexer: SyntaxLexer {
    /// The inner lexer's Pygments alias (looked up when lexing, in `SyntaxLexers`).
    let innerLexer: String
    /// `_ps1rgx` in ICU syntax: group 1 the prompt, group 2 the rest of the line.
    let prompt: NSRegularExpression?
    /// A code point the prompt must contain, to skip the regular expression on other lines.
    let promptMustContain: Set<Unicode.Scalar>?
    /// `_ps2`.
    let continuation: String
    /// `_bare_continuation`.
    var bareContinuation = false

    /// Only this many code points of a line are given to the prompt expression (some of
    /// Pygments' prompt patterns backtrack quadratically on long lines).
    static let promptScanLimit = 1000

    func tokens(in input: Substring) -> [HighlightToken] {
        var out: [HighlightToken] = []
        var code = ""
        var codeLength = 0
        var insertions: [TokenInsertions.Insertion] = []
        var backslashContinuation = false

        func flush() {
            out.append(contentsOf: TokenInsertions.apply(insertions, to: lexCode(code)))
            insertions = []
            code = ""
            codeLength = 0
        }
        func addCode(_ text: Substring) {
            code += text
            codeLength += text.unicodeScalars.count
            backslashContinuation = code.unicodeScalars.suffix(2).elementsEqual("\\\n".unicodeScalars)
        }

        var lineStart = input.startIndex
        while let newline = input.unicodeScalars[lineStart...].firstIndex(of: "\n") {
            let lineEnd = input.unicodeScalars.index(after: newline)
            var line = Substring(input.unicodeScalars[lineStart..<lineEnd])
            lineStart = lineEnd

            if let (venv, space) = Self.virtualEnv(line) {
                insertions.append(.init(index: codeLength, tokens: [HighlightToken(Tok.genericPromptVirtualEnv, venv)]))
                if !space.isEmpty {
                    insertions.append(.init(index: codeLength, tokens: [HighlightToken(Tok.text, space)]))
                }
                line = line[space.endIndex...]
            }

            if let (promptText, rest) = matchPrompt(line) {
                insertions.append(.init(index: codeLength, tokens: [HighlightToken(Tok.genericPrompt, promptText)]))
                addCode(rest)
            } else if backslashContinuation {
                if line.hasPrefix(continuation) {
                    let split = line.unicodeScalars.index(line.startIndex, offsetBy: continuation.unicodeScalars.count)
                    insertions.append(.init(index: codeLength, tokens: [HighlightToken(Tok.genericPrompt, line[..<split])]))
                    addCode(line[split...])
                } else {
                    addCode(line)
                }
            } else if bareContinuation, line.hasPrefix(continuation) {
                let split = line.unicodeScalars.index(line.startIndex, offsetBy: continuation.unicodeScalars.count)
                insertions.append(.init(index: codeLength, tokens: [HighlightToken(Tok.genericPrompt, line[..<split])]))
                code += line[split...]
                codeLength += line[split...].unicodeScalars.count
            } else {
                if !insertions.isEmpty { flush() }
                out.append(HighlightToken(Tok.genericOutput, line))
            }
        }
        if !insertions.isEmpty { flush() }
        // Pygments' line pattern (`.*?\n`) never reaches text after the last newline; the
        // highlighter always ends the code with one, so this only keeps the tokens whole.
        if lineStart < input.endIndex {
            out.append(HighlightToken(Tok.genericOutput, input[lineStart...]))
        }
        return out
    }

    private func lexCode(_ code: String) -> [HighlightToken] {
        let text = Substring(code)
        guard let lexer = SyntaxLexers.lexer(named: innerLexer) else { return [HighlightToken(Tok.text, text)] }
        return lexer.tokens(in: text)
    }

    /// `_venv`: `^(\([^)]*\))(\s*)`.
    static func virtualEnv(_ line: Substring) -> (Substring, Substring)? {
        let scalars = line.unicodeScalars
        guard scalars.first == "(", let close = scalars.firstIndex(of: ")") else { return nil }
        let afterClose = scalars.index(after: close)
        var end = afterClose
        while end < scalars.endIndex, PythonClass.isSpace(scalars[end]) { end = scalars.index(after: end) }
        return (Substring(scalars[scalars.startIndex..<afterClose]), Substring(scalars[afterClose..<end]))
    }

    /// `_ps1rgx.match(line)`: the prompt and the rest of the line.
    private func matchPrompt(_ line: Substring) -> (Substring, Substring)? {
        guard let prompt else { return nil }
        if let required = promptMustContain, !line.unicodeScalars.contains(where: { required.contains($0) }) {
            return nil
        }
        let scalars = line.unicodeScalars
        let limit = scalars.index(scalars.startIndex, offsetBy: Self.promptScanLimit, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let scanned = String(Substring(scalars[scalars.startIndex..<limit]))
        let range = NSRange(scanned.startIndex..<scanned.endIndex, in: scanned)
        guard let match = prompt.firstMatch(in: scanned, options: [.anchored], range: range),
            let promptRange = Range(match.range(at: 1), in: scanned)
        else { return nil }
        let promptLength = scanned[promptRange].unicodeScalars.count
        let split = scalars.index(scalars.startIndex, offsetBy: promptLength)
        return (Substring(scalars[scalars.startIndex..<split]), Substring(scalars[split..<scalars.endIndex]))
    }

    /// An ICU pattern from one written with `\s`, `\S` and `\w` in Python's meaning.
    static func pattern(_ python: String) -> NSRegularExpression? {
        let icu = python
            .replacingOccurrences(of: #"\S"#, with: "[^" + PythonClass.icuSpace + "]")
            .replacingOccurrences(of: #"\s"#, with: "[" + PythonClass.icuSpace + "]")
            .replacingOccurrences(of: #"\w"#, with: "[" + PythonClass.icuWord + "]")
        return try? NSRegularExpression(pattern: icu, options: [.useUnixLineSeparators])
    }
}
