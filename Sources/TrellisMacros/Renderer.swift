import TrellisCore

/// Runs a compiled template: copies text, prints expressions, follows jumps, runs loops and
/// blocks, and records where every output byte came from. It stops at the first page-wide limit
/// (`MacroLimits`): the page has an error then, and the rest of its macros would only add to the
/// work.
struct Renderer {
    let template: MacroTemplate
    var program: [Instruction] { template.program }
    var sourceOffset: Int { template.sourceOffset }
    var output: [UInt8]
    var sourceMap = SourceMap()
    var evaluator: Evaluator
    /// Bytes the page's expressions, includes and repeated text printed so far.
    var printed = 0
    /// How many bytes `printed` may reach: the page's growth limit, or for a macro call the
    /// longest string its value may be.
    var growthLimit = MacroLimits.maxPageGrowth
    /// Whether a page-wide limit stopped the render.
    var stopped = false
    /// Whether this renders a macro's body for a call.
    var isCall = false
    /// The page's work budget, spent by this template and handed on to the ones it includes.
    var budget: MacroBudget { evaluator.budget }
    /// The loops being run, innermost last.
    var loops: [LoopState] = []
    /// Output set aside while a block `set` or `filter` renders its body, innermost last.
    var captures: [(output: [UInt8], sourceMap: SourceMap)] = []

    /// What one include, import or macro call costs from the page's work budget, so a page
    /// renders a bounded number of them however they nest (at most 32,768).
    static let includeCost = MacroLimits.maxPageWork >> 15
    /// What each instruction of an included template adds to its include's cost.
    static let instructionCost = 1024

    var problems: [MacroProblem] { evaluator.problems }
    /// Diagnostics of included templates and of macros, in their own files, each once.
    var includedDiagnostics: [Diagnostic] = []
    var reported: Set<Diagnostic> = []

    var undefined: UndefinedPolicy { evaluator.environment.undefined }
    var includes: (any MacroIncludeLoading)? { evaluator.environment.includes }
    /// How many includes, imports and calls deep this template is rendered.
    var depth: Int { evaluator.depth }

    init(
        template: MacroTemplate, capacity: Int, context: ValueMap, environment: MacroEnvironment, depth: Int = 0,
        budget: MacroBudget = MacroBudget(), printed: Int = 0, output: [UInt8] = []
    ) {
        self.template = template
        self.output = output
        self.printed = printed
        self.evaluator = Evaluator(context: context, environment: environment, depth: depth)
        self.evaluator.budget = budget
        if capacity > 0 { self.output.reserveCapacity(self.output.count + capacity) }
    }

    /// All diagnostics of this render: its own, in the template's file, then the others.
    var diagnostics: [Diagnostic] {
        problems.map { $0.diagnostic(in: template.file, sourceOffset: sourceOffset) } + includedDiagnostics
            + evaluator.foreignDiagnostics.filter { !reported.contains($0) }
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        var pc = start
        while pc >= 0, pc < program.count, !stopped {
            if evaluator.budget.isExhausted {
                stopped = true
                return
            }
            switch program[pc] {
            case .text(let start, let end):
                if repeating, !account(end - start, at: start) { return }
                copy(bytes, start, end)
                pc += 1
            case .output(let expression, let tag):
                guard output(expression, tag: tag, bytes) else { return }
                pc += 1
            case .jumpUnless(let condition, let target):
                let before = evaluator.problems.count
                let holds = (try? evaluator.truth(condition)) ?? false
                if !holds, onlyUndefined(since: before) { evaluator.dropProblems(after: before) }
                pc = holds ? pc + 1 : target
            case .jump(let target):
                pc = target
            case .include(let name, let tag, let ignoreMissing, let withContext):
                guard include(name, tag: tag, ignoreMissing: ignoreMissing, withContext: withContext) else { return }
                pc += 1
            case .set(let names, let expression, let tag):
                set(names, expression, at: tag)
                pc += 1
            case .pushScope:
                evaluator.frames.append(Frame())
                pc += 1
            case .popScope:
                if evaluator.frames.count > 1 { evaluator.frames.removeLast() }
                pc += 1
            case .beginCapture:
                evaluator.frames.append(Frame())
                captures.append((output, sourceMap))
                output = []
                sourceMap = SourceMap()
                pc += 1
            case .endSet(let names, let tag):
                let text = endCapture()
                assign(names, .string(text), at: tag)
                pc += 1
            case .endFilter(let filters, let tag):
                evaluator.captured = endCapture()
                guard output(filters, tag: tag, bytes) else { return }
                evaluator.captured = ""
                pc += 1
            case .forBegin(let loop, let empty):
                pc = beginLoop(loop, at: pc, empty: empty)
            case .forNext(let begin, let exit):
                pc = nextIteration(begin: begin, exit: exit)
            case .defineMacro(let definition, let skip):
                let function = MacroFunction(
                    definition: definition, bodyStart: pc + 1, template: template, module: nil,
                    closure: Array(evaluator.frames.dropFirst()))
                evaluator.frames[evaluator.frames.count - 1].macros[definition.name] = function
                evaluator.frames[evaluator.frames.count - 1].values[definition.name] = nil
                pc = skip
            case .endMacro:
                return
            case .importTemplate(let name, let targets, let withContext, let tag):
                guard importTemplate(name, targets, withContext: withContext, tag: tag) else { return }
                pc += 1
            }
        }
    }

    /// Text copied inside a loop, a capture or a macro body is output the page's own text does
    /// not account for: it counts as printed and is spent from the budget.
    private var repeating: Bool { !loops.isEmpty || !captures.isEmpty || isCall }

    /// Counts `count` more printed bytes; false (with a `MacroLimit` error) past the limit.
    mutating func account(_ count: Int, at offset: Int) -> Bool {
        printed += count
        if printed > growthLimit {
            let limit = MacroBudget.mebibytes(growthLimit)
            let what = growthLimit == MacroLimits.maxPageGrowth ? "this page's macros would add" : "a macro would return"
            let to = growthLimit == MacroLimits.maxPageGrowth ? " to it" : ""
            _ = evaluator.fail(.macroLimit, "\(what) more than \(limit)\(to); Trellis allows at most \(limit)", at: offset)
            stopped = true
            return false
        }
        if repeating {
            do throws(MacroOperationError) {
                try evaluator.budget.spend(count)
            } catch {
                _ = evaluator.fail(error.rule, error.message, at: offset)
                stopped = true
                return false
            }
        }
        return true
    }

    /// Prints an expression's value, or what the undefined policy prints for an undefined one;
    /// false when the page's output limit stops rendering.
    private mutating func output(_ expression: Expression, tag: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let before = evaluator.problems.count
        let operand = try? evaluator.evaluate(expression)
        var text: String?
        if let operand, case .undefined(let problem) = operand, problem.pageError == nil, evaluator.isForgiven(operand) {
            // Jinja's `DebugUndefined` prints what is missing; the other policies print nothing.
            if undefined == .keep { text = problem.keepText ?? Self.tagText(bytes, from: tag) }
        } else if let operand, let value = try? evaluator.consume(operand) {
            text = try? evaluator.text(value, at: expression.offset)
        } else if onlyUndefined(since: before) {
            evaluator.dropProblems(after: before)
            if undefined == .keep { text = Self.tagText(bytes, from: tag) }
        }
        guard let text else { return true }
        guard account(text.utf8.count, at: tag) else { return false }
        output.append(contentsOf: text.utf8)
        sourceMap.appendGenerated(sourceStart: sourceOffset + tag, length: text.utf8.count)
        return true
    }

    /// Whether the policy forgives the problems recorded since `count`: all are undefined
    /// names that do not stop the page in Jinja.
    func onlyUndefined(since count: Int) -> Bool {
        undefined != .strict && evaluator.problems.count > count
            && evaluator.problems[count...].allSatisfy { $0.rule == .undefinedVariable && $0.pageError == nil }
    }

    /// The `{{ … }}` tag starting at `start` as written.
    private static func tagText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tagEnd(bytes, from: start)]), as: UTF8.self)
    }

    /// Just past the `}}` that closes the tag starting at `start` (quotes respected).
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start + 2
        var quote: UInt8?
        while i + 1 < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == q { quote = nil }
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
            } else if b == UInt8(ascii: "}"), bytes[i + 1] == UInt8(ascii: "}") {
                return i + 2
            }
            i += 1
        }
        return bytes.count
    }

    /// The output, handed back to an including template (this renderer is done).
    mutating func takeOutput() -> [UInt8] {
        defer { output = [] }
        return output
    }

    /// Copies page text, turning `\r\n` and `\r` into `\n` as Jinja does.
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard template.hasCarriageReturn else {
            append(bytes, start, end)
            return
        }
        var run = start
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "\r") {
                append(bytes, run, i)
                if i + 1 < end, bytes[i + 1] == UInt8(ascii: "\n") {
                    run = i + 1
                } else {
                    output.append(UInt8(ascii: "\n"))
                    sourceMap.appendGenerated(sourceStart: sourceOffset + i, length: 1)
                    run = i + 1
                }
            }
            i += 1
        }
        append(bytes, run, end)
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end > start else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        sourceMap.appendCopy(sourceStart: sourceOffset + start, length: end - start)
    }
}
