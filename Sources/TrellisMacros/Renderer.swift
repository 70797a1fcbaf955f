import TrellisCore

/// Runs a compiled template: copies text, prints expressions, follows `if` jumps, and records
/// where every output byte came from.
struct Renderer {
    let program: [Instruction]
    let hasCarriageReturn: Bool
    let sourceOffset: Int
    private(set) var output: [UInt8] = []
    private(set) var sourceMap = SourceMap()
    private var evaluator: Evaluator

    var problems: [MacroProblem] { evaluator.problems }

    init(program: [Instruction], hasCarriageReturn: Bool, sourceOffset: Int, capacity: Int, context: ValueMap) {
        self.program = program
        self.hasCarriageReturn = hasCarriageReturn
        self.sourceOffset = sourceOffset
        self.evaluator = Evaluator(context: context)
        output.reserveCapacity(capacity)
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var pc = 0
        while pc >= 0, pc < program.count {
            switch program[pc] {
            case .text(let start, let end):
                copy(bytes, start, end)
                pc += 1
            case .output(let expression, let tag):
                if let value = try? evaluator.value(expression) {
                    let text = PythonText.str(value)
                    output.append(contentsOf: text.utf8)
                    sourceMap.appendGenerated(sourceStart: sourceOffset + tag, length: text.utf8.count)
                }
                pc += 1
            case .jumpUnless(let condition, let target):
                let holds = (try? evaluator.value(condition)).map(PythonSemantics.isTruthy) ?? false
                pc = holds ? pc + 1 : target
            case .jump(let target):
                pc = target
            }
        }
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
