import TrellisCore

extension Evaluator {
    /// `callee(arguments)`: a macro (defined here or imported), `range`, `dict`, `loop.cycle`,
    /// or a map's `items`, `keys`, `values` and `get`, as Jinja 3.1 calls them.
    mutating func call(_ callee: Expression, _ positional: [Expression], _ keywords: [KeywordArgument], at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        switch callee.kind {
        case .variable(let name):
            if let function = macro(named: name) {
                return try invoke(function, module: function.module, positional, keywords, at: offset)
            }
            if isBound(name) { break }
            return try global(name, positional, keywords, at: callee.offset)
        case .attribute(let base, let name):
            if case .variable(let moduleName) = base.kind, let module = module(named: moduleName) {
                guard let function = module.globals.macros[name] else {
                    throw fail(
                        MacroProblem(
                            rule: .undefinedVariable, message: "'\(module.name)' defines no macro '\(name)'",
                            offset: callee.offset, length: name.utf8.count,
                            pageError: "UndefinedError: 'jinja2.runtime.TemplateModule object' has no attribute '\(name)'"))
                }
                return try invoke(function, module: module, positional, keywords, at: offset)
            }
            if case .variable("loop") = base.kind, name == "cycle", case .map(let loop)? = frameValue("loop"),
                case .int(let index)? = loop["index0"]
            {
                guard !positional.isEmpty else { throw fail(.macroType, "no items for cycling given", at: callee.offset) }
                return .value(try value(positional[index % positional.count]))
            }
            let receiver = try value(base)
            if case .map(let map) = receiver, map[name] == nil {
                return try method(name, of: map, positional, keywords, at: callee.offset)
            }
            if case .string(let s) = receiver, name == "format" {
                let arguments = try positional.map { e throws(EvaluationFailure) in try value(e) }
                var named = ValueMap()
                for keyword in keywords { named[keyword.name] = try value(keyword.value) }
                return .value(
                    .string(
                        try operation(at: callee.offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                            try PythonStrFormat.format(s, arguments, named, budget: &b)
                        }))
            }
            if case .string(let s) = receiver, keywords.isEmpty {
                let arguments = try positional.map { e throws(EvaluationFailure) in try value(e) }
                return try stringMethod(name, of: s, arguments, at: callee.offset)
            }
        default: break
        }
        let target = try value(callee)
        throw fail(.macroType, "'\(PythonSemantics.typeName(target))' object is not callable", at: callee.offset)
    }

    /// The macro a name is bound to in the innermost scope that binds the name.
    private func macro(named name: String) -> MacroFunction? {
        for frame in frames.reversed() {
            if let function = frame.macros[name] { return function }
            if frame.values[name] != nil || frame.modules[name] != nil || frame.missing[name] != nil
                || frame.undefined[name] != nil
            {
                return nil
            }
        }
        return nil
    }

    private func frameValue(_ name: String) -> Value? {
        for frame in frames.reversed() { if let v = frame.values[name] { return v } }
        return nil
    }

    private func isBound(_ name: String) -> Bool {
        frames.contains { $0.values[name] != nil || $0.modules[name] != nil } || context[name] != nil
    }

    /// Jinja's global functions Trellis has (`range`, `dict`); any other name is a function the
    /// site's Python module may define (a `PythonMacro`), or undefined. Calling an undefined
    /// name fails the page in Jinja whatever the undefined policy.
    private mutating func global(_ name: String, _ positional: [Expression], _ keywords: [KeywordArgument], at offset: Int)
        throws(EvaluationFailure) -> Operand
    {
        switch name {
        case "range":
            guard keywords.isEmpty else { throw fail(.macroType, "range() takes no keyword arguments", at: offset) }
            var bounds: [Int] = []
            for argument in positional {
                switch try value(argument) {
                case .int(let i): bounds.append(i)
                case .bool(let b): bounds.append(b ? 1 : 0)
                case let other:
                    throw fail(
                        .macroType, "'\(PythonSemantics.typeName(other))' object cannot be interpreted as an integer",
                        at: argument.offset)
                }
            }
            return .value(.list(try range(bounds, at: offset)))
        case "dict":
            guard positional.isEmpty else { throw fail(.macroType, "dict() takes keyword arguments only in Trellis", at: offset) }
            var map = ValueMap()
            for keyword in keywords { map[keyword.name] = try value(keyword.value) }
            return .value(.map(map))
        case "lipsum", "cycler", "joiner", "namespace":
            throw fail(.macroType, "Jinja's '\(name)()' is not supported", at: offset)
        default:
            let jinja = "UndefinedError: '\(name)' is undefined"
            if let python = environment.python, let message = Self.pythonMessage(name, python) {
                // The function exists for MkDocs, which renders the page: Trellis keeps the page and
                // prints nothing at the call (no error page).
                throw fail(MacroProblem(rule: .pythonMacro, message: message, offset: offset, length: name.utf8.count, pageError: nil))
            }
            var message = "undefined function '\(name)'"
            let known = frames.flatMap { Array($0.macros.keys) } + ["range", "dict"]
            if let hint = Suggestions.didYouMean(name, in: known) { message += "; \(hint)" }
            throw fail(
                MacroProblem(rule: .undefinedVariable, message: message, offset: offset, length: name.utf8.count, pageError: jinja))
        }
    }

    /// Why `name` cannot be called: a function of the site's Python module or of the macros
    /// plugin, or one the module may define; nil when there is no Python code to blame.
    private static func pythonMessage(_ name: String, _ python: PythonMacros) -> String? {
        if let module = python.modules.first(where: { $0.functions.contains(name) }) {
            return "\(module.source) defines functions Trellis cannot run: '\(name)' is one; the call prints nothing"
        }
        if python.builtins.contains(name) {
            return "'\(name)' is a function of the macros plugin itself, which Trellis cannot run; the call prints nothing"
        }
        guard !python.modules.isEmpty else { return nil }
        let sources = python.modules.map(\.source).joined(separator: " or ")
        return "'\(name)' is not defined; \(sources) may define it, but Trellis cannot run Python"
    }

    /// Python's `range(stop)`, `range(start, stop[, step])`, its length checked before it is built.
    private mutating func range(_ bounds: [Int], at offset: Int) throws(EvaluationFailure) -> [Value] {
        let (start, stop, step): (Int, Int, Int)
        switch bounds.count {
        case 1: (start, stop, step) = (0, bounds[0], 1)
        case 2: (start, stop, step) = (bounds[0], bounds[1], 1)
        case 3: (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        default: throw fail(.macroType, "range expected 1 to 3 arguments, got \(bounds.count)", at: offset)
        }
        guard step != 0 else { throw fail(.macroType, "range() arg 3 must not be zero", at: offset) }
        let span = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        let magnitude = step == Int.min ? nil : Swift.abs(step)
        let count: Int? =
            span.overflow || magnitude == nil ? nil : span.partialValue <= 0 ? 0 : (span.partialValue - 1) / magnitude! + 1
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(listCount: count) }
        let n = count ?? 0
        var items: [Value] = []
        items.reserveCapacity(n)
        var current = start
        for i in 0..<n {
            items.append(.int(current))
            if i + 1 < n { current += step }
        }
        return items
    }

    /// `map.items()`, `map.keys()`, `map.values()`, `map.get(key[, default])`.
    private mutating func method(
        _ name: String, of map: ValueMap, _ positional: [Expression], _ keywords: [KeywordArgument], at offset: Int
    ) throws(EvaluationFailure) -> Operand {
        let arguments = try positional.map { e throws(EvaluationFailure) in try value(e) }
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.build(listCount: map.count) }
        switch (name, arguments.count, keywords.isEmpty) {
        case ("items", 0, true): return .value(.list(map.map { .list([.string($0.key), $0.value]) }))
        case ("keys", 0, true): return .value(.list(map.keys.map(Value.string)))
        case ("values", 0, true): return .value(.list(map.map(\.value)))
        case ("get", 1...2, true):
            guard case .string(let key) = arguments[0] else { return .value(arguments.count == 2 ? arguments[1] : .null) }
            return .value(map[key] ?? (arguments.count == 2 ? arguments[1] : .null))
        case ("items", _, _), ("keys", _, _), ("values", _, _), ("get", _, _):
            throw fail(.macroType, "wrong arguments for dict.\(name)()", at: offset)
        default:
            throw fail(
                MacroProblem(
                    rule: .undefinedVariable, message: "'dict object' has no attribute '\(name)'", offset: offset,
                    length: name.utf8.count, pageError: "UndefinedError: 'dict object' has no attribute '\(name)'"))
        }
    }

    /// Calls a macro: its arguments are evaluated here, its body is rendered in a scope of its
    /// own (over its module's top level, or this template's), and what it rendered is its value.
    private mutating func invoke(
        _ function: MacroFunction, module: MacroModule?, _ positional: [Expression], _ keywords: [KeywordArgument],
        at offset: Int
    ) throws(EvaluationFailure) -> Operand {
        let definition = function.definition
        let name = definition.name
        guard positional.count <= definition.parameters.count else {
            throw fail(
                .macroType, "macro '\(name)' takes not more than \(definition.parameters.count) argument(s)", at: offset)
        }
        var arguments: [String: Value] = [:]
        for (parameter, argument) in zip(definition.parameters, positional) {
            arguments[parameter.name] = try value(argument)
        }
        for keyword in keywords {
            guard definition.parameters.contains(where: { $0.name == keyword.name }) else {
                throw fail(.macroType, "macro '\(name)' takes no keyword argument '\(keyword.name)'", at: keyword.offset)
            }
            guard arguments[keyword.name] == nil else {
                throw fail(.macroType, "macro '\(name)' got multiple values for argument '\(keyword.name)'", at: keyword.offset)
            }
            arguments[keyword.name] = try value(keyword.value)
        }
        guard depth < MacroLimits.maxCallDepth else {
            throw fail(
                .macroLimit, "macro calls nest more than \(MacroLimits.maxCallDepth) deep (does '\(name)' call itself?)",
                at: offset)
        }
        guard environment.hasStackRoom else { throw fail(.macroLimit, MacroLimits.stackMessage, at: offset) }
        try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.spend(Renderer.includeCost) }
        // An imported macro sees its module; one of this template sees its top level as it is now.
        let scope = module ?? MacroModule(name: "", globals: frames[0], context: context)
        let result = Renderer.call(
            function, arguments: arguments, scope: scope, environment: environment, depth: depth + 1, budget: budget)
        budget = result.budget
        for diagnostic in result.diagnostics where !foreignDiagnostics.contains(diagnostic) {
            foreignDiagnostics.append(diagnostic)
        }
        if pageError == nil { pageError = result.pageError }
        guard let text = result.text else { throw EvaluationFailure() }
        return .value(.string(text))
    }
}
