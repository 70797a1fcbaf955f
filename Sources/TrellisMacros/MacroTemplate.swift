import TrellisCore

/// A page's macro template, parsed once and rendered once per brand.
///
/// The language is the subset of Jinja2 that documentation pages use under the MkDocs macros
/// plugin, with the same output: `{{ expressions }}` with filters and calls, `{% if %}` chains,
/// `{% set %}`, `{% for %}`, `{% filter %}`, `{% macro %}`, `{% include %}`, `{% import %}`,
/// `{% raw %}`, `{# comments #}` and `-` whitespace control. As in Jinja's default
/// environment (which the plugin uses), one trailing newline of the body is dropped and
/// `\r\n` / `\r` become `\n`. Undefined names are errors (Jinja's `StrictUndefined`).
public struct MacroTemplate: Sendable {
    let file: SourceFile
    let sourceOffset: Int
    private let text: String
    /// The body length once the dropped trailing newline is removed.
    private let limit: Int
    let program: [Instruction]
    let hasCarriageReturn: Bool

    /// True when the body has no `{{`, `{%` or `{#` at all: callers can use the text as is.
    public let isPlainText: Bool

    /// Parses `text`, the page body, which starts at UTF-8 offset `sourceOffset` in `file`
    /// (front matter precedes it), so diagnostics and the source map use file positions.
    public static func parse(_ text: String, file: SourceFile, sourceOffset: Int, python: PythonMacros? = nil)
        -> (MacroTemplate, [Diagnostic])
    {
        let parsed = withBytes(of: text) { bytes in Parsed(bytes, python: python) }
        let template = MacroTemplate(
            file: file, sourceOffset: sourceOffset, text: text, limit: parsed.limit, program: parsed.program,
            hasCarriageReturn: parsed.hasCarriageReturn, isPlainText: parsed.isPlainText)
        return (template, parsed.problems.map { $0.diagnostic(in: file, sourceOffset: sourceOffset) })
    }

    private struct Parsed {
        var limit: Int
        var program: [Instruction] = []
        var problems: [MacroProblem] = []
        var hasCarriageReturn = false
        var isPlainText = true

        init(_ bytes: UnsafeBufferPointer<UInt8>, python: PythonMacros?) {
            var limit = bytes.count
            if limit > 0, bytes[limit - 1] == UInt8(ascii: "\n") { limit -= 1 }
            if limit > 0, bytes[limit - 1] == UInt8(ascii: "\r") { limit -= 1 }
            self.limit = limit
            // One cheap pass decides the fast path; only pages with tags are compiled.
            let open = UInt8(ascii: "{")
            let cr = UInt8(ascii: "\r")
            var previous: UInt8 = 0
            for i in 0..<limit {
                let byte = bytes[i]
                if byte == cr { hasCarriageReturn = true }
                if previous == open, byte == open || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#") {
                    isPlainText = false
                }
                previous = byte
            }
            if isPlainText {
                if limit > 0 { program = [.text(start: 0, end: limit)] }
                return
            }
            var parser = TemplateParser(bytes: bytes, limit: limit)
            parser.python = python
            parser.run()
            program = parser.program
            problems = parser.errors
        }
    }

    private init(
        file: SourceFile, sourceOffset: Int, text: String, limit: Int, program: [Instruction], hasCarriageReturn: Bool,
        isPlainText: Bool
    ) {
        self.file = file
        self.sourceOffset = sourceOffset
        self.text = text
        self.limit = limit
        self.program = program
        self.hasCarriageReturn = hasCarriageReturn
        self.isPlainText = isPlainText
    }

    /// Renders the template with one brand's variables; `{% include %}` and `{% import %}` find
    /// their templates in `includes` (and report a missing one when there is none); a call of a
    /// function of the site's Python module (`python`) is a `PythonMacro` diagnostic.
    public func render(
        context: ValueMap, undefined: UndefinedPolicy = .strict, includes: (any MacroIncludeLoading)? = nil,
        python: PythonMacros? = nil
    ) -> MacroExpansion {
        let base = MacroEnvironment.stackAddress()
        let environment = MacroEnvironment(
            undefined: undefined, includes: includes, python: python,
            stackLimit: base > UInt(MacroLimits.maxStackBytes) ? base - UInt(MacroLimits.maxStackBytes) : 0)
        if isPlainText, !hasCarriageReturn, limit == text.utf8.count {
            return MacroExpansion(text: text, sourceMap: .identity(length: limit, sourceOffset: sourceOffset))
        }
        var renderer = Renderer(template: self, capacity: limit, context: context, environment: environment)
        withBytes { renderer.run($0) }
        var expansion = MacroExpansion(
            text: String(decoding: renderer.output, as: UTF8.self), sourceMap: renderer.sourceMap,
            diagnostics: renderer.diagnostics)
        expansion.pageError = renderer.evaluator.pageError
        return expansion
    }

    /// Renders the template `depth` includes deep onto the end of `output` (the including
    /// page's own, so nested includes never hold copies of one another's text), spending the
    /// page's `budget`, whose macros printed `printed` bytes so far; returns its diagnostics.
    func render(
        into output: inout [UInt8], context: ValueMap, macros: [String: MacroFunction], environment: MacroEnvironment,
        depth: Int, budget: inout MacroBudget, printed: Int
    ) -> (diagnostics: [Diagnostic], pageError: String?) {
        if isPlainText, !hasCarriageReturn, limit == text.utf8.count {
            output.append(contentsOf: text.utf8)
            return ([], nil)
        }
        var renderer = Renderer(
            template: self, capacity: 0, context: context, environment: environment, depth: depth, budget: budget,
            printed: printed, output: output)
        renderer.evaluator.frames[0].macros = macros
        output = []
        withBytes { renderer.run($0) }
        budget = renderer.budget
        output = renderer.takeOutput()
        return (renderer.diagnostics, renderer.evaluator.pageError)
    }

    /// Runs `body` over the string's UTF-8 bytes in place (a copy only for bridged strings).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { Self.withBytes(of: text, body) }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
