import TrellisCore

/// A problem found in a template, at a body offset; it becomes exactly one `Diagnostic`.
struct MacroProblem: Error, Sendable {
    var rule: RuleID = .macroSyntax
    var message: String
    var offset: Int
    /// The UTF-8 length of the offending name, so the diagnostic's range can underline it.
    var length = 0
    /// What Jinja's `DebugUndefined` prints for this undefined value (the macros plugin's
    /// `on_undefined: keep`), when the whole `{{ … }}` is that value.
    var keepText: String?
    /// The error Jinja raises here whatever the undefined policy (`UndefinedError: 'f' is
    /// undefined` for a call of an unknown function), which makes the macros plugin show its
    /// error page instead of the page.
    var pageError: String?
    /// Jinja's plain `Undefined` whatever the policy (an inline `if` without `else`): used, it
    /// is an empty string and no problem.
    var lenient = false

    func diagnostic(in file: SourceFile, sourceOffset: Int) -> Diagnostic {
        let start = file.location(ofUTF8Offset: sourceOffset + offset)
        let end = length > 0 ? file.location(ofUTF8Offset: sourceOffset + offset + length) : start
        return Diagnostic(rule, path: file.path, range: SourceRange(start: start, end: end), message: message)
    }
}
