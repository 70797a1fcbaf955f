/// Python-Markdown `abbr`'s tree processor: every whole-word use of a defined abbreviation in the
/// page's text becomes `<abbr title="…">ABBR</abbr>`, longer abbreviations first. Not in code,
/// raw HTML, link targets, image descriptions or text another extension made atomic.
public struct AbbreviationRewriter: MarkdownRewriter {
    public var name: String { "abbreviations" }

    public init() {}

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let abbreviations = context.abbreviations
        guard !abbreviations.isEmpty else { return }
        // Python's regex tries the names longest first: at a place, the longest name there that
        // ends at a word boundary. A trie finds every name at a place in one walk.
        var trie = Trie()
        for name in abbreviations.names { trie.insert(Array(name.unicodeScalars)) }
        let firstBytes = Set(abbreviations.names.compactMap { $0.utf8.first })
        let source = context.source
        for container in InlineContainers.all(in: document, source: source) {
            guard InlineRun.textMentions(Array(firstBytes), under: container, in: document) else { continue }
            let run = InlineRun(container, in: document, source: source, view: .afterEntities)
            let scalars = run.scalars
            func isBoundary(_ index: Int) -> Bool {
                let before = index > 0 ? PythonCharacter.isWord(scalars[index - 1]) : false
                let after = index < scalars.count ? PythonCharacter.isWord(scalars[index]) : false
                return before != after
            }
            var edits: [InlineEdit] = []
            var emitted = 0
            var index = 0
            while index < scalars.count {
                guard isBoundary(index), let length = trie.longest(in: scalars, from: index, where: isBoundary),
                    let atoms = run.atoms(ofScalars: index..<(index + length)), atoms.lowerBound >= emitted
                else {
                    index += 1
                    continue
                }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[index..<(index + length)])
                let text = String(view)
                let title = abbreviations.titles[text] ?? ""
                if emitted < atoms.lowerBound { edits.append(.atoms(emitted..<atoms.lowerBound)) }
                let html = "<abbr title=\"" + PythonCharacter.escapedAttribute(title) + "\">" + PythonCharacter.escapedText(text) + "</abbr>"
                edits.append(.leaf(.inlineMarkup(html: html, text: text), run.span(ofAtoms: atoms)))
                emitted = atoms.upperBound
                index += length
            }
            guard emitted > 0 else { continue }
            if emitted < run.atoms.count { edits.append(.atoms(emitted..<run.atoms.count)) }
            run.rebuild(edits, in: &document)
        }
    }
}

/// The abbreviations as a trie of their characters.
private struct Trie {
    private var children: [[Unicode.Scalar: Int]] = [[:]]
    private var ends: [Bool] = [false]

    mutating func insert(_ name: [Unicode.Scalar]) {
        var node = 0
        for scalar in name {
            if let next = children[node][scalar] {
                node = next
            } else {
                children.append([:])
                ends.append(false)
                children[node][scalar] = children.count - 1
                node = children.count - 1
            }
        }
        ends[node] = true
    }

    /// The length of the longest name at `start` whose end `accept` takes.
    func longest(in text: [Unicode.Scalar], from start: Int, where accept: (Int) -> Bool) -> Int? {
        var node = 0
        var best: Int?
        var index = start
        while index < text.count, let next = children[node][text[index]] {
            node = next
            index += 1
            if ends[node], accept(index) { best = index - start }
        }
        return best
    }
}
