/// Translates a Python `re` pattern (as Pygments writes its rules) into ICU regular-expression
/// syntax with the same meaning, for the flags Pygments compiles it with.
///
/// The differences handled: named groups (`(?P<n>…)`, `(?P=n)`; ICU names allow only ASCII
/// letters and digits, so groups are renamed), `\Z` (ICU `\z`), `\v` (a character in Python, a
/// class in ICU), Python's Unicode `\s` (which also matches `\x0b`, `\x1c`–`\x1f`, `\x85`), verbose
/// mode (whitespace and comments dropped here, kept inside classes as Python keeps them), a `{` or
/// `}` that is not a quantifier (literal in Python, an error in ICU), `{,n}`, and character classes
/// (where ICU reads `[`, `&&`, `--` as set operations: every literal is written as `\x{…}`).
struct PythonRegexTranslation {
    struct Unsupported: Error {
        var reason: String
    }

    /// The ICU pattern.
    var pattern: String
    /// Python's global flags in effect (lexer flags plus leading inline flags): `i`, `m`, `s`.
    var caseInsensitive: Bool
    var multiline: Bool
    var dotAll: Bool

    private static let pythonSpaceExtras = "\\x{0b}\\x{1c}-\\x{1f}\\x{85}"

    init(python: String, flags: String) throws {
        caseInsensitive = flags.contains("i")
        multiline = flags.contains("m")
        dotAll = flags.contains("s")
        var verbose = flags.contains("x")
        let chars = Array(python.unicodeScalars)
        var out = ""
        out.reserveCapacity(chars.count + 16)
        var index = 0
        var groupNames: [String: String] = [:]
        var verboseStack: [Bool] = []

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < chars.count ? chars[index + offset] : nil
        }
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 48 && $0.value <= 57 } ?? false }
        func isOctal(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 48 && $0.value <= 55 } ?? false }
        func hexValue(_ count: Int) throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let c = peek(), let digit = Int(String(c), radix: 16) else { throw Unsupported(reason: "bad hex escape") }
                value = value * 16 + UInt32(digit)
                index += 1
            }
            return value
        }
        func literal(_ value: UInt32) -> String { "\\x{" + String(value, radix: 16) + "}" }

        /// An escape after `\` (index at the character after the backslash); returns ICU text
        /// and, for a single character, its value (for ranges in classes).
        func escape(inClass: Bool) throws -> (String, UInt32?) {
            guard let c = peek() else { throw Unsupported(reason: "trailing backslash") }
            index += 1
            switch c {
            case "d", "D", "w", "W": return ("\\" + String(c), nil)
            case "s": return (inClass ? "\\s" + Self.pythonSpaceExtras : "[\\s" + Self.pythonSpaceExtras + "]", nil)
            case "S": return ("[^\\s" + Self.pythonSpaceExtras + "]", nil)
            case "b": return inClass ? (literal(8), 8) : ("\\b", nil)
            case "B", "A":
                if inClass { throw Unsupported(reason: "\\\(c) in class") }
                return ("\\" + String(c), nil)
            case "Z":
                if inClass { throw Unsupported(reason: "\\Z in class") }
                return ("\\z", nil)
            case "n": return (literal(10), 10)
            case "t": return (literal(9), 9)
            case "r": return (literal(13), 13)
            case "f": return (literal(12), 12)
            case "v": return (literal(11), 11)
            case "a": return (literal(7), 7)
            case "x":
                let value = try hexValue(2)
                return (literal(value), value)
            case "u":
                let value = try hexValue(4)
                return (literal(value), value)
            case "U":
                let value = try hexValue(8)
                return (literal(value), value)
            case "N":
                guard peek() == "{" else { throw Unsupported(reason: "\\N") }
                var name = "\\N"
                while let next = peek() {
                    name.unicodeScalars.append(next)
                    index += 1
                    if next == "}" { break }
                }
                return (name, nil)
            case "0":
                var value: UInt32 = 0
                var count = 0
                while count < 2, isOctal(peek()), let d = peek() {
                    value = value * 8 + (d.value - 48)
                    index += 1
                    count += 1
                }
                return (literal(value), value)
            default:
                if isDigit(c) {
                    // Three octal digits make a character; otherwise one or two digits name a group.
                    if isOctal(c), isOctal(peek()), isOctal(peek(1)), let d1 = peek(), let d2 = peek(1) {
                        index += 2
                        let value = (c.value - 48) * 64 + (d1.value - 48) * 8 + (d2.value - 48)
                        return (literal(value), value)
                    }
                    if inClass { throw Unsupported(reason: "backreference in class") }
                    var number = String(c)
                    if isDigit(peek()), let d = peek() {
                        number.unicodeScalars.append(d)
                        index += 1
                    }
                    return ("\\" + number + "(?:)", nil)
                }
                let isAlnum = (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
                if isAlnum { throw Unsupported(reason: "unknown escape \\\(c)") }
                return (literal(c.value), c.value)
            }
        }

        func characterClass() throws -> String {
            // index is after `[`.
            var result = "["
            if peek() == "^" {
                result += "^"
                index += 1
            }
            var first = true
            while true {
                guard let c = peek() else { throw Unsupported(reason: "unterminated class") }
                if c == "]" && !first {
                    index += 1
                    break
                }
                first = false
                index += 1
                var text: String
                var value: UInt32?
                if c == "\\" {
                    (text, value) = try escape(inClass: true)
                } else {
                    let isAlnum = (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || (c.value >= 48 && c.value <= 57)
                    text = isAlnum ? String(c) : literal(c.value)
                    value = c.value
                }
                // A range?
                if value != nil, peek() == "-", let after = peek(1), after != "]" {
                    index += 1
                    var upperText: String
                    if after == "\\" {
                        index += 1
                        let (escaped, upper) = try escape(inClass: true)
                        guard upper != nil else { throw Unsupported(reason: "bad range") }
                        upperText = escaped
                    } else {
                        index += 1
                        upperText = literal(after.value)
                    }
                    text += "-" + upperText
                }
                result += text
            }
            return result + "]"
        }

        while index < chars.count {
            let c = chars[index]
            if verbose {
                if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" {
                    index += 1
                    continue
                }
                if c == "#" {
                    while index < chars.count, chars[index] != "\n" { index += 1 }
                    continue
                }
            }
            index += 1
            switch c {
            case "\\":
                out += try escape(inClass: false).0
            case "[":
                out += try characterClass()
            case "(":
                verboseStack.append(verbose)
                guard peek() == "?" else {
                    out += "("
                    continue
                }
                index += 1
                guard let kind = peek() else { throw Unsupported(reason: "bad group") }
                if kind == "P" {
                    index += 1
                    if peek() == "<" {
                        index += 1
                        var name = ""
                        while let n = peek(), n != ">" {
                            name.unicodeScalars.append(n)
                            index += 1
                        }
                        index += 1
                        let renamed = "g" + String(groupNames.count + 1)
                        groupNames[name] = renamed
                        out += "(?<" + renamed + ">"
                    } else if peek() == "=" {
                        index += 1
                        var name = ""
                        while let n = peek(), n != ")" {
                            name.unicodeScalars.append(n)
                            index += 1
                        }
                        index += 1
                        _ = verboseStack.popLast()
                        guard let renamed = groupNames[name] else { throw Unsupported(reason: "unknown group \(name)") }
                        out += "\\k<" + renamed + ">"
                    } else {
                        throw Unsupported(reason: "(?P")
                    }
                } else if kind == "#" {
                    while let n = peek(), n != ")" { index += 1 }
                    index += 1
                    _ = verboseStack.popLast()
                } else if kind == "(" {
                    throw Unsupported(reason: "conditional group")
                } else if kind == ":" || kind == "=" || kind == "!" || kind == ">" {
                    index += 1
                    out += "(?" + String(kind)
                } else if kind == "<" {
                    guard let next = peek(1), next == "=" || next == "!" else { throw Unsupported(reason: "(?<name>") }
                    index += 2
                    out += "(?<" + String(next)
                } else {
                    // Inline flags: (?imsx) for the whole pattern, or (?imsx-imsx:…) scoped.
                    var on = "", off = ""
                    var negative = false
                    while let f = peek(), f != ")" && f != ":" {
                        if f == "-" {
                            negative = true
                        } else if "imsxuaL".unicodeScalars.contains(f) {
                            if negative { off.unicodeScalars.append(f) } else { on.unicodeScalars.append(f) }
                        } else {
                            throw Unsupported(reason: "flag \(f)")
                        }
                        index += 1
                    }
                    guard let end = peek() else { throw Unsupported(reason: "bad flags") }
                    index += 1
                    func icu(_ letters: String) -> String { String(letters.filter { "ims".contains($0) }) }
                    if end == ")" {
                        _ = verboseStack.popLast()
                        if on.contains("x") { verbose = true }
                        if on.contains("i") { caseInsensitive = true }
                        if on.contains("m") { multiline = true }
                        if on.contains("s") { dotAll = true }
                    } else {
                        if on.contains("x") { verbose = true }
                        if off.contains("x") { verbose = false }
                        let onICU = icu(on), offICU = icu(off)
                        out += "(?" + onICU + (offICU.isEmpty ? "" : "-" + offICU) + ":"
                    }
                }
            case ")":
                if let restored = verboseStack.popLast() { verbose = restored }
                out += ")"
            case "{":
                // A quantifier {m}, {m,}, {m,n}, {,n}; anything else is a literal brace.
                var lookahead = index
                var low = "", high = ""
                var comma = false
                while lookahead < chars.count, isDigit(chars[lookahead]) {
                    low.unicodeScalars.append(chars[lookahead])
                    lookahead += 1
                }
                if lookahead < chars.count, chars[lookahead] == "," {
                    comma = true
                    lookahead += 1
                    while lookahead < chars.count, isDigit(chars[lookahead]) {
                        high.unicodeScalars.append(chars[lookahead])
                        lookahead += 1
                    }
                }
                if lookahead < chars.count, chars[lookahead] == "}", !(low.isEmpty && high.isEmpty), !out.isEmpty {
                    out += "{" + (low.isEmpty ? "0" : low) + (comma ? "," + high : "") + "}"
                    index = lookahead + 1
                } else {
                    out += "\\{"
                }
            case "}":
                out += "\\}"
            case "]":
                out += "\\]"
            default:
                out.unicodeScalars.append(c)
            }
        }
        // ICU rejects an empty pattern (Pygments' `default(...)` rules have one).
        pattern = out.isEmpty ? "(?:)" : out
    }
}
