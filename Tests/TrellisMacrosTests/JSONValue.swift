import TrellisCore

/// A minimal JSON reader that keeps what the fixtures need and Foundation loses: ints and
/// floats stay distinct (`1` vs `1.0`) and objects keep their key order, as in Python.
enum JSONValue {
    struct SyntaxError: Error {}

    static func parse(_ text: String) throws -> Value {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.i == reader.scalars.count else { throw SyntaxError() }
        return value
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var i = 0

        mutating func skipSpace() {
            while i < scalars.count, " \n\r\t".unicodeScalars.contains(scalars[i]) { i += 1 }
        }

        mutating func value() throws -> Value {
            skipSpace()
            guard i < scalars.count else { throw SyntaxError() }
            switch scalars[i] {
            case "{":
                i += 1
                var map = ValueMap()
                skipSpace()
                if scalars[i] == "}" {
                    i += 1
                    return .map(map)
                }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    guard scalars[i] == ":" else { throw SyntaxError() }
                    i += 1
                    map[key] = try value()
                    skipSpace()
                    if scalars[i] == "," {
                        i += 1
                        continue
                    }
                    guard scalars[i] == "}" else { throw SyntaxError() }
                    i += 1
                    return .map(map)
                }
            case "[":
                i += 1
                var items: [Value] = []
                skipSpace()
                if scalars[i] == "]" {
                    i += 1
                    return .list(items)
                }
                while true {
                    items.append(try value())
                    skipSpace()
                    if scalars[i] == "," {
                        i += 1
                        continue
                    }
                    guard scalars[i] == "]" else { throw SyntaxError() }
                    i += 1
                    return .list(items)
                }
            case "\"": return .string(try string())
            case "t":
                i += 4
                return .bool(true)
            case "f":
                i += 5
                return .bool(false)
            case "n":
                i += 4
                return .null
            default: return try number()
            }
        }

        mutating func number() throws -> Value {
            let start = i
            while i < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[i]) { i += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<i]))
            if let int = Int(text) { return .int(int) }
            guard let double = Double(text) else { throw SyntaxError() }
            return .double(double)
        }

        mutating func string() throws -> String {
            guard scalars[i] == "\"" else { throw SyntaxError() }
            i += 1
            var out = String.UnicodeScalarView()
            while scalars[i] != "\"" {
                if scalars[i] == "\\" {
                    i += 1
                    switch scalars[i] {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "b": out.append("\u{08}")
                    case "f": out.append("\u{0C}")
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars[(i + 1)...(i + 4)]))
                        i += 4
                        var code = UInt32(hex, radix: 16)!
                        if (0xD800..<0xDC00).contains(code) {
                            let low = UInt32(String(String.UnicodeScalarView(scalars[(i + 3)...(i + 6)])), radix: 16)!
                            i += 6
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        out.append(Unicode.Scalar(code)!)
                    default: out.append(scalars[i])
                    }
                } else {
                    out.append(scalars[i])
                }
                i += 1
            }
            i += 1
            return String(out)
        }
    }
}
