import TrellisCore

/// A block's options checked as pymdownx's `Block._validate` checks them: each option the block
/// knows, of its type, and no other; `attrs` (every block's) a mapping of attribute names to
/// strings, `class` split into identifiers. The first problem is kept; the block then stays text.
struct BlockOptionSpec {
    private let options: ValueMap
    private var known: Set<String> = ["attrs"]
    private(set) var problem: BlockRejection?

    init(_ options: ValueMap) { self.options = options }

    mutating func reject(_ message: String) {
        if problem == nil { problem = BlockRejection(message) }
    }

    /// A boolean option (`type_boolean`); `nil` when not given.
    mutating func boolean(_ key: String) -> Bool? {
        known.insert(key)
        guard let value = options[key] else { return nil }
        guard case .bool(let flag) = value else {
            reject("option `\(key)` must be true or false")
            return nil
        }
        return flag
    }

    /// A string option (`type_string`); `nil` when not given.
    mutating func string(_ key: String) -> String? {
        known.insert(key)
        guard let value = options[key] else { return nil }
        guard case .string(let text) = value else {
            reject("option `\(key)` must be a string")
            return nil
        }
        return text
    }

    /// An HTML identifier option (`type_html_identifier`); `nil` when not given.
    mutating func identifier(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        guard Self.isIdentifier(text) else {
            reject("option `\(key)` must be an HTML identifier")
            return nil
        }
        return text
    }

    /// `attrs` as attributes; also rejects any option the block does not know (call it last).
    mutating func attributes() -> HTMLAttributes {
        for key in options.keys where !known.contains(key) {
            reject("it has no option `\(key)`")
        }
        var out = HTMLAttributes()
        guard let value = options["attrs"] else { return out }
        guard case .map(let map) = value else {
            reject("option `attrs` must be a mapping of attribute names to values")
            return out
        }
        for key in map.keys {
            guard Self.isIdentifier(key), let value = map[key] else {
                reject("`\(key)` is not an HTML attribute name")
                continue
            }
            guard case .string(let text) = value else {
                reject("attribute `\(key)` must be a string")
                continue
            }
            switch key.lowercased() {
            case "class":
                let classes = text.split(separator: " ").map(String.init)
                if !classes.allSatisfy(Self.isIdentifier) { reject("`\(text)` is not a list of class names") }
                out.set("class", classes.joined(separator: " "))
            case "id":
                if !Self.isIdentifier(text) { reject("`\(text)` is not an HTML identifier") }
                out.set("id", text)
            default:
                out.set(key, text)
            }
        }
        return out
    }

    /// pymdownx's `RE_IDENT`: an optional `-` and a name start (letter, `_`, non-ASCII) or
    /// `--`, then letters, digits, `-`, `_` and non-ASCII.
    static func isIdentifier(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func isStart(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F || value >= 0xA0
        }
        func isName(_ scalar: Unicode.Scalar) -> Bool {
            isStart(scalar) || (0x30...0x39).contains(scalar.value) || scalar == "-"
        }
        if scalars.starts(with: "--".unicodeScalars) {
            scalars = scalars.dropFirst(2)
        } else {
            if scalars.first == "-" { scalars = scalars.dropFirst() }
            guard let first = scalars.first, isStart(first) else { return false }
        }
        return scalars.allSatisfy(isName)
    }
}
