import TrellisCore

/// A problem found in a template, at a body offset; it becomes exactly one `Diagnostic`.
struct MacroProblem: Error, Sendable {
    var rule: RuleID = .macroSyntax
    var message: String
    var offset: Int
    /// The UTF-8 length of the offending name, so the diagnostic's range can underline it.
    var length = 0

    func diagnostic(in file: SourceFile, sourceOffset: Int) -> Diagnostic {
        let start = file.location(ofUTF8Offset: sourceOffset + offset)
        let end = length > 0 ? file.location(ofUTF8Offset: sourceOffset + offset + length) : start
        return Diagnostic(rule, path: file.path, range: SourceRange(start: start, end: end), message: message)
    }
}
