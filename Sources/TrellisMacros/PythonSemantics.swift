import TrellisCore

/// Python's truthiness, equality, ordering and membership over `Value`s, which Jinja's
/// `if`, `==`, `<` and `in` use unchanged. Whatever walks lists or text spends what it visits
/// from the page's `MacroBudget`.
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
    static func isEqual(_ a: Value, _ b: Value, budget: inout MacroBudget) throws(MacroOperationError) -> Bool {
        try budget.spend(MacroBudget.itemCost)
        switch (a, b) {
        case (.null, .null): return true
        case (.string(let x), .string(let y)):
            // Equal UTF-8 is equal code points.
            guard x.utf8.count == y.utf8.count else { return false }
            try budget.spend(x.utf8.count)
            return x.utf8.elementsEqual(y.utf8)
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !(try isEqual(p, q, budget: &budget)) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], try isEqual(value, other, budget: &budget) else { return false }
            }
            return true
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
    static func compare(_ a: Value, _ op: Ordering, _ b: Value, budget: inout MacroBudget)
        throws(MacroOperationError) -> Bool
    {
        guard let order = try threeWay(a, b, op, budget: &budget) else { return false }  // NaN compares false
        switch op {
        case .less: return order < 0
        case .greater: return order > 0
        case .lessOrEqual: return order <= 0
        case .greaterOrEqual: return order >= 0
        }
    }

    private static func threeWay(_ a: Value, _ b: Value, _ op: Ordering, budget: inout MacroBudget)
        throws(MacroOperationError) -> Int?
    {
        try budget.spend(MacroBudget.itemCost)
        if let i = integer(a), let j = integer(b) { return i < j ? -1 : (i > j ? 1 : 0) }
        if let x = number(a), let y = number(b) {
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            // UTF-8 orders bytes as code points order scalars.
            try budget.spend(min(x.utf8.count, y.utf8.count))
            for (p, q) in zip(x.utf8, y.utf8) where p != q { return p < q ? -1 : 1 }
            let (m, n) = (x.utf8.count, y.utf8.count)
            return m < n ? -1 : (m > n ? 1 : 0)
        case (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) where !(try isEqual(p, q, budget: &budget)) {
                return try threeWay(p, q, op, budget: &budget)
            }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        default:
            throw .python(
                "'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
        }
    }

    /// Python's `item in container`.
    static func contains(_ container: Value, _ item: Value, budget: inout MacroBudget)
        throws(MacroOperationError) -> Bool
    {
        switch container {
        case .string(let s):
            guard case .string(let needle) = item else {
                throw .python("'in <string>' requires string as left operand, not \(typeName(item))")
            }
            if needle.isEmpty { return true }
            try budget.spend(s.utf8.count + needle.utf8.count)
            return !SubstringSearch(Array(needle.utf8)).matches(in: s.utf8, limit: 1).isEmpty
        case .list(let items):
            for element in items where try isEqual(element, item, budget: &budget) { return true }
            return false
        case .map(let map):
            switch item {
            case .string(let key): return map[key] != nil
            case .list, .map: throw .python("unhashable type: '\(typeName(item))'")
            default: return false
            }
        default:
            throw .python("argument of type '\(typeName(container))' is not iterable")
        }
    }

    /// Python's `len(value)`.
    static func length(_ value: Value, budget: inout MacroBudget) throws(MacroOperationError) -> Int {
        switch value {
        case .string(let s):
            try budget.spend(s.utf8.count)
            return s.unicodeScalars.count
        case .list(let l): return l.count
        case .map(let m): return m.count
        default: throw .python("object of type '\(typeName(value))' has no len()")
        }
    }
}
