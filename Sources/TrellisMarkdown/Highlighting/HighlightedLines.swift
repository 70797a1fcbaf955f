import Foundation

/// A code block's lines as Pygments' `HtmlFormatter` writes them (`_format_lines`): the lexer's
/// tokens, each `<span class="…">` of its type's classes around its escaped text (bare text for
/// `Text`), consecutive tokens of the same classes in one span, a span closed at the end of a
/// line and opened again on the next.
struct HighlightedLines {
    /// The lines' HTML, one after another, each ending in `\n`.
    var bytes: [UInt8] = []
    /// Where each line ends in `bytes`.
    var ends: [Int] = []

    /// The line `index`'s HTML (with its `\n`).
    func line(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Pygments' `Lexer._preprocess_lexer_input` as pymdownx's lexers run it: a byte-order mark
    /// dropped, `\r\n` and `\r` made `\n`, newlines stripped from both ends (`stripnl`), and a
    /// final newline (`ensurenl`).
    static func preprocessed(_ code: String, stripNewlines: Bool) -> String {
        var text = Substring(code)
        if text.unicodeScalars.first == "\u{FEFF}" { text = text.dropFirst() }
        var result =
            text.utf8.contains(13)
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : String(text)
        if stripNewlines {
            let utf8 = Array(result.utf8)
            var lower = 0, upper = utf8.count
            while lower < upper, utf8[lower] == 10 { lower += 1 }
            while upper > lower, utf8[upper - 1] == 10 { upper -= 1 }
            if lower > 0 || upper < utf8.count { result = String(decoding: utf8[lower..<upper], as: UTF8.self) }
        }
        if !result.hasSuffix("\n") { result += "\n" }
        return result
    }

    /// The block `code` highlighted with `lexer`.
    init(code: String, lexer: any SyntaxLexer, stripNewlines: Bool) {
        let text = Self.preprocessed(code, stripNewlines: stripNewlines)
        self.init(tokens: lexer.tokens(in: text[...]), sizeHint: text.utf8.count)
    }

    init(tokens: [HighlightToken], sizeHint: Int = 0) {
        bytes.reserveCapacity(sizeHint * 2 + 64)
        var openers: [TokenType: [UInt8]] = [:]
        let close = Array("</span>".utf8)
        var lastSpan: [UInt8] = []
        var lineStarted = false
        // Runs of one type are common (and hashing a type is not free).
        var lastType: TokenType?
        var lastTypeSpan: [UInt8] = []

        func appendEscaped(_ part: Substring.UTF8View) {
            for byte in part {
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
                default: bytes.append(byte)
                }
            }
        }
        func endLine() {
            bytes.append(10)
            ends.append(bytes.count)
        }

        for token in tokens {
            let span: [UInt8]
            if token.type == lastType {
                span = lastTypeSpan
            } else if let known = openers[token.type] {
                span = known
            } else {
                let classes = token.type.cssClasses
                span = classes.isEmpty ? [] : Array("<span class=\"\(classes)\">".utf8)
                openers[token.type] = span
            }
            lastType = token.type
            lastTypeSpan = span
            let utf8 = token.text.utf8
            var partStart = utf8.startIndex
            // Every part but the last ends a line.
            while let newline = utf8[partStart...].firstIndex(of: 10) {
                let part = Substring(utf8[partStart..<newline]).utf8
                if lineStarted {
                    if lastSpan != span && !part.isEmpty {
                        if !lastSpan.isEmpty { bytes.append(contentsOf: close) }
                        bytes.append(contentsOf: span)
                        appendEscaped(part)
                        if !span.isEmpty { bytes.append(contentsOf: close) }
                    } else {
                        appendEscaped(part)
                        if !lastSpan.isEmpty { bytes.append(contentsOf: close) }
                    }
                    lineStarted = false
                } else if !part.isEmpty {
                    bytes.append(contentsOf: span)
                    appendEscaped(part)
                    if !span.isEmpty { bytes.append(contentsOf: close) }
                }
                endLine()
                partStart = utf8.index(after: newline)
            }
            let last = Substring(utf8[partStart...]).utf8
            guard !last.isEmpty else { continue }
            if lineStarted {
                if lastSpan != span {
                    if !lastSpan.isEmpty { bytes.append(contentsOf: close) }
                    bytes.append(contentsOf: span)
                    lastSpan = span
                }
                appendEscaped(last)
            } else {
                bytes.append(contentsOf: span)
                appendEscaped(last)
                lineStarted = true
                lastSpan = span
            }
        }
        if lineStarted {
            if !lastSpan.isEmpty { bytes.append(contentsOf: close) }
            endLine()
        }
    }
}
