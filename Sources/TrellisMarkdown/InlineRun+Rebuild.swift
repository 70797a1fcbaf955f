/// One step of rebuilding a run's children: a flat list, so a deep nest of new elements costs
/// no stack to build or to free.
enum InlineEdit {
    /// The run's atoms, as they were (text split where needed, other nodes moved).
    case atoms(Range<Int>)
    /// A new node with its extra attributes, and what follows goes inside it until its `close`.
    case open(NodeKind, TextSpan?, HTMLAttributes)
    case close
    /// A new leaf node.
    case leaf(NodeKind, TextSpan?)
}

extension InlineRun {
    /// Replaces the container's children by `edits`. A text node kept whole keeps its node;
    /// the parts of split ones become new text nodes with their own spans.
    func rebuild(_ edits: [InlineEdit], in document: inout MarkdownDocument) {
        _ = document.detachChildren(of: container)
        var parents = [container]
        for edit in edits {
            guard let parent = parents.last else { break }
            switch edit {
            case .atoms(let range):
                append(atoms: range, to: parent, in: &document)
            case .open(let kind, let span, let attributes):
                let node = document.appendChild(kind, span: span, to: parent)
                if !attributes.isEmpty { document.setAttributes(attributes, of: node) }
                parents.append(node)
            case .close:
                if parents.count > 1 { parents.removeLast() }
            case .leaf(let kind, let span):
                document.appendChild(kind, span: span, to: parent)
            }
        }
    }

    private func append(atoms range: Range<Int>, to parent: NodeID, in document: inout MarkdownDocument) {
        let range = range.clamped(to: 0..<atoms.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let atom = atoms[index]
            switch atom.kind {
            case .element, .softBreak:
                document.appendExisting(atom.node, to: parent)
                index += 1
            case .verbatim, .escaped, .entity, .smart, .escapedSpace, .unterminatedReference:
                var end = index + 1
                while end < range.upperBound, atoms[end].kind != .element, atoms[end].kind != .softBreak { end += 1 }
                appendText(index..<end, to: parent, in: &document)
                index = end
            }
        }
    }

    /// Text atoms: their node again when they are all of it, unchanged; else a new text node.
    private func appendText(_ range: Range<Int>, to parent: NodeID, in document: inout MarkdownDocument) {
        let node = atoms[range.lowerBound].node
        if textAtoms[node] == range, !atoms[range].contains(where: { $0.kind == .escapedSpace }) {
            document.appendExisting(node, to: parent)
            return
        }
        let text = text(ofAtoms: range)
        guard !text.isEmpty else { return }
        document.appendChild(.text(text), span: span(ofAtoms: range), to: parent)
    }
}
