import TrellisCore

/// A `{% for %}` being run: its items (already filtered by its `if`) and where it is.
struct LoopState {
    var items: [Value]
    var index: Int
    var loop: ForLoop
}

extension Renderer {
    /// Binds `names` to `value` in the innermost scope; several names unpack a list as Python
    /// unpacks a sequence (and report Python's error when the counts differ).
    mutating func assign(_ names: [String], _ value: Value, at offset: Int) {
        guard let values = unpack(names, value, at: offset) else { return }
        for (name, v) in zip(names, values) { evaluator.frames[evaluator.frames.count - 1].assign(name, v) }
    }

    /// `{% set %}`: an undefined value is bound as it is (Jinja binds its undefined object,
    /// which fails or prints only where it is used).
    mutating func set(_ names: [String], _ expression: Expression, at offset: Int) {
        guard let operand = try? evaluator.evaluate(expression) else { return }
        if case .undefined(let problem) = operand, names.count == 1 {
            let top = evaluator.frames.count - 1
            evaluator.frames[top].assign(names[0], .null)
            evaluator.frames[top].values[names[0]] = nil
            evaluator.frames[top].undefined[names[0]] = problem
            return
        }
        if let value = try? evaluator.consume(operand) { assign(names, value, at: offset) }
    }

    private mutating func unpack(_ names: [String], _ value: Value, at offset: Int) -> [Value]? {
        guard names.count > 1 else { return [value] }
        let items: [Value]
        switch value {
        case .list(let list): items = list
        case .string(let s) where s.unicodeScalars.count <= names.count: items = s.unicodeScalars.map { .string(String($0)) }
        case .map(let map) where map.count <= names.count: items = map.keys.map(Value.string)
        case .string, .map: items = Array(repeating: .null, count: names.count + 1)
        default:
            _ = evaluator.fail(
                .macroType, "cannot unpack non-iterable \(PythonSemantics.typeName(value)) object", at: offset)
            return nil
        }
        guard items.count == names.count else {
            let message =
                items.count > names.count
                ? "too many values to unpack (expected \(names.count))"
                : "not enough values to unpack (expected \(names.count), got \(items.count))"
            _ = evaluator.fail(.macroType, message, at: offset)
            return nil
        }
        return items
    }

    /// The text rendered since the matching `beginCapture`; the output goes back to what it was.
    mutating func endCapture() -> String {
        guard let saved = captures.popLast() else { return "" }
        if evaluator.frames.count > 1 { evaluator.frames.removeLast() }
        let text = String(decoding: output, as: UTF8.self)
        output = saved.output
        sourceMap = saved.sourceMap
        return text
    }

    /// Starts a loop: its items are those of the sequence (a list's items, a map's keys, a
    /// string's characters) its `if` keeps. Returns where to go on: the body, or `empty`.
    mutating func beginLoop(_ loop: ForLoop, at pc: Int, empty: Int) -> Int {
        guard var items = try? sequence(loop.iterable) else {
            // The loop cannot run: past it, else block included.
            if empty > 0, empty - 1 < program.count, case .forNext(_, let exit) = program[empty - 1] { return exit }
            return empty
        }
        if let condition = loop.condition {
            var kept: [Value] = []
            for item in items {
                evaluator.frames.append(Frame())
                assign(loop.targets, item, at: loop.tag)
                let before = evaluator.problems.count
                let holds = (try? evaluator.truth(condition)) ?? false
                if !holds, onlyUndefined(since: before) { evaluator.dropProblems(after: before) }
                evaluator.frames.removeLast()
                if holds { kept.append(item) }
                if spendIteration(at: loop.tag) == false { return program.count }
            }
            items = kept
        }
        guard !items.isEmpty else { return empty }
        loops.append(LoopState(items: items, index: 0, loop: loop))
        bindIteration()
        return pc + 1
    }

    /// After the body: the next item, or out of the loop.
    mutating func nextIteration(begin: Int, exit: Int) -> Int {
        guard var state = loops.popLast() else { return exit }
        evaluator.frames.removeLast()
        state.index += 1
        guard state.index < state.items.count else { return exit }
        loops.append(state)
        guard spendIteration(at: state.loop.tag) else { return program.count }
        bindIteration()
        return begin + 1
    }

    /// What an iteration costs from the page's work: a scope with `loop`'s ten values and the
    /// targets, so nested loops stay bounded (a page runs at most about 350,000 iterations).
    static let iterationCost = 16 * MacroBudget.itemCost

    private mutating func spendIteration(at offset: Int) -> Bool {
        do throws(MacroOperationError) {
            try evaluator.budget.spend(Self.iterationCost)
            return true
        } catch {
            _ = evaluator.fail(error.rule, error.message, at: offset)
            stopped = true
            return false
        }
    }

    /// A new scope for the current iteration, with the loop's targets and `loop`.
    private mutating func bindIteration() {
        guard let state = loops.last else { return }
        let i = state.index
        let n = state.items.count
        var loop = ValueMap([
            ("index", .int(i + 1)), ("index0", .int(i)), ("revindex", .int(n - i)), ("revindex0", .int(n - i - 1)),
            ("first", .bool(i == 0)), ("last", .bool(i == n - 1)), ("length", .int(n)), ("depth", .int(1)),
            ("depth0", .int(0)),
        ])
        if i > 0 { loop["previtem"] = state.items[i - 1] }
        if i + 1 < n { loop["nextitem"] = state.items[i + 1] }
        evaluator.frames.append(Frame())
        evaluator.frames[evaluator.frames.count - 1].values["loop"] = .map(loop)
        assign(state.loop.targets, state.items[i], at: state.loop.tag)
    }

    /// The items a `for` runs over, as Python iterates them.
    private mutating func sequence(_ expression: Expression) throws(EvaluationFailure) -> [Value] {
        let operand = try evaluator.evaluate(expression)
        // Jinja's lenient undefined objects iterate as empty (`else` runs); `StrictUndefined` fails.
        if case .undefined(let problem) = operand, undefined != .strict || problem.lenient { return [] }
        let value = try evaluator.consume(operand)
        switch value {
        case .list(let items): return items
        case .map(let map): return map.keys.map(Value.string)
        case .string(let s):
            try evaluator.operation(at: expression.offset) { (b: inout MacroBudget) throws(MacroOperationError) in
                try b.build(listCount: s.utf8.count)
            }
            return s.unicodeScalars.map { .string(String($0)) }
        default:
            throw evaluator.fail(
                .macroType, "'\(PythonSemantics.typeName(value))' object is not iterable", at: expression.offset)
        }
    }
}
