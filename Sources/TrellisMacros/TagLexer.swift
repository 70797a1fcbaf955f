import TrellisCore

/// A token inside `{{ … }}` or `{% … %}`; `offset` is its body offset.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case name(String)
        case literal(Value)
        case op(String)
        /// The closing `}}` or `%}`.
        case end
    }
    var kind: Kind
    var offset: Int
}

/// Splits the inside of a tag into tokens the way Jinja's lexer does: the closer is looked for
/// before every token (except inside brackets), floats before integers, strings with Python's
/// escapes, and a `-` before the closer strips the whitespace that follows it.
struct TagLexer {
    enum Closer {
        case variable, block

        var text: String { self == .variable ? "}}" : "%}" }
    }

    enum Outcome {
        /// The tokens, ending in `.end`, and the offset just past the closer (and past the
        /// whitespace it strips).
        case tokens([Token], after: Int)
        case failure(String, at: Int)
        /// The text ended before the closer.
        case unterminated
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limit: Int

    private static let operators: [String] = [
        "//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}",
        ">", "<", "=", ".", ":", "|", ",", ";",
    ]

    func lex(from start: Int, closer: Closer) -> Outcome {
        var tokens: [Token] = []
        var brackets: [UInt8] = []
        var p = start
        while true {
            if brackets.isEmpty, let after = closerEnd(at: p, closer) {
                tokens.append(Token(kind: .end, offset: p))
                return .tokens(tokens, after: after)
            }
            guard p < limit else { return .unterminated }
            let byte = bytes[p]
            if let next = ScalarScan.spaceEnd(bytes, at: p, limit: limit) {
                p = next
            } else if isDigit(byte) {
                let (token, next) = number(at: p)
                guard let token else { return .failure("invalid number", at: p) }
                tokens.append(token)
                p = next
            } else if let next = ScalarScan.identifierEnd(bytes, at: p, limit: limit) {
                tokens.append(Token(kind: .name(text(p, next)), offset: p))
                p = next
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                switch string(at: p) {
                case .success(let (value, next)):
                    tokens.append(Token(kind: .literal(.string(value)), offset: p))
                    p = next
                case .failure(let error):
                    return .failure(error.message, at: error.offset)
                }
            } else if let op = Self.operators.first(where: { matches($0, at: p) }) {
                switch op {
                case "(", "[", "{": brackets.append(byte)
                case ")", "]", "}":
                    let opener: UInt8 =
                        op == ")" ? UInt8(ascii: "(") : op == "]" ? UInt8(ascii: "[") : UInt8(ascii: "{")
                    guard brackets.last == opener else { return .failure("unexpected '\(op)'", at: p) }
                    brackets.removeLast()
                default: break
                }
                tokens.append(Token(kind: .op(op), offset: p))
                p += op.utf8.count
            } else {
                let scalar = ScalarScan.scalar(bytes, at: p, limit: limit)
                return .failure("unexpected character '\(Character(scalar))'", at: p)
            }
        }
    }

    /// The offset after the closer at `p` (`}}`, `-}}`; `%}`, `-%}`, `+%}`), if there is one.
    private func closerEnd(at p: Int, _ closer: Closer) -> Int? {
        if matches(closer.text, at: p) { return p + 2 }
        if matches("-" + closer.text, at: p) { return ScalarScan.skipSpaces(bytes, from: p + 3, limit: limit) }
        if closer == .block, matches("+%}", at: p) { return p + 3 }
        return nil
    }

    private func matches(_ s: String, at p: Int) -> Bool {
        var i = p
        for byte in s.utf8 {
            guard i < limit, bytes[i] == byte else { return false }
            i += 1
        }
        return true
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Digits with `_` separators, as Jinja's `(\d+_)*\d+`.
    private func digits(from p: Int, only zeros: Bool = false) -> Int {
        let accepts: (UInt8) -> Bool = { zeros ? $0 == UInt8(ascii: "0") : isDigit($0) }
        var i = p
        while i < limit {
            let separated = bytes[i] == UInt8(ascii: "_") && i > p && i + 1 < limit && accepts(bytes[i + 1])
            guard accepts(bytes[i]) || separated else { break }
            i += 1
        }
        return i
    }

    /// A float (`1.5`, `1e3`) unless right after a `.` (so `a.0.1` is `a[0][1]`), else an int:
    /// `0x1F`, `0o17`, `0b101`, or decimal, where a leading zero ends the token (`01` is `0 1`).
    private func number(at p: Int) -> (Token?, Int) {
        if let radixed = radixNumber(at: p) { return radixed }
        let intEnd = digits(from: p)
        var end = intEnd
        var isFloat = false
        if p == 0 || bytes[p - 1] != UInt8(ascii: ".") {
            if end + 1 < limit, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]) {
                end = digits(from: end + 1)
                isFloat = true
            }
            if end < limit, bytes[end] | 0x20 == UInt8(ascii: "e") {
                var e = end + 1
                if e < limit, bytes[e] == UInt8(ascii: "+") || bytes[e] == UInt8(ascii: "-") { e += 1 }
                if e < limit, isDigit(bytes[e]) {
                    end = digits(from: e)
                    isFloat = true
                }
            }
        }
        if !isFloat, bytes[p] == UInt8(ascii: "0") { end = digits(from: p, only: true) }
        let literal = text(p, end).filter { $0 != "_" }
        if isFloat {
            guard let d = Double(literal) else { return (nil, end) }
            return (Token(kind: .literal(.double(d)), offset: p), end)
        }
        guard let i = Int(literal) else { return (nil, end) }
        return (Token(kind: .literal(.int(i)), offset: p), end)
    }

    private func radixNumber(at p: Int) -> (Token?, Int)? {
        guard p + 2 < limit, bytes[p] == UInt8(ascii: "0") else { return nil }
        let radix: Int
        switch bytes[p + 1] | 0x20 {
        case UInt8(ascii: "x"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        case UInt8(ascii: "b"): radix = 2
        default: return nil
        }
        func isDigit(_ b: UInt8) -> Bool { Int(String(UnicodeScalar(b)), radix: radix) != nil }
        var end = p + 2
        var sawDigit = false
        while end < limit {
            if isDigit(bytes[end]) {
                sawDigit = true
            } else if !(bytes[end] == UInt8(ascii: "_") && end + 1 < limit && isDigit(bytes[end + 1])) {
                break
            }
            end += 1
        }
        guard sawDigit else { return nil }
        let value = Int(text(p + 2, end).filter { $0 != "_" }, radix: radix)
        return (value.map { Token(kind: .literal(.int($0)), offset: p) }, end)
    }

    struct StringError: Error {
        var message: String
        var offset: Int
    }

    /// A quoted string with Python's `unicode-escape` escapes, and the offset after it.
    private func string(at p: Int) -> Result<(String, Int), StringError> {
        let quote = bytes[p]
        var i = p + 1
        while i < limit, bytes[i] != quote {
            i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard i < limit else { return .failure(StringError(message: "unterminated string", offset: p)) }
        guard let value = PythonEscapes.decode(text(p + 1, i)) else {
            return .failure(StringError(message: "invalid escape in string", offset: p))
        }
        return .success((value, i + 1))
    }
}
