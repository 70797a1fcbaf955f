import TrellisCore

/// Names and members: the scopes, then the page's variables; a map's members and a list's or a
/// string's items; and what Jinja's undefined values say when one is missing.
extension Evaluator {
    func variable(_ name: String, at offset: Int) -> Operand {
        for frame in frames.reversed() {
            if let v = frame.values[name] { return .value(v) }
            if frame.macros[name] != nil { return .value(.string("<Macro '\(name)'>")) }
            if let module = frame.modules[name] { return .value(.string("<TemplateModule '\(module.name)'>")) }
            if let problem = frame.undefined[name] { return .undefined(problem) }
            if let hint = frame.missing[name] {
                return .undefined(
                    MacroProblem(
                        rule: .undefinedVariable, message: hint, offset: offset, length: name.utf8.count,
                        keepText: "{{ undefined value printed: \(hint) }}"))
            }
        }
        if let v = context[name] { return .value(v) }
        if let python = environment.python, let module = python.modules.first(where: { $0.variables.contains(name) }) {
            return .undefined(
                MacroProblem(
                    rule: .pythonMacro,
                    message: "\(module.source) sets variables Trellis cannot compute: '\(name)' is one",
                    offset: offset, length: name.utf8.count, keepText: "{{ \(name) }}"))
        }
        var message = "undefined variable '\(name)'"
        let known = context.keys + frames.flatMap { $0.values.keys }
        if let hint = Suggestions.didYouMean(name, in: known) { message += "; \(hint)" }
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable, message: message, offset: offset, length: name.utf8.count,
                keepText: "{{ \(name) }}"))
    }

    /// `{'key': value}`: Trellis's maps have string keys, as every map in a config has.
    mutating func map(_ pairs: [(key: Expression, value: Expression)]) throws(EvaluationFailure) -> Operand {
        var map = ValueMap()
        for pair in pairs {
            guard case .string(let key) = try value(pair.key) else {
                throw fail(.macroType, "map keys must be strings in Trellis", at: pair.key.offset)
            }
            map[key] = try value(pair.value)
        }
        return .value(.map(map))
    }

    /// `base.name`: a map's member (Jinja tries the attribute, then the item).
    mutating func member(of base: Expression, name: String, at offset: Int) throws(EvaluationFailure) -> Operand
    {
        if case .variable(let moduleName) = base.kind, let module = module(named: moduleName) {
            if let v = module.globals.values[name] { return .value(v) }
            if module.globals.macros[name] != nil { return .value(.string("<Macro '\(name)'>")) }
            return .undefined(
                MacroProblem(
                    rule: .undefinedVariable, message: "'\(module.name)' defines no '\(name)'", offset: offset,
                    length: name.utf8.count))
        }
        let container = try value(base)
        if case .map(let map) = container {
            if let v = map[name] { return .value(v) }
            return missingKey(name, in: map, of: base, at: offset, length: name.utf8.count)
        }
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable, message: "'\(base.path)' has no attribute '\(name)'", offset: offset,
                length: name.utf8.count, keepText: keepText(container, .string(name), base: base))
        )
    }

    /// The module a name is bound to by `{% import … as name %}`, if it is.
    func module(named name: String) -> MacroModule? {
        for frame in frames.reversed() {
            if let module = frame.modules[name] { return module }
            if frame.values[name] != nil || frame.macros[name] != nil { return nil }
        }
        return nil
    }

    private func missingKey(_ name: String, in map: ValueMap, of base: Expression, at offset: Int, length: Int = 0)
        -> Operand
    {
        var message = "'\(base.path)' has no attribute '\(name)'"
        if let hint = Suggestions.didYouMean(name, in: map.keys) { message += "; \(hint)" }
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable, message: message, offset: offset, length: length,
                keepText: keepText(.map(map), .string(name), base: base)))
    }

    /// What Jinja's `DebugUndefined` prints for a missing member: `{{ no such element: dict
    /// object['key'] }}`. The macros plugin turns the maps and lists of `extra` and of front
    /// matter into its `SuperDict` and `SuperList`, which print their own type names.
    func keepText(_ container: Value, _ key: Value, base: Expression) -> String {
        var type = container == .null ? "None" : "\(PythonSemantics.typeName(container)) object"
        if let python = environment.python, let root = base.rootVariable, python.superCollections.contains(root),
            !frames.contains(where: { $0.values[root] != nil })
        {
            if case .map = container { type = "super_collections.SuperDict object" }
            if case .list = container { type = "super_collections.SuperList object" }
        }
        return "{{ no such element: \(type)[\(PythonText.excerpt(key))] }}"
    }

    /// `base[key]` and `base.0`: list and string elements (negative from the end), map members.
    mutating func element(of base: Expression, key: Expression, at offset: Int) throws(EvaluationFailure)
        -> Operand
    {
        let container = try value(base)
        let index = try value(key)
        switch (container, index) {
        case (.map(let map), .string(let name)):
            if let v = map[name] { return .value(v) }
            return missingKey(name, in: map, of: base, at: offset)
        case (.map(let map), .int(let number)):
            // Maps read from YAML keep integer keys (`1_17_0:`) as their decimal text.
            if let v = map[String(number)] { return .value(v) }
        case (.list(let items), .int), (.list(let items), .bool):
            if let i = position(index, count: items.count) { return .value(items[i]) }
        case (.string(let s), .int), (.string(let s), .bool):
            try operation(at: offset) { (b: inout MacroBudget) throws(MacroOperationError) in try b.spend(s.utf8.count) }
            let scalars = Array(s.unicodeScalars)
            if let i = position(index, count: scalars.count) { return .value(.string(String(scalars[i]))) }
        default: break
        }
        var message = "'\(base.path)' has no element \(PythonText.excerpt(index))"
        if case .map(let map) = container, case .int(let number) = index,
            let key = map.keys.first(where: { $0.contains("_") && $0.filter { $0 != "_" } == String(number) })
        {
            // `date.1_17_0`: Jinja's lexer reads the digits after the dot as the integer 1170.
            message += "; Jinja reads '.\(key)' as the number \(number): write \(base.path)['\(key)'] for the key"
        }
        return .undefined(
            MacroProblem(
                rule: .undefinedVariable, message: message, offset: offset, keepText: keepText(container, index, base: base)))
    }

    private func position(_ index: Value, count: Int) -> Int? {
        let raw: Int
        switch index {
        case .int(let i): raw = i
        case .bool(let b): raw = b ? 1 : 0
        default: return nil
        }
        let i = raw < 0 ? raw + count : raw
        return i >= 0 && i < count ? i : nil
    }
}
