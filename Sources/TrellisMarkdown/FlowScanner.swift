import TrellisCore

/// Scalars and flow collections of `BlockOptionsYAML`, read left to right from one line.
struct FlowScanner {
    private let text: Substring
    private var index: Substring.Index

    init(_ text: Substring) {
        self.text = text
        index = text.startIndex
    }

    /// What is left of the line.
    var rest: Substring { text[index...] }

    mutating func skipSpaces() {
        while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
    }

    /// Takes `character` if it is next.
    mutating func take(_ character: Character) -> Bool {
        guard index < text.endIndex, text[index] == character else { return false }
        index = text.index(after: index)
        return true
    }

    /// A mapping key: quoted, or plain up to the `:` that is followed by a space or the end.
    mutating func key() -> String? {
        if index < text.endIndex, text[index] == "\"" || text[index] == "'" { return quoted() }
        let start = index
        while index < text.endIndex {
            if text[index] == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " || text[next] == "," || text[next] == "}" { break }
            }
            if text[index] == "," || text[index] == "}" || text[index] == "{" { break }
            index = text.index(after: index)
        }
        let key = text[start..<index].trimmingSpaces()
        return key.isEmpty ? nil : String(key)
    }

    /// A scalar, a `{…}` map or a `[…]` list; inside a flow collection a plain scalar ends at
    /// `,`, `]` or `}`.
    mutating func value(depth: Int, inFlow: Bool) -> Value? {
        skipSpaces()
        guard depth < BlockOptionsYAML.maxDepth, index < text.endIndex else { return inFlow ? nil : .null }
        switch text[index] {
        case "{": return flowMap(depth: depth)
        case "[": return flowList(depth: depth)
        case "\"", "'": return quoted().map(Value.string)
        case "&", "*", "!", "|", ">", "%", "@", "`": return nil
        default: break
        }
        let start = index
        while index < text.endIndex {
            let character = text[index]
            if inFlow, character == "," || character == "]" || character == "}" { break }
            if inFlow, character == ":", text.index(after: index) == text.endIndex || text[text.index(after: index)] == " " { break }
            index = text.index(after: index)
        }
        return Self.plain(String(text[start..<index].trimmingSpaces()))
    }

    private mutating func flowMap(depth: Int) -> Value? {
        _ = take("{")
        var pairs: [(String, Value)] = []
        skipSpaces()
        if take("}") { return .map(ValueMap()) }
        while true {
            skipSpaces()
            guard let key = key() else { return nil }
            skipSpaces()
            let value: Value
            if take(":") {
                guard let parsed = self.value(depth: depth + 1, inFlow: true) else { return nil }
                value = parsed
            } else {
                value = .null
            }
            if let existing = pairs.firstIndex(where: { $0.0 == key }) { pairs.remove(at: existing) }
            pairs.append((key, value))
            skipSpaces()
            if take("}") { return .map(ValueMap(pairs)) }
            guard take(",") else { return nil }
            skipSpaces()
            if take("}") { return .map(ValueMap(pairs)) }
        }
    }

    private mutating func flowList(depth: Int) -> Value? {
        _ = take("[")
        var items: [Value] = []
        skipSpaces()
        if take("]") { return .list([]) }
        while true {
            guard let item = value(depth: depth + 1, inFlow: true) else { return nil }
            items.append(item)
            skipSpaces()
            if take("]") { return .list(items) }
            guard take(",") else { return nil }
            skipSpaces()
            if take("]") { return .list(items) }
        }
    }

    /// A `"…"` (with backslash escapes) or `'…'` (with `''`) string; `nil` if unclosed.
    private mutating func quoted() -> String? {
        let quote = text[index]
        index = text.index(after: index)
        var out = ""
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == quote {
                if quote == "'", index < text.endIndex, text[index] == "'" {
                    out.append("'")
                    index = text.index(after: index)
                    continue
                }
                return out
            }
            if quote == "\"", character == "\\", index < text.endIndex {
                let escaped = text[index]
                index = text.index(after: index)
                switch escaped {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\"", "\\", "/": out.append(escaped)
                default: return nil
                }
                continue
            }
            out.append(character)
        }
        return nil
    }

    /// A plain scalar resolved as PyYAML's safe loader resolves it (YAML 1.1 booleans too).
    static func plain(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let number = Int(text) { return .int(number) }
        if digits.contains("."), digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            digits.filter({ $0 == "." }).count == 1, let number = Double(text)
        {
            return .double(number)
        }
        return .string(text)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
