import TrellisCore

/// A problem found in a template, at a body offset; it becomes exactly one `Diagnostic`.
struct MacroProblem: Error, Sendable {
    var rule: RuleID = .macroSyntax
    var message: String
    var offset: Int

    func diagnostic(in file: SourceFile, sourceOffset: Int) -> Diagnostic {
        Diagnostic(rule, path: file.path, at: file.location(ofUTF8Offset: sourceOffset + offset), message: message)
    }
}
