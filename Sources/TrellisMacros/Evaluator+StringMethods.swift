import TrellisCore

extension Evaluator {
    /// The `str` methods pages call on text (`page.url.startswith('api/')`, `name.upper()`,
    /// `path.split('/')`), as Python defines them; each spends what it reads and builds.
    mutating func stringMethod(_ name: String, of s: String, _ arguments: [Value], at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.spend(s.utf8.count) }
        func text(_ i: Int) throws(EvaluationFailure) -> String? {
            guard i < arguments.count else { return nil }
            if case .null = arguments[i] { return nil }
            guard case .string(let t) = arguments[i] else {
                throw fail(
                    .macroType, "str.\(name)() argument must be str, not \(PythonSemantics.typeName(arguments[i]))",
                    at: offset)
            }
            return t
        }
        let maximum: Int
        switch name {
        case "upper", "lower", "title", "capitalize": maximum = 0
        case "strip", "lstrip", "rstrip", "startswith", "endswith", "split": maximum = 1
        case "replace": maximum = 2
        default:
            throw fail(
                MacroProblem(
                    rule: .undefinedVariable, message: "'str object' has no attribute '\(name)'", offset: offset,
                    length: name.utf8.count, pageError: "UndefinedError: 'str object' has no attribute '\(name)'"))
        }
        guard arguments.count <= maximum, name != "replace" || arguments.count == 2 else {
            throw fail(.macroType, "wrong number of arguments for str.\(name)()", at: offset)
        }
        switch name {
        case "upper": return .value(.string(PythonText.upper(s)))
        case "lower": return .value(.string(PythonText.lower(s)))
        case "title": return .value(.string(Self.pythonTitle(s)))
        case "capitalize": return .value(.string(PythonText.capitalize(s)))
        case "strip": return .value(.string(PythonText.strip(s, chars: try text(0))))
        case "lstrip", "rstrip":
            let chars = try text(0).map { Set($0.unicodeScalars) }
            let strip: (Unicode.Scalar) -> Bool = { chars?.contains($0) ?? PythonText.isSpace($0) }
            let scalars = s.unicodeScalars
            if name == "lstrip" {
                return .value(.string(String(scalars.drop(while: strip))))
            }
            guard let last = scalars.lastIndex(where: { !strip($0) }) else { return .value(.string("")) }
            return .value(.string(String(scalars[...last])))
        case "startswith", "endswith":
            guard let affix = try text(0) else { throw fail(.macroType, "str.\(name)() takes one argument", at: offset) }
            let holds = name == "startswith" ? s.utf8.starts(with: affix.utf8) : s.utf8.reversed().starts(with: affix.utf8.reversed())
            return .value(.bool(holds))
        case "split":
            let separator = try text(0)
            // The number of pieces, counted before any is built.
            let pieces: Int
            if let separator, !separator.isEmpty {
                let limit = MacroLimits.maxListCount
                pieces = SubstringSearch(Array(separator.utf8)).matches(in: s.utf8, limit: limit).count + 1
            } else {
                var count = 0
                var inWord = false
                for scalar in s.unicodeScalars {
                    let space = PythonText.isSpace(scalar)
                    if !space, !inWord { count += 1 }
                    inWord = !space
                }
                pieces = count
            }
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try b.build(listCount: pieces)
            }
            if let separator {
                guard !separator.isEmpty else { throw fail(.macroType, "empty separator", at: offset) }
                return .value(.list(s.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) }))
            }
            let words = s.unicodeScalars.split(whereSeparator: PythonText.isSpace)
            return .value(.list(words.map { .string(String(String.UnicodeScalarView($0))) }))
        default:
            guard let old = try text(0), let new = try text(1) else {
                throw fail(.macroType, "str.replace() arguments must be str", at: offset)
            }
            return .value(
                .string(
                    try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                        try PythonText.replace(s, old, new, count: -1, budget: &b)
                    }))
        }
    }

    /// Python's `str.title()` (not Jinja's `title` filter): a cased character after a cased one
    /// is lowercased, any other is titlecased, so `don't` is `Don'T`.
    static func pythonTitle(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCased = false
        for scalar in s.unicodeScalars {
            out += previousCased ? scalar.properties.lowercaseMapping : scalar.properties.titlecaseMapping
            previousCased = scalar.properties.isCased
        }
        return out
    }
}
