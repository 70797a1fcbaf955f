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
        var text: String { PythonText.str(v) }
        switch filter {
        case .lower: return .value(.string(PythonText.lower(text)))
        case .upper: return .value(.string(PythonText.upper(text)))
        case .title: return .value(.string(PythonText.title(text)))
        case .capitalize: return .value(.string(PythonText.capitalize(text)))
        case .replace:
            let old = PythonText.str(try value(arguments[0]!))
            let new = PythonText.str(try value(arguments[1]!))
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
            return .value(.string(PythonText.replace(text, old, new, count: count)))
        case .trim:
            var chars: String? = nil
            if let e = arguments[0] {
                switch try value(e) {
                case .string(let s): chars = s
                case .null: break
                default: throw fail(.macroType, "strip arg must be None or str", at: e.offset)
                }
            }
            return .value(.string(PythonText.strip(text, chars: chars)))
        case .join:
            let separator = try arguments[0].map { e throws(EvaluationFailure) in PythonText.str(try value(e)) } ?? ""
            do throws(PythonTypeError) {
                let items = try PythonSemantics.elements(v)
                return .value(.string(items.map(PythonText.str).joined(separator: separator)))
            } catch {
                throw fail(.macroType, error.message, at: offset)
            }
        case .length:
            do throws(PythonTypeError) {
                return .value(.int(try PythonSemantics.length(v)))
            } catch {
                throw fail(.macroType, error.message, at: offset)
            }
        case .default:
            return operand
        }
    }
}
