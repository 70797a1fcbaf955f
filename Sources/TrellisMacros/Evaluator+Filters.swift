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
        let v = try consume(operand)
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
            guard let oldArgument = arguments[0], let newArgument = arguments[1] else {
                throw fail(.macroType, "filter 'replace' needs 2 arguments", at: offset)
            }
            let input = try text(v, at: offset)
            let old = try text(try value(oldArgument), at: oldArgument.offset)
            let new = try text(try value(newArgument), at: newArgument.offset)
            var count = -1
            if let e = arguments[2] {
                switch try value(e) {
                case .int(let i): count = i
                case .bool(let b): count = b ? 1 : 0
                case .null: break
                case let other:
                    throw fail(
                        .macroType, "'\(PythonSemantics.typeName(other))' object cannot be interpreted as an integer",
                        at: e.offset)
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
            if let e = arguments[0] {
                switch try value(e) {
                case .string(let s): chars = s
                case .null: break
                default: throw fail(.macroType, "strip arg must be None or str", at: e.offset)
                }
            }
            let input = try text(v, at: offset)
            return .value(.string(try spending(input, at: offset) { PythonText.strip($0, chars: chars) }))
        case .join:
            let separator = try arguments[0].map { e throws(EvaluationFailure) in try text(try value(e), at: e.offset) }
            return .value(.string(try join(v, separator: separator ?? "", at: offset)))
        case .length:
            return .value(
                .int(
                    try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        try PythonSemantics.length(v, budget: &b)
                    }))
        case .default:
            return operand
        }
    }

    /// Applies a text transform that never grows text more than a few times (case mapping,
    /// trimming), spending its input and its output.
    private mutating func spending(_ input: String, at offset: Int, _ transform: (String) -> String)
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
