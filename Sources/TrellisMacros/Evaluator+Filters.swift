import TrellisCore

extension Evaluator {
    /// Applies a filter as Jinja 3.1 defines it; `arguments` are in parameter order.
    mutating func apply(_ filter: Filter, to base: Expression, arguments: [Expression?], at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        let operand = try evaluate(base)
        if filter == .default {
            // `default(value, default_value='', boolean=False)`: only an undefined value (or,
            // with `boolean`, a falsy one) is replaced; the fallback itself may be undefined.
            let fallback =
                try arguments[0].map { e throws(EvaluationFailure) in try evaluate(e) } ?? .value(.string(""))
            guard case .value(let v) = operand else { return fallback }
            let boolean = try arguments[1].map { e throws(EvaluationFailure) in try value(e) }
            if let boolean, PythonSemantics.isTruthy(boolean), !PythonSemantics.isTruthy(v) { return fallback }
            return operand
        }
        if filter == .items, case .undefined = operand { return .value(.list([])) }  // Jinja: `if isinstance(value, Undefined): return`
        let v = try consume(operand)
        var values: [Value?] = []
        var offsets: [Int] = []
        for argument in arguments {
            values.append(try argument.map { e throws(EvaluationFailure) in try value(e) })
            offsets.append(argument?.offset ?? offset)
        }
        return try apply(filter, to: v, FilterArguments(values: values, offsets: offsets, filter: offset), at: offset)
    }

    /// A variadic filter (`map`, `select`, `format`…): its arguments evaluated, then applied.
    mutating func apply(
        _ filter: Filter, to base: Expression, positional: [Expression], keywords: [KeywordArgument], at offset: Int
    ) throws(EvaluationFailure) -> Operand {
        let v = try value(base)
        var arguments: [Value] = []
        for e in positional { arguments.append(try value(e)) }
        var named: [(name: String, value: Value)] = []
        for keyword in keywords { named.append((keyword.name, try value(keyword.value))) }
        return try applyVariadic(filter, to: v, arguments, named, at: offset)
    }

    /// Applies a filter to a value with values for its arguments, as `map('name', …)` does:
    /// positional ones first, then keywords, bound to the filter's parameters by name.
    mutating func apply(
        _ filter: Filter, to v: Value, positional: [Value], keywords: [(name: String, value: Value)], at offset: Int
    ) throws(EvaluationFailure) -> Operand {
        if filter.isVariadic { return try applyVariadic(filter, to: v, positional, keywords, at: offset) }
        let parameters = filter.parameters
        guard positional.count <= parameters.count else {
            throw fail(.macroType, "filter '\(filter.rawValue)' takes at most \(parameters.count) arguments", at: offset)
        }
        var values = [Value?](repeating: nil, count: parameters.count)
        for (i, argument) in positional.enumerated() { values[i] = argument }
        for keyword in keywords {
            guard let i = parameters.firstIndex(of: keyword.name), values[i] == nil else {
                throw fail(.macroType, "filter '\(filter.rawValue)' got an unexpected argument '\(keyword.name)'", at: offset)
            }
            values[i] = keyword.value
        }
        if values.prefix(filter.requiredCount).contains(where: { $0 == nil }) {
            throw fail(.macroType, "filter '\(filter.rawValue)' needs \(filter.requiredCount) argument(s)", at: offset)
        }
        if filter == .default {
            let boolean = values[1].map(PythonSemantics.isTruthy) ?? false
            if boolean, !PythonSemantics.isTruthy(v) { return .value(values[0] ?? .string("")) }
            return .value(v)
        }
        let offsets = [Int](repeating: offset, count: parameters.count)
        return try apply(filter, to: v, FilterArguments(values: values, offsets: offsets, filter: offset), at: offset)
    }

    /// Applies a filter with a fixed parameter list to a value.
    private mutating func apply(_ filter: Filter, to v: Value, _ arguments: FilterArguments, at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        switch filter {
        case .lower, .upper, .title, .capitalize:
            let input = try text(v, at: offset)
            let transform: (String) -> String
            switch filter {
            case .lower: transform = PythonText.lower
            case .upper: transform = PythonText.upper
            case .title: transform = PythonText.title
            default: transform = PythonText.capitalize
            }
            return .value(.string(try spending(input, at: offset, transform)))
        case .replace:
            guard let oldValue = arguments[0], let newValue = arguments[1] else {
                throw fail(.macroType, "filter 'replace' needs 2 arguments", at: offset)
            }
            let input = try text(v, at: offset)
            let old = try text(oldValue, at: arguments.offset(0))
            let new = try text(newValue, at: arguments.offset(1))
            var count = -1
            if let c = arguments[2] {
                switch c {
                case .int(let i): count = i
                case .bool(let b): count = b ? 1 : 0
                case .null: break
                case let other:
                    throw fail(
                        .macroType, "'\(PythonSemantics.typeName(other))' object cannot be interpreted as an integer",
                        at: arguments.offset(2))
                }
            }
            return .value(
                .string(
                    try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        try b.spend(input.utf8.count)
                        return try PythonText.replace(input, old, new, count: count, budget: &b)
                    }))
        case .trim:
            var chars: String? = nil
            if let c = arguments[0] {
                switch c {
                case .string(let s): chars = s
                case .null: break
                default: throw fail(.macroType, "strip arg must be None or str", at: arguments.offset(0))
                }
            }
            let input = try text(v, at: offset)
            return .value(.string(try spending(input, at: offset) { PythonText.strip($0, chars: chars) }))
        case .join:
            let separator = try arguments[0].map { s throws(EvaluationFailure) in try text(s, at: arguments.offset(0)) }
            var joined = v
            if let attribute = arguments[1] {
                joined = .list(try self.items(of: v, at: offset).map { item throws(EvaluationFailure) in
                    try consume(attributeValue(of: item, attribute, at: offset))
                })
            }
            return .value(.string(try join(joined, separator: separator ?? "", at: offset)))
        case .length:
            return .value(
                .int(
                    try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        try PythonSemantics.length(v, budget: &b)
                    }))
        case .default:
            return .value(v)
        case .string, .truncate, .wordcount, .indent, .center, .escape, .safe, .urlencode, .tojson:
            return .value(try applyText(filter, to: v, arguments, at: offset))
        case .int, .float, .abs, .round, .filesizeformat:
            return .value(try applyNumber(filter, to: v, arguments, at: offset))
        case .list, .first, .last, .sort, .unique, .reverse, .sum, .min, .max, .batch, .slice, .dictsort, .items, .attr:
            return try applySequence(filter, to: v, arguments, at: offset)
        case .map, .select, .reject, .selectattr, .rejectattr, .format:
            return try applyVariadic(filter, to: v, arguments.values.compactMap { $0 }, [], at: offset)
        }
    }

    /// Applies a text transform that never grows text more than a few times (case mapping,
    /// trimming), spending its input and its output.
    mutating func spending(_ input: String, at offset: Int, _ transform: (String) -> String)
        throws(EvaluationFailure) -> String
    {
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.spend(input.utf8.count) }
        let output = transform(input)
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.spend(output.utf8.count) }
        return output
    }

    /// Jinja's `join`: `separator.join(map(str, value))` over a list's items, a map's keys or a
    /// string's code points, its length checked before it is built.
    private mutating func join(_ v: Value, separator: String, at offset: Int) throws(EvaluationFailure) -> String {
        let items: [String]
        switch v {
        case .list(let list):
            var texts: [String] = []
            texts.reserveCapacity(list.count)
            for item in list { texts.append(try text(item, at: offset)) }
            items = texts
        case .map(let map): items = map.keys
        case .string(let s):
            // Code points joined directly: no string per code point.
            let count = s.unicodeScalars.count
            let size = MacroBudget.product(max(0, count - 1), separator.utf8.count).flatMap {
                MacroBudget.sum($0, s.utf8.count)
            }
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try b.build(stringBytes: size)
            }
            var out = String()
            out.reserveCapacity(size ?? 0)
            for (n, scalar) in s.unicodeScalars.enumerated() {
                if n > 0 { out += separator }
                out.unicodeScalars.append(scalar)
            }
            return out
        default:
            throw fail(.macroType, "'\(PythonSemantics.typeName(v))' object is not iterable", at: offset)
        }
        var size: Int? = MacroBudget.product(max(0, items.count - 1), separator.utf8.count)
        for item in items { size = size.flatMap { MacroBudget.sum($0, item.utf8.count) } }
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(stringBytes: size) }
        return items.joined(separator: separator)
    }
}

/// A filter's argument values in parameter order (nil where the default applies), and where
/// each was written, for diagnostics.
struct FilterArguments {
    var values: [Value?]
    var offsets: [Int]
    var filter: Int

    subscript(_ i: Int) -> Value? { i < values.count ? values[i] : nil }

    func offset(_ i: Int) -> Int { i < offsets.count ? offsets[i] : filter }
}
