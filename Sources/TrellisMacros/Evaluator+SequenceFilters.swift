import TrellisCore

/// Jinja's filters over sequences (`list`, `first`, `sort`, `sum`, `batch`…), as Jinja 3.1
/// defines them. Jinja returns generators from some (`reverse`, `batch`); Trellis builds lists,
/// which loops, `list` and `join` use alike.
extension Evaluator {
    mutating func applySequence(_ filter: Filter, to v: Value, _ arguments: FilterArguments, at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        switch filter {
        case .list: return .value(.list(try items(of: v, at: offset)))
        case .first, .last:
            let all = try items(of: v, at: offset)
            guard let item = filter == .first ? all.first : all.last else {
                return .undefined(
                    MacroProblem(
                        rule: .undefinedVariable,
                        message: "'\(filter.rawValue)' of an empty sequence is undefined (No \(filter.rawValue) item, sequence was empty.)",
                        offset: offset))
            }
            return .value(item)
        case .reverse:
            if case .string(let s) = v { return .value(.string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))) }
            return .value(.list(try items(of: v, at: offset).reversed()))
        case .sort:
            let all = try items(of: v, at: offset)
            let keys = try sortKeys(all, attribute: arguments[2], caseSensitive: arguments[1], multiple: true, at: offset)
            let reverse = arguments[0].map(PythonSemantics.isTruthy) ?? false
            return .value(.list(try sorted(all, keys: keys, reverse: reverse, at: offset)))
        case .unique:
            let all = try items(of: v, at: offset)
            let keys = try sortKeys(all, attribute: arguments[1], caseSensitive: arguments[0], multiple: false, at: offset)
            var seen = Set<HashKey>()
            var out: [Value] = []
            for (item, key) in zip(all, keys) {
                let hash = try operation(at: offset) { (_: inout MacroBudget) throws(MacroOperationError) in try HashKey(key) }
                if seen.insert(hash).inserted { out.append(item) }
            }
            return .value(.list(out))
        case .min, .max:
            let all = try items(of: v, at: offset)
            let keys = try sortKeys(all, attribute: arguments[1], caseSensitive: arguments[0], multiple: false, at: offset)
            guard var best = all.indices.first else {
                return .undefined(
                    MacroProblem(
                        rule: .undefinedVariable,
                        message: "'\(filter.rawValue)' of an empty sequence is undefined (No aggregated item, sequence was empty.)",
                        offset: offset))
            }
            let order: PythonSemantics.Ordering = filter == .min ? .less : .greater
            for i in all.indices.dropFirst() {
                let better = try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                    try PythonSemantics.compare(keys[i], order, keys[best], budget: &b)
                }
                if better { best = i }
            }
            return .value(all[best])
        case .sum:
            var all = try items(of: v, at: offset)
            if let attribute = arguments[0] {
                var picked: [Value] = []
                for item in all { picked.append(try consume(attributeValue(of: item, attribute, at: offset))) }
                all = picked
            }
            var total = arguments[1] ?? .int(0)
            for item in all {
                total = try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                    try PythonArithmetic.apply(.add, total, item, budget: &b)
                }
            }
            return .value(total)
        case .batch, .slice:
            let all = try items(of: v, at: offset)
            let count = try integer(arguments[0], at: arguments.offset(0))
            let fill = arguments[1].flatMap { $0 == .null ? nil : $0 }
            return .value(.list(try filter == .batch ? batch(all, count, fill, at: offset) : slice(all, count, fill, at: offset)))
        case .dictsort:
            guard case .map(let map) = v else {
                throw fail(.macroType, "'\(PythonSemantics.typeName(v))' object has no attribute 'items'", at: offset)
            }
            let by: Int
            switch arguments[1] ?? .string("key") {
            case .string("key"): by = 0
            case .string("value"): by = 1
            default: throw fail(.macroType, "You can only sort by either \"key\" or \"value\"", at: arguments.offset(1))
            }
            let pairs = map.map { Value.list([.string($0.key), $0.value]) }
            let caseSensitive = arguments[0].map(PythonSemantics.isTruthy) ?? false
            var keys: [Value] = []
            for pair in pairs {
                guard case .list(let p) = pair, by < p.count else { continue }
                keys.append(caseSensitive ? p[by] : lowered(p[by]))
            }
            let reverse = arguments[2].map(PythonSemantics.isTruthy) ?? false
            return .value(.list(try sorted(pairs, keys: keys, reverse: reverse, at: offset)))
        case .items:
            guard case .map(let map) = v else { throw fail(.macroType, "Can only get item pairs from a mapping.", at: offset) }
            return .value(.list(map.map { .list([.string($0.key), $0.value]) }))
        case .attr:
            let name = arguments[0].map { PythonText.excerpt($0) } ?? "''"
            return .undefined(
                MacroProblem(
                    rule: .undefinedVariable,
                    message: "'\(PythonSemantics.typeName(v)) object' has no attribute \(name) (attr reads Python attributes, not keys)",
                    offset: offset))
        default:
            return .value(v)
        }
    }

    /// Python's `list(value)`: a list's items, a map's keys, a string's code points.
    mutating func items(of v: Value, at offset: Int) throws(EvaluationFailure) -> [Value] {
        switch v {
        case .list(let l): return l
        case .map(let m): return m.keys.map(Value.string)
        case .string(let s):
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try b.build(listCount: s.unicodeScalars.count)
            }
            return s.unicodeScalars.map { .string(String($0)) }
        default:
            throw fail(.macroType, "'\(PythonSemantics.typeName(v))' object is not iterable", at: offset)
        }
    }

    /// An integer argument (`batch(3)`); Python's `bool` is an `int`.
    mutating func integer(_ v: Value?, at offset: Int) throws(EvaluationFailure) -> Int {
        switch v {
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        case let other?:
            throw fail(
                .macroType, "'\(PythonSemantics.typeName(other))' object cannot be interpreted as an integer", at: offset)
        case nil: throw fail(.macroType, "an integer argument is missing", at: offset)
        }
    }

    /// Jinja's `make_attrgetter`: `attribute` is a dotted path (`a.b`, `links.0`) or an index;
    /// a missing member is undefined, or `fallback` if there is one.
    func attributeValue(of item: Value, _ attribute: Value, fallback: Value? = nil, at offset: Int) -> Operand {
        var parts: [Value]
        switch attribute {
        case .string(let path):
            parts = path.split(separator: ".", omittingEmptySubsequences: false).map { part in
                if !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let i = Int(part) { return .int(i) }
                return .string(String(part))
            }
        default: parts = [attribute]
        }
        var current = item
        for part in parts {
            if let next = Self.element(of: current, part) {
                current = next
                continue
            }
            if let fallback {
                // Jinja goes on from the default with the path's remaining parts.
                current = fallback
                continue
            }
            let type = current == .null ? "None" : "'\(PythonSemantics.typeName(current)) object'"
            return .undefined(
                MacroProblem(
                    rule: .undefinedVariable, message: "\(type) has no attribute \(PythonText.excerpt(part))", offset: offset,
                    keepText: "{{ no such element: \(PythonSemantics.typeName(current)) object[\(PythonText.excerpt(part))] }}"))
        }
        return .value(current)
    }

    /// Jinja's `environment.getitem(container, key)` over Trellis's values.
    static func element(of container: Value, _ key: Value) -> Value? {
        switch (container, key) {
        case (.map(let map), .string(let name)): return map[name]
        case (.map(let map), .int(let i)): return map[String(i)]
        case (.list(let items), .int(let i)):
            let index = i < 0 ? i + items.count : i
            return index >= 0 && index < items.count ? items[index] : nil
        case (.string(let s), .int(let i)):
            let scalars = Array(s.unicodeScalars)
            let index = i < 0 ? i + scalars.count : i
            return index >= 0 && index < scalars.count ? .string(String(scalars[index])) : nil
        default: return nil
        }
    }

    /// Jinja's `ignore_case`: strings compare lowercased unless `case_sensitive`.
    func lowered(_ v: Value) -> Value {
        if case .string(let s) = v { return .string(PythonText.lower(s)) }
        return v
    }

    /// The keys `sort`, `unique`, `min` and `max` compare: each item, or its `attribute`
    /// (comma-separated paths for `sort`), lowercased unless `case_sensitive`.
    private mutating func sortKeys(
        _ all: [Value], attribute: Value?, caseSensitive: Value?, multiple: Bool, at offset: Int
    ) throws(EvaluationFailure) -> [Value] {
        let sensitive = caseSensitive.map(PythonSemantics.isTruthy) ?? false
        var paths: [Value]? = nil
        if let attribute, attribute != .null {
            if multiple, case .string(let s) = attribute {
                paths = s.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) }
            } else {
                paths = [attribute]
            }
        }
        var keys: [Value] = []
        keys.reserveCapacity(all.count)
        for item in all {
            guard let paths else {
                keys.append(sensitive ? item : lowered(item))
                continue
            }
            var parts: [Value] = []
            for path in paths {
                let part = try consume(attributeValue(of: item, path, at: offset))
                parts.append(sensitive ? part : lowered(part))
            }
            keys.append(parts.count == 1 ? (parts.first ?? .null) : .list(parts))
        }
        return keys
    }

    /// A stable merge sort by `keys` with Python's `<` (mixed types raise, as in Python);
    /// `reverse` keeps equal items in order, as `sorted(reverse=True)` does.
    mutating func sorted(_ all: [Value], keys: [Value], reverse: Bool, at offset: Int) throws(EvaluationFailure)
        -> [Value]
    {
        var order = Array(all.indices)
        var buffer = order
        var width = 1
        while width < order.count {
            var start = 0
            while start < order.count {
                let middle = min(start + width, order.count)
                let end = min(start + 2 * width, order.count)
                var (i, j, k) = (start, middle, start)
                while i < middle && j < end {
                    let (left, right) = (order[i], order[j])
                    let rightFirst = try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        reverse
                            ? try PythonSemantics.compare(keys[left], .less, keys[right], budget: &b)
                            : try PythonSemantics.compare(keys[right], .less, keys[left], budget: &b)
                    }
                    if rightFirst {
                        buffer[k] = right
                        j += 1
                    } else {
                        buffer[k] = left
                        i += 1
                    }
                    k += 1
                }
                while i < middle {
                    buffer[k] = order[i]
                    i += 1
                    k += 1
                }
                while j < end {
                    buffer[k] = order[j]
                    j += 1
                    k += 1
                }
                start = end
            }
            swap(&order, &buffer)
            width *= 2
        }
        return order.map { all[$0] }
    }

    /// Jinja's `batch`: lists of `count` items, the last filled up with `fill` if given.
    private mutating func batch(_ all: [Value], _ count: Int, _ fill: Value?, at offset: Int) throws(EvaluationFailure)
        -> [Value]
    {
        var out: [Value] = []
        var current: [Value] = []
        for item in all {
            if current.count == count {
                out.append(.list(current))
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty {
            if let fill, current.count < count {
                let missing = count - current.count
                try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                    try b.build(listCount: missing)
                }
                current += Array(repeating: fill, count: missing)
            }
            out.append(.list(current))
        }
        return out
    }

    /// Jinja's `slice`: `count` lists of nearly equal length, the shorter ones filled with `fill`.
    private mutating func slice(_ all: [Value], _ count: Int, _ fill: Value?, at offset: Int) throws(EvaluationFailure)
        -> [Value]
    {
        guard count != 0 else { throw fail(.macroType, "integer division or modulo by zero", at: offset) }
        guard count > 0 else { return [] }
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(listCount: count) }
        let perSlice = all.count / count
        let withExtra = all.count % count
        var out: [Value] = []
        var extra = 0
        for n in 0..<count {
            let start = extra + n * perSlice
            if n < withExtra { extra += 1 }
            let end = min(all.count, extra + (n + 1) * perSlice)
            var part = start < end ? Array(all[start..<end]) : []
            if let fill, n >= withExtra { part.append(fill) }
            out.append(.list(part))
        }
        return out
    }
}

/// A value as Python hashes it for `unique`: `1`, `1.0` and `True` are one key; lists and
/// maps are unhashable.
enum HashKey: Hashable {
    case null, int(Int), double(Double), string(String)

    init(_ v: Value) throws(MacroOperationError) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .double(let d):
            if d.rounded() == d, let i = Int(exactly: d) { self = .int(i) } else { self = .double(d) }
        case .string(let s): self = .string(s)
        case .list, .map: throw .python("unhashable type: '\(PythonSemantics.typeName(v))'")
        }
    }
}
