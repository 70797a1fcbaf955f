import TrellisCore

/// The filters that apply another filter or a test to each item (`map`, `select`, `reject`,
/// `selectattr`, `rejectattr`), and `format`: they take any arguments, bound here as Jinja
/// binds `*args, **kwargs`.
extension Evaluator {
    mutating func applyVariadic(
        _ filter: Filter, to v: Value, _ positional: [Value], _ keywords: [(name: String, value: Value)], at offset: Int
    ) throws(EvaluationFailure) -> Operand {
        switch filter {
        case .format:
            if !positional.isEmpty && !keywords.isEmpty {
                throw fail(.macroType, "can't handle positional and keyword arguments at the same time", at: offset)
            }
            let template = try text(v, at: offset)
            var named: ValueMap? = nil
            if !keywords.isEmpty {
                var map = ValueMap()
                for keyword in keywords { map[keyword.name] = keyword.value }
                named = map
            }
            return .value(
                .string(
                    try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        try PythonFormat.percent(template, positional, mapping: named, budget: &b)
                    }))
        case .map: return .value(.list(try map(v, positional, keywords, at: offset)))
        default:
            let keep = filter == .select || filter == .selectattr
            let byAttribute = filter == .selectattr || filter == .rejectattr
            if !keywords.isEmpty {
                throw fail(.macroType, "filter '\(filter.rawValue)' takes no keyword arguments in Trellis", at: offset)
            }
            var rest = positional[...]
            var attribute: Value? = nil
            if byAttribute {
                guard let first = rest.popFirst() else {
                    throw fail(.macroType, "Missing parameter for attribute name", at: offset)
                }
                attribute = first
            }
            var test: Test? = nil
            if let name = rest.popFirst() {
                guard case .string(let testName) = name, let named = Test.named(testName) else {
                    throw fail(.unknownFilter, "No test named \(PythonText.excerpt(name)).", at: offset)
                }
                test = named
            }
            let arguments = Array(rest)
            var out: [Value] = []
            for item in try items(of: v, at: offset) {
                let operand = attribute.map { attributeValue(of: item, $0, at: offset) } ?? .value(item)
                let passed: Bool
                if let test {
                    passed = try passes(test, operand, arguments, at: offset)
                } else {
                    passed = isForgiven(operand) ? false : PythonSemantics.isTruthy(try consume(operand))
                }
                if passed == keep { out.append(item) }
            }
            return .value(.list(out))
        }
    }

    /// `map(attribute='name', default=…)` or `map('filter', args…)`.
    private mutating func map(
        _ v: Value, _ positional: [Value], _ keywords: [(name: String, value: Value)], at offset: Int
    ) throws(EvaluationFailure) -> [Value] {
        let all = try items(of: v, at: offset)
        if positional.isEmpty, let attribute = keywords.first(where: { $0.name == "attribute" })?.value {
            let fallback = keywords.first(where: { $0.name == "default" })?.value
            if let other = keywords.first(where: { $0.name != "attribute" && $0.name != "default" }) {
                throw fail(.macroType, "Unexpected keyword argument '\(other.name)'", at: offset)
            }
            var out: [Value] = []
            for item in all {
                out.append(try consume(attributeValue(of: item, attribute, fallback: fallback == .null ? nil : fallback, at: offset)))
            }
            return out
        }
        guard let name = positional.first else { throw fail(.macroType, "map requires a filter argument", at: offset) }
        guard case .string(let filterName) = name, let filter = Filter.named(filterName) else {
            throw fail(.unknownFilter, "No filter named \(PythonText.excerpt(name)).", at: offset)
        }
        let arguments = Array(positional.dropFirst())
        var out: [Value] = []
        for item in all {
            out.append(try consume(apply(filter, to: item, positional: arguments, keywords: keywords, at: offset)))
        }
        return out
    }
}
