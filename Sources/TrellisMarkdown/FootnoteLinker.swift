/// Turns `[^label]` in text nodes into Python-Markdown's footnote references and adds the
/// back references: footnotes are numbered as the caller numbers them (in the order of their
/// definitions, as Python-Markdown does), and the
/// `n`-th reference to a footnote gets the id `fnref<n>:label` (`fnref:label` for the first).
struct FootnoteLinker {
    /// The defined labels; references to any other label stay text.
    let labels: Set<String>
    /// Each footnote's number (1-based), once referenced or placed.
    private(set) var numbers: [String: Int] = [:]
    /// How many references each footnote has.
    private(set) var references: [String: Int] = [:]

    init(labels: Set<String>) {
        self.labels = labels
    }

    /// Gives `label` the next number unless it has one.
    mutating func number(_ label: String) {
        if numbers[label] == nil { numbers[label] = numbers.count + 1 }
    }

    /// Replaces the references in the text nodes under `start`.
    mutating func link(in document: inout MarkdownDocument, from start: NodeID) {
        for node in document.preorder(from: start) {
            guard case .text(let text) = document.kind(of: node), text.utf8.contains(UInt8(ascii: "^")) else { continue }
            split(node, text: text, in: &document)
        }
    }

    /// Splits one text node into text and reference nodes, if it holds a defined reference.
    private mutating func split(_ node: NodeID, text: String, in document: inout MarkdownDocument) {
        let bytes = Array(text.utf8)
        let span = document.span(of: node)
        // Pieces keep exact spans only when the node's source is its literal (no entities or escapes).
        let exact = span.map { $0.start.line == $0.end.line && $0.end.byteColumn - $0.start.byteColumn + 1 == bytes.count } ?? false
        var pieces: [(NodeKind, Range<Int>)] = []
        var copied = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            // Without a later `]` no reference can follow: stop rather than rescan for each `[^`.
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]")) else { break }
            let label = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            guard labels.contains(label) else {
                index = close + 1
                continue
            }
            if copied < index { pieces.append((.text(String(decoding: bytes[copied..<index], as: UTF8.self)), copied..<index)) }
            number(label)
            let count = references[label, default: 0] + 1
            references[label] = count
            pieces.append((.rawHTML(Self.reference(label, number: numbers[label] ?? 0, occurrence: count)), index..<(close + 1)))
            index = close + 1
            copied = index
        }
        guard !pieces.isEmpty else { return }
        if copied < bytes.count { pieces.append((.text(String(decoding: bytes[copied...], as: UTF8.self)), copied..<bytes.count)) }
        for (kind, range) in pieces {
            let pieceSpan = span.flatMap { span -> TextSpan? in
                guard exact else { return nil }
                return TextSpan(
                    start: TextPosition(line: span.start.line, byteColumn: span.start.byteColumn + range.lowerBound),
                    end: TextPosition(line: span.start.line, byteColumn: span.start.byteColumn + range.upperBound - 1))
            }
            document.insert(kind, span: pieceSpan, before: node)
        }
        document.remove(node)
    }

    /// Appends each footnote's back references to its last paragraph (or to a new one).
    func appendBackReferences(in document: inout MarkdownDocument, block: NodeID) {
        for item in document.children(of: block) {
            guard case .footnoteDefinition(let label) = document.kind(of: item) else { continue }
            var html = ""
            for occurrence in 1...max(references[label] ?? 0, 1) {
                html += "<a class=\"footnote-backref\" href=\"#fnref\(occurrence > 1 ? String(occurrence) : ""):"
                html += Self.escaped(label) + "\" title=\"Jump back to footnote \(numbers[label] ?? 0) in the text\">&#8617;</a>"
            }
            // Python-Markdown separates the links from paragraph text by a no-break space; a
            // footnote not ending in a paragraph gets a new one holding only the links.
            if let last = document.lastChild(of: item), case .paragraph = document.kind(of: last) {
                document.appendChild(.rawHTML("&#160;" + html), to: last)
            } else {
                let paragraph = document.appendChild(.paragraph, to: item)
                document.appendChild(.rawHTML(html), to: paragraph)
            }
        }
    }

    /// The markup of the `occurrence`-th reference to footnote `number`.
    static func reference(_ label: String, number: Int, occurrence: Int) -> String {
        let id = "fnref\(occurrence > 1 ? String(occurrence) : ""):" + escaped(label)
        return "<sup id=\"\(id)\"><a class=\"footnote-ref\" href=\"#fn:\(escaped(label))\">\(number)</a></sup>"
    }

    /// An attribute value escaped as Python-Markdown's serializer does.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        HTMLEscaping.appendEscapedHTML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
