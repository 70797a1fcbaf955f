/// Rewrites link and image destinations through a mapping the caller supplies.
///
/// The mapping sees only local destinations (no scheme, not `//…`, not a bare `#frag`) and
/// returns the new *path* or `nil` to keep the destination; query and fragment are kept, so
/// `x.md#frag` can become `../x/#frag`. The original destinations go into the context.
public struct LinkRewriter: MarkdownRewriter {
    /// Maps a local destination to its new path, or `nil` to leave it as written.
    public typealias Resolve = @Sendable (LinkTarget) -> String?

    public var name: String { "link targets" }
    /// The caller's mapping.
    public let resolve: Resolve

    public init(_ resolve: @escaping Resolve) {
        self.resolve = resolve
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .link(let destination, let title):
                if let new = rewritten(destination, kind: .link) {
                    context.originalDestinations[node] = context.originalDestinations[node] ?? destination
                    document.setKind(.link(destination: new, title: title), of: node)
                }
            case .image(let source, let title):
                if let new = rewritten(source, kind: .image) {
                    context.originalDestinations[node] = context.originalDestinations[node] ?? source
                    document.setKind(.image(source: new, title: title), of: node)
                }
            default:
                break
            }
        }
    }

    private func rewritten(_ destination: String, kind: LinkKind) -> String? {
        let target = LinkTarget(destination: destination, kind: kind)
        guard !target.isExternal, !target.path.isEmpty, let path = resolve(target) else { return nil }
        return target.replacingPath(with: path)
    }
}
