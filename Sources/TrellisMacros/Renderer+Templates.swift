import TrellisCore

/// What a macro call gives back: its text (nil when a limit stopped it), its diagnostics and
/// the page's budget after it.
struct CallResult {
    var text: String?
    var diagnostics: [Diagnostic]
    var budget: MacroBudget
    var pageError: String?
}

extension Renderer {
    /// The template an include or import names, once its depth and cost are checked; nil
    /// (after reporting why, unless `ignoreMissing`) when there is none to render.
    private mutating func load(_ name: Expression, tag: Int, what: String, ignoreMissing: Bool = false) -> MacroTemplate? {
        guard let value = try? evaluator.value(name) else { return nil }
        guard case .string(let path) = value else {
            _ = evaluator.fail(
                .macroType, "\(what) names a template by a string, not \(PythonSemantics.typeName(value))", at: name.offset)
            return nil
        }
        guard depth < MacroLimits.maxIncludeDepth else {
            _ = evaluator.fail(
                .macroLimit, "includes nest more than \(MacroLimits.maxIncludeDepth) deep (does '\(path)' include itself?)",
                at: tag)
            return nil
        }
        guard evaluator.environment.hasStackRoom else {
            _ = evaluator.fail(.macroLimit, MacroLimits.stackMessage, at: tag)
            return nil
        }
        guard let template = includes?.template(named: path) else {
            if !ignoreMissing {
                let place = includes?.searchedFolder.map { " in '\($0)'" } ?? ""
                _ = evaluator.fail(.missingSnippet, "template '\(path)' not found\(place)", at: name.offset)
            }
            return nil
        }
        do throws(MacroOperationError) {
            // An include costs what rendering its template may cost, by its instructions: a page
            // including itself (or a big template) many times stops after a bounded time.
            try evaluator.budget.spend(Self.includeCost + template.program.count * Self.instructionCost)
        } catch {
            _ = evaluator.fail(.macroLimit, error.message, at: tag)
            stopped = true
            return nil
        }
        return template
    }

    /// The macros a template sees `with context`: those this template defines or imported.
    private var currentMacros: [String: MacroFunction] {
        var macros: [String: MacroFunction] = [:]
        for frame in evaluator.frames {
            macros.merge(frame.macros) { _, inner in inner }
        }
        return macros
    }

    /// The variables a template sees `with context`: the page's, with this template's own.
    private var currentContext: ValueMap {
        var context = evaluator.context
        for frame in evaluator.frames {
            for (name, value) in frame.values { context[name] = value }
        }
        return context
    }

    /// Renders the included template into the output, which maps to the include tag; false
    /// when the page's output limit stops rendering.
    mutating func include(_ name: Expression, tag: Int, ignoreMissing: Bool, withContext: Bool) -> Bool {
        guard let included = load(name, tag: tag, what: "an include", ignoreMissing: ignoreMissing) else { return !stopped }
        var budget = evaluator.budget
        let before = output.count
        let result = included.render(
            into: &output, context: withContext ? currentContext : ValueMap(), macros: withContext ? currentMacros : [:],
            environment: evaluator.environment, depth: depth + 1, budget: &budget, printed: printed)
        evaluator.budget = budget
        report(result.diagnostics, pageError: result.pageError)
        let added = output.count - before
        sourceMap.appendGenerated(sourceStart: sourceOffset + tag, length: added)
        return account(added, at: tag)
    }

    /// `{% import %}` and `{% from … import %}`: renders the template aside (its output is
    /// dropped, as Jinja drops it) and binds its module or the names asked for.
    mutating func importTemplate(_ name: Expression, _ targets: ImportTargets, withContext: Bool, tag: Int) -> Bool {
        guard let imported = load(name, tag: tag, what: "an import") else { return !stopped }
        let context = withContext ? currentContext : ValueMap()
        var renderer = Renderer(
            template: imported, capacity: 0, context: context, environment: evaluator.environment, depth: depth + 1,
            budget: evaluator.budget)
        if withContext { renderer.evaluator.frames[0].macros = currentMacros }
        imported.withBytes { renderer.run($0) }
        evaluator.budget = renderer.budget
        report(renderer.diagnostics, pageError: renderer.evaluator.pageError)
        if renderer.stopped || evaluator.budget.isExhausted { return false }
        let module = MacroModule(name: imported.file.path, globals: renderer.evaluator.frames[0], context: context)
        let top = evaluator.frames.count - 1
        switch targets {
        case .module(let alias):
            evaluator.frames[top].values[alias] = nil
            evaluator.frames[top].macros[alias] = nil
            evaluator.frames[top].modules[alias] = module
        case .names(let names):
            for (exported, alias, offset) in names {
                if var function = module.globals.macros[exported] {
                    function.module = module
                    evaluator.frames[top].values[alias] = nil
                    evaluator.frames[top].macros[alias] = function
                } else if let value = module.globals.values[exported] {
                    evaluator.frames[top].assign(alias, value)
                } else {
                    evaluator.frames[top].missing[alias] =
                        "the template '\(module.name)' does not export the requested name '\(exported)'"
                    _ = evaluator.fail(
                        .undefinedVariable, "the template '\(module.name)' does not export the requested name '\(exported)'",
                        at: offset)
                }
            }
        }
        return true
    }

    /// Keeps diagnostics of other renders, each once, and the first page error.
    private mutating func report(_ diagnostics: [Diagnostic], pageError: String?) {
        for diagnostic in diagnostics where reported.insert(diagnostic).inserted {
            includedDiagnostics.append(diagnostic)
        }
        if evaluator.pageError == nil { evaluator.pageError = pageError }
    }

    /// Renders a macro's body for one call: `arguments` by parameter name, defaults evaluated
    /// in the macro's scope, left-out parameters undefined as in Jinja.
    static func call(
        _ function: MacroFunction, arguments: [String: Value], scope: MacroModule, environment: MacroEnvironment,
        depth: Int, budget: MacroBudget
    ) -> CallResult {
        let template = function.template
        var renderer = Renderer(
            template: template, capacity: 0, context: scope.context, environment: environment, depth: depth, budget: budget)
        renderer.isCall = true
        renderer.growthLimit = MacroLimits.maxStringBytes
        renderer.evaluator.frames = [scope.globals] + function.closure + [Frame()]
        let own = renderer.evaluator.frames.count - 1
        for parameter in function.definition.parameters {
            if let value = arguments[parameter.name] {
                renderer.evaluator.frames[own].values[parameter.name] = value
            } else if let defaultValue = parameter.defaultValue {
                if let value = try? renderer.evaluator.value(defaultValue) {
                    renderer.evaluator.frames[own].values[parameter.name] = value
                }
            } else {
                renderer.evaluator.frames[own].missing[parameter.name] = "parameter '\(parameter.name)' was not provided"
            }
        }
        template.withBytes { renderer.run($0, from: function.bodyStart) }
        let text = renderer.stopped ? nil : String(decoding: renderer.output, as: UTF8.self)
        return CallResult(
            text: text, diagnostics: renderer.diagnostics, budget: renderer.budget, pageError: renderer.evaluator.pageError)
    }
}
