/// Replaces fenced blocks named by a directive (```` ```walkthrough rolling-upgrade ````) with
/// the HTML the directive renders. Any other fenced block, and an indented one, stays code.
public struct FencedDirectiveRewriter: MarkdownRewriter {
    public var name: String { "fenced directives" }
    /// The directives by name.
    public let directives: [String: FencedDirective]

    public init(_ directives: [FencedDirective]) {
        self.directives = Dictionary(directives.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        guard !directives.isEmpty else { return }
        for node in document.preorder() {
            guard case .codeBlock(let info, let code) = document.kind(of: node), !info.isEmpty else { continue }
            let (word, arguments) = Self.split(info)
            guard let directive = directives[word] else { continue }
            switch directive.render(arguments, code) {
            case .success(let html):
                document.setKind(.htmlBlock(html.hasSuffix("\n") ? html : html + "\n"), of: node)
                if !context.renderedDirectives.contains(word) { context.renderedDirectives.append(word) }
            case .failure(let failure):
                let position = document.span(of: node)?.start ?? TextPosition(line: 1, byteColumn: 1)
                context.directiveProblems.append(
                    DirectiveProblem(name: word, position: position, message: failure.message))
            }
        }
    }

    /// `walkthrough rolling-upgrade` → (`walkthrough`, `rolling-upgrade`).
    static func split(_ info: String) -> (String, String) {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (String(trimmed), "") }
        let rest = trimmed[space...].drop { $0 == " " || $0 == "\t" }
        var arguments = String(rest)
        while arguments.last == " " || arguments.last == "\t" { arguments.removeLast() }
        return (String(trimmed[..<space]), arguments)
    }
}
