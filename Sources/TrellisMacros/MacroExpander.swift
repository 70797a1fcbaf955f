import TrellisCore

/// One-shot macro expansion, for callers that render a text once (a title, a test).
public enum MacroExpander {
    /// Parses and renders `text` (which starts at UTF-8 offset `sourceOffset` of `file`);
    /// the result's diagnostics include the parse diagnostics, in file order.
    public static func expand(
        _ text: String, file: SourceFile, sourceOffset: Int, context: ValueMap, undefined: UndefinedPolicy = .strict,
        includes: (any MacroIncludeLoading)? = nil, python: PythonMacros? = nil
    ) -> MacroExpansion {
        let (template, parseDiagnostics) = MacroTemplate.parse(text, file: file, sourceOffset: sourceOffset)
        var expansion = template.render(context: context, undefined: undefined, includes: includes, python: python)
        expansion.diagnostics = (parseDiagnostics + expansion.diagnostics).sorted(by: Diagnostic.sortKey)
        return expansion
    }
}
