/// Python-Markdown `abbr`'s block processor: a line `*[ABBR]: Title` at the start of a line of a
/// paragraph (the title may be on the next line) defines an abbreviation for the whole page and
/// is removed; the paragraph's lines before and after it become paragraphs of their own, as
/// Python-Markdown parses what is left of the block again. `*[ABBR]: ""` removes one. The first
/// such line with no name or title leaves the paragraph as it is, as the block processor does.
///
/// It runs first, so no inline rewriter reads a definition's text.
public struct AbbreviationDefinitionRewriter: MarkdownRewriter {
    public var name: String { "abbreviation definitions" }
    /// The `glossary` option: abbreviations every page has, which its definitions override.
    public let glossary: [(String, String)]

    public init(glossary: [(String, String)] = []) {
        self.glossary = glossary
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        context.abbreviations = Abbreviations(glossary)
        let source = context.source
        guard source.bytes.contains(UInt8(ascii: "[")) else { return }
        for node in document.preorder() {
            guard case .paragraph = document.kind(of: node) else { continue }
            takeDefinitions(from: node, in: &document, source: source, into: &context.abbreviations)
        }
    }

    /// One line of a paragraph: its nodes and the break after it (if any).
    private struct Line {
        var nodes: [NodeID]
        var breakAfter: NodeID?
    }

    private func lines(of paragraph: NodeID, in document: MarkdownDocument) -> [Line] {
        var lines: [Line] = []
        var current = Line(nodes: [], breakAfter: nil)
        for child in document.children(of: paragraph) {
            switch document.kind(of: child) {
            case .softBreak, .lineBreak:
                current.breakAfter = child
                lines.append(current)
                current = Line(nodes: [], breakAfter: nil)
            default:
                current.nodes.append(child)
            }
        }
        lines.append(current)
        return lines
    }

    /// Takes the definitions of the paragraph in order, as the block processor takes the first
    /// and reads what follows it again; the lines between them become paragraphs of their own.
    private func takeDefinitions(
        from paragraph: NodeID, in document: inout MarkdownDocument, source: ParsedText, into abbreviations: inout Abbreviations
    ) {
        let lines = lines(of: paragraph, in: document)
        let blockStart = document.span(of: paragraph)?.start
        var taken: [ClosedRange<Int>] = []
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            guard let text = lineText(line, in: document, blockStart: blockStart, source: source), text.hasPrefix("*["),
                let (name, rest) = Self.nameAndRest(text)
            else {
                index += 1
                continue
            }
            // The title is the rest of the line, or the next line when the rest is blank.
            var title = rest
            var lastLine = index
            if title.trimmingPythonWhitespace().isEmpty, index + 1 < lines.count,
                let next = lineText(lines[index + 1], in: document, blockStart: blockStart, source: source)
            {
                title = next
                lastLine = index + 1
            }
            let abbreviation = name.trimmingPythonWhitespace()
            title = title.trimmingPythonWhitespace()
            // A line that looks like one but lacks a name or a title ends the search.
            guard !abbreviation.isEmpty, !title.isEmpty else { break scan }
            // Every node of the lines taken must lie on them (no emphasis across their breaks).
            guard let firstLine = line.nodes.first.flatMap({ document.span(of: $0)?.start.line }),
                let endLine = lines[lastLine].nodes.first.flatMap({ document.span(of: $0)?.start.line }),
                lines[index...lastLine].allSatisfy({ line in
                    line.nodes.allSatisfy { node in document.span(of: node).map { $0.start.line >= firstLine && $0.end.line <= endLine } ?? false }
                })
            else { break scan }
            if title == "''" || title == "\"\"" {
                abbreviations.remove(abbreviation)
            } else {
                abbreviations.define(abbreviation, title)
            }
            taken.append(index...lastLine)
            index = lastLine + 1
        }
        guard !taken.isEmpty else { return }
        split(paragraph, lines, removing: taken, in: &document)
    }

    /// The source text of a line from its first node to the end of the line.
    private func lineText(_ line: Line, in document: MarkdownDocument, blockStart: TextPosition?, source: ParsedText) -> String? {
        guard let first = line.nodes.first, let span = document.span(of: first) else { return nil }
        let start = MarkdownDocument.inlineOffset(span.start, blockStart: blockStart, source: source)
        guard start <= source.bytes.count else { return nil }
        var end = source.endOfLine(containing: start)
        if end > start, source.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end >= start else { return nil }
        return String(decoding: source.slice(start, end), as: UTF8.self)
    }

    /// `\*\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*` at the start of `text`: the name and what follows.
    static func nameAndRest(_ text: String) -> (String, String)? {
        let scalars = Array(text.unicodeScalars)
        var index = 2
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" { return nil }
            if scalar == "]" {
                var colon = index + 1
                if colon < scalars.count, scalars[colon] == " " { colon += 1 }
                if colon < scalars.count, scalars[colon] == ":" {
                    var rest = colon + 1
                    while rest < scalars.count, scalars[rest] == " " { rest += 1 }
                    var name = String.UnicodeScalarView(), title = String.UnicodeScalarView()
                    name.append(contentsOf: scalars[2..<index])
                    title.append(contentsOf: scalars[rest...])
                    return (String(name), String(title))
                }
            }
            index += 1
        }
        return nil
    }

    /// Removes the lines `taken` from the paragraph; the runs of lines between them become
    /// paragraphs of their own after it (an emptied paragraph goes). Linear in the lines.
    private func split(_ paragraph: NodeID, _ lines: [Line], removing taken: [ClosedRange<Int>], in document: inout MarkdownDocument) {
        guard let parent = document.parent(of: paragraph) else { return }
        // The runs of kept lines, in order.
        var runs: [[Line]] = []
        var current: [Line] = []
        var next = 0
        for (index, line) in lines.enumerated() {
            if next < taken.count, taken[next].contains(index) {
                if !current.isEmpty { runs.append(current) }
                current = []
                if index == taken[next].upperBound { next += 1 }
                continue
            }
            current.append(line)
        }
        if !current.isEmpty { runs.append(current) }
        let following = document.nextSibling(of: paragraph)
        _ = document.detachChildren(of: paragraph)
        var target: NodeID? = paragraph
        for run in runs {
            let nodes = run.flatMap(\.nodes)
            guard let first = nodes.first, let last = nodes.last else { continue }
            let span: TextSpan? = {
                guard let start = document.span(of: first)?.start, let end = document.span(of: last)?.end else { return nil }
                return TextSpan(start: start, end: end)
            }()
            let made: NodeID
            if let reused = target {
                made = reused
                target = nil
                document.setSpan(span, of: made)
            } else {
                made = following.map { document.insert(.paragraph, span: span, before: $0) } ?? document.appendChild(.paragraph, span: span, to: parent)
            }
            // The lines with the breaks between them; a run's last break goes.
            for (offset, line) in run.enumerated() {
                for node in line.nodes { document.appendExisting(node, to: made) }
                if offset + 1 < run.count, let separator = line.breakAfter { document.appendExisting(separator, to: made) }
            }
        }
        if target != nil { document.remove(paragraph) }
    }
}
