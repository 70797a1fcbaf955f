import TrellisCore

/// A Python `TypeError`, reported as a `MacroType` diagnostic with Python's own wording.
struct PythonTypeError: Error {
    var message: String
}

/// Python's truthiness, equality, ordering and membership over `Value`s, which Jinja's
/// `if`, `==`, `<` and `in` use unchanged.
enum PythonSemantics {
    /// Python's type name, as its error messages print it.
    static func typeName(_ value: Value) -> String {
        switch value {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .map: return "dict"
        }
    }

    /// Python's `bool(value)`.
    static func isTruthy(_ value: Value) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .map(let m): return !m.isEmpty
        }
    }

    /// The numeric value of bools, ints and floats (Python's `bool` is an `int`).
    private static func number(_ value: Value) -> Double? {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    private static func integer(_ value: Value) -> Int? {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        default: return nil
        }
    }

    /// Python's `a == b`: numbers by value, strings by code points, containers deeply.
    static func isEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { isEqual($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { key, value in y[key].map { isEqual(value, $0) } ?? false }
        default:
            if let i = integer(a), let j = integer(b) { return i == j }
            if let x = number(a), let y = number(b) { return x == y }
            return false
        }
    }

    /// The comparison operators Python orders values with.
    enum Ordering: String {
        case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    }

    /// Python's `a < b` and friends; mixed types raise Python's `TypeError`.
    static func compare(_ a: Value, _ op: Ordering, _ b: Value) throws(PythonTypeError) -> Bool {
        guard let order = try threeWay(a, b, op) else { return false }  // NaN compares false
        switch op {
        case .less: return order < 0
        case .greater: return order > 0
        case .lessOrEqual: return order <= 0
        case .greaterOrEqual: return order >= 0
        }
    }

    private static func threeWay(_ a: Value, _ b: Value, _ op: Ordering) throws(PythonTypeError) -> Int? {
        if let i = integer(a), let j = integer(b) { return i < j ? -1 : (i > j ? 1 : 0) }
        if let x = number(a), let y = number(b) {
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            for (p, q) in zip(x.unicodeScalars, y.unicodeScalars) where p != q { return p.value < q.value ? -1 : 1 }
            let (m, n) = (x.unicodeScalars.count, y.unicodeScalars.count)
            return m < n ? -1 : (m > n ? 1 : 0)
        case (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) where !isEqual(p, q) { return try threeWay(p, q, op) }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        default:
            throw PythonTypeError(
                message: "'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
        }
    }

    /// Python's `item in container`.
    static func contains(_ container: Value, _ item: Value) throws(PythonTypeError) -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let needle) = item else {
                throw PythonTypeError(message: "'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return containsScalars(s, needle)
        case .list(let items):
            return items.contains { isEqual($0, item) }
        case .map(let map):
            switch item {
            case .string(let key): return map[key] != nil
            case .list, .map: throw PythonTypeError(message: "unhashable type: '\(typeName(item))'")
            default: return false
            }
        default:
            throw PythonTypeError(message: "argument of type '\(typeName(container))' is not iterable")
        }
    }

    private static func containsScalars(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.unicodeScalars)
        let n = Array(needle.unicodeScalars)
        if n.isEmpty { return true }
        guard h.count >= n.count else { return false }
        for start in 0...(h.count - n.count) where h[start] == n[0] && h[start..<(start + n.count)].elementsEqual(n) {
            return true
        }
        return false
    }

    /// Python's `len(value)`.
    static func length(_ value: Value) throws(PythonTypeError) -> Int {
        switch value {
        case .string(let s): return s.unicodeScalars.count
        case .list(let l): return l.count
        case .map(let m): return m.count
        default: throw PythonTypeError(message: "object of type '\(typeName(value))' has no len()")
        }
    }

    /// Python's `iter(value)` as Jinja's `join` walks it: characters, items or keys.
    static func elements(_ value: Value) throws(PythonTypeError) -> [Value] {
        switch value {
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .list(let l): return l
        case .map(let m): return m.keys.map { .string($0) }
        default: throw PythonTypeError(message: "'\(typeName(value))' object is not iterable")
        }
    }
}
