import TrellisCore

/// Runs a compiled template: copies text, prints expressions, follows `if` jumps, and records
/// where every output byte came from. It stops at the first page-wide limit (`MacroLimits`):
/// the page has an error then, and the rest of its macros would only add to the work.
struct Renderer {
    let program: [Instruction]
    let hasCarriageReturn: Bool
    let sourceOffset: Int
    private(set) var output: [UInt8]
    private(set) var sourceMap = SourceMap()
    private var evaluator: Evaluator
    /// Bytes the page's expressions and includes printed so far.
    private(set) var printed = 0
    /// The page's work budget, spent by this template and handed on to the ones it includes.
    var budget: MacroBudget { evaluator.budget }

    /// What one include costs from the page's work budget, so a page renders a bounded number
    /// of includes however they nest (at most 32,768).
    static let includeCost = MacroLimits.maxPageWork >> 15

    var problems: [MacroProblem] { evaluator.problems }
    /// Diagnostics of included templates, in their own files.
    private(set) var includedDiagnostics: [Diagnostic] = []
    private var reported: Set<Diagnostic> = []

    let undefined: UndefinedPolicy
    let includes: (any MacroIncludeLoading)?
    /// How many includes deep this template is rendered.
    let depth: Int

    init(
        program: [Instruction], hasCarriageReturn: Bool, sourceOffset: Int, capacity: Int, context: ValueMap,
        undefined: UndefinedPolicy = .strict, includes: (any MacroIncludeLoading)? = nil, depth: Int = 0,
        budget: MacroBudget = MacroBudget(), printed: Int = 0, output: [UInt8] = []
    ) {
        self.output = output
        self.program = program
        self.undefined = undefined
        self.includes = includes
        self.depth = depth
        self.printed = printed
        self.hasCarriageReturn = hasCarriageReturn
        self.sourceOffset = sourceOffset
        self.evaluator = Evaluator(context: context, undefinedIsFalse: undefined != .strict)
        self.evaluator.budget = budget
        if capacity > 0 { self.output.reserveCapacity(self.output.count + capacity) }
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var pc = 0
        while pc >= 0, pc < program.count, !evaluator.budget.isExhausted {
            switch program[pc] {
            case .text(let start, let end):
                copy(bytes, start, end)
                pc += 1
            case .output(let expression, let tag):
                let before = evaluator.problems.count
                if let text = try? evaluator.text(try evaluator.value(expression), at: expression.offset) {
                    printed += text.utf8.count
                    guard printed <= MacroLimits.maxPageGrowth else {
                        let limit = MacroBudget.mebibytes(MacroLimits.maxPageGrowth)
                        _ = evaluator.fail(
                            .macroLimit, "this page's macros would add more than \(limit) to it; Trellis allows at most \(limit)",
                            at: tag)
                        return
                    }
                    output.append(contentsOf: text.utf8)
                    sourceMap.appendGenerated(sourceStart: sourceOffset + tag, length: text.utf8.count)
                } else if onlyUndefined(since: before) {
                    evaluator.dropProblems(after: before)
                    if undefined == .keep {
                        // The tag as written, `{{ … }}`, stays in the page.
                        let end = Self.tagEnd(bytes, from: tag)
                        append(bytes, tag, end)
                    }
                }
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
            }
        }
    }

    /// Renders the included template into the output, which maps to the include tag; false
    /// when the page's output limit stops rendering.
    private mutating func include(_ name: Expression, tag: Int, ignoreMissing: Bool, withContext: Bool) -> Bool {
        guard let value = try? evaluator.value(name) else { return true }
        guard case .string(let path) = value else {
            _ = evaluator.fail(.macroType, "an include names a template by a string, not \(PythonSemantics.typeName(value))", at: name.offset)
            return true
        }
        guard depth < MacroLimits.maxIncludeDepth else {
            _ = evaluator.fail(
                .macroLimit, "includes nest more than \(MacroLimits.maxIncludeDepth) deep (does '\(path)' include itself?)", at: tag)
            return true
        }
        guard let template = includes?.template(named: path) else {
            if !ignoreMissing {
                let place = includes?.searchedFolder.map { " in '\($0)'" } ?? ""
                _ = evaluator.fail(.missingSnippet, "template '\(path)' not found\(place)", at: name.offset)
            }
            return true
        }
        do throws(MacroOperationError) {
            try evaluator.budget.spend(Self.includeCost)
        } catch {
            _ = evaluator.fail(.macroLimit, error.message, at: tag)
            return false
        }
        var budget = evaluator.budget
        let before = output.count
        let diagnostics = template.render(
            into: &output, context: withContext ? evaluator.context : ValueMap(), undefined: undefined, includes: includes,
            depth: depth + 1, budget: &budget, printed: printed)
        evaluator.budget = budget
        // A template included many times reports each of its problems once.
        for diagnostic in diagnostics where reported.insert(diagnostic).inserted {
            includedDiagnostics.append(diagnostic)
        }
        let added = output.count - before
        sourceMap.appendGenerated(sourceStart: sourceOffset + tag, length: added)
        printed += added
        guard printed <= MacroLimits.maxPageGrowth else {
            let limit = MacroBudget.mebibytes(MacroLimits.maxPageGrowth)
            _ = evaluator.fail(
                .macroLimit, "this page's macros would add more than \(limit) to it; Trellis allows at most \(limit)", at: tag)
            return false
        }
        return true
    }

    /// The output, handed back to an including template (this renderer is done).
    mutating func takeOutput() -> [UInt8] {
        defer { output = [] }
        return output
    }

    /// Whether the policy forgives the problems recorded since `count`: all are undefined names.
    private func onlyUndefined(since count: Int) -> Bool {
        undefined != .strict && evaluator.problems.count > count
            && evaluator.problems[count...].allSatisfy { $0.rule == .undefinedVariable }
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

    /// Copies page text, turning `\r\n` and `\r` into `\n` as Jinja does.
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard hasCarriageReturn else {
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
