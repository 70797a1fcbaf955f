/// After the parse: tokens become formulas, or get their text back; spans move back.
extension ArithmatexParse {
    typealias Shifts = [Int: [(token: Range<Int>, piece: Range<Int>)]]

    static func restore(
        _ document: inout MarkdownDocument, formulas: [Formula], source: ParsedText, shifts: Shifts
    ) {
        // The text of each formula's pieces, handed back one by one where a token is restored.
        var nextPiece = [Int](repeating: 0, count: formulas.count)
        func original(_ token: Token) -> String {
            guard token.formula < formulas.count, !formulas[token.formula].pieces.isEmpty else { return "" }
            let pieces = formulas[token.formula].pieces
            let index = token.isStart ? 0 : min(max(nextPiece[token.formula], 1), pieces.count - 1)
            if !token.isStart { nextPiece[token.formula] = index + 1 } else { nextPiece[token.formula] = 1 }
            return String(decoding: source.slice(pieces[index].lowerBound, pieces[index].upperBound), as: UTF8.self)
        }
        func restored(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == start || $0 == more }) else { return text }
            var out = ""
            for part in split(text) {
                switch part {
                case .text(let t): out += t
                case .token(let token): out += original(token)
                }
            }
            return out
        }
        // Paragraphs made block formulas, and every node under them (visited no more).
        var gone = Set<NodeID>()
        for node in document.preorder() {
            if gone.contains(node) { continue }
            switch document.kind(of: node) {
            case .paragraph:
                guard let first = document.firstChild(of: node), case .text(let text) = document.kind(of: first),
                    case .token(let token)? = split(text).first, token.isStart, token.formula < formulas.count,
                    formulas[token.formula].isBlock
                else { continue }
                for child in document.children(of: node) {
                    gone.formUnion(document.preorder(from: child))
                    document.remove(child)
                }
                document.setKind(.htmlBlock(formulas[token.formula].html + "\n"), of: node)
            case .text(let text) where text.utf8.contains(where: { $0 == start || $0 == more }):
                for part in split(text) {
                    switch part {
                    case .text(let t):
                        document.insert(.text(t), span: document.span(of: node), before: node)
                    case .token(let token) where token.isStart && token.formula < formulas.count:
                        let formula = formulas[token.formula]
                        let span = formula.pieces.first.map { first in
                            TextSpan(
                                start: source.position(ofUTF8Offset: first.lowerBound),
                                end: source.position(ofUTF8Offset: max(first.lowerBound, (formula.pieces.last ?? first).upperBound - 1)))
                        }
                        document.insert(.math(formula.html), span: span, before: node)
                    case .token:
                        // A further line of a formula: the line break before it goes too.
                        if let previous = document.previousSibling(of: node) {
                            switch document.kind(of: previous) {
                            case .softBreak, .lineBreak: document.remove(previous)
                            default: break
                            }
                        }
                    }
                }
                document.remove(node)
            case .code(let text):
                document.setKind(.code(restored(text)), of: node)
            case .codeBlock(let info, let code):
                document.setKind(.codeBlock(info: restored(info), code: restored(code)), of: node)
            case .htmlBlock(let html):
                document.setKind(.htmlBlock(restored(html)), of: node)
            case .inlineHTML(let html):
                document.setKind(.inlineHTML(restored(html)), of: node)
            case .link(let destination, let title):
                document.setKind(.link(destination: restored(destination), title: restored(title)), of: node)
            case .image(let source, let title):
                document.setKind(.image(source: restored(source), title: restored(title)), of: node)
            default:
                break
            }
        }
        remapSpans(&document, shifts)
    }

    /// Moves every span on a line with tokens back to the columns of the text as written.
    private static func remapSpans(_ document: inout MarkdownDocument, _ shifts: Shifts) {
        guard !shifts.isEmpty else { return }
        func map(_ position: TextPosition) -> TextPosition {
            guard let line = shifts[position.line] else { return position }
            var column = position.byteColumn
            for shift in line {
                if position.byteColumn >= shift.token.upperBound {
                    column = position.byteColumn - shift.token.upperBound + shift.piece.upperBound
                } else if position.byteColumn >= shift.token.lowerBound {
                    column = shift.piece.lowerBound + min(position.byteColumn - shift.token.lowerBound, shift.piece.count - 1)
                    break
                } else {
                    break
                }
            }
            return TextPosition(line: position.line, byteColumn: max(1, column))
        }
        for index in 0..<document.arenaCount {
            let node = NodeID(index)
            guard let span = document.span(of: node) else { continue }
            document.setSpan(TextSpan(start: map(span.start), end: map(span.end)), of: node)
        }
    }

    /// A token: which formula, and whether it is its first line.
    struct Token: Equatable {
        var formula: Int
        var isStart: Bool
    }

    enum Part: Equatable {
        case text(String)
        case token(Token)
    }

    /// A literal cut into text and tokens.
    static func split(_ text: String) -> [Part] {
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var index = 0
        var textStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == start || byte == more else {
                index += 1
                continue
            }
            var close = index + 1
            var number = 0
            while close < bytes.count, bytes[close] >= UInt8(ascii: "0"), bytes[close] <= UInt8(ascii: "9"), close - index < 19 {
                number = number * 10 + Int(bytes[close] - UInt8(ascii: "0"))
                close += 1
            }
            guard close < bytes.count, bytes[close] == end, close > index + 1 else {
                index += 1
                continue
            }
            // The dollars around the token go with it.
            let padded = index > textStart && bytes[index - 1] == dollar && close + 1 < bytes.count && bytes[close + 1] == dollar
            let tokenStart = padded ? index - 1 : index
            if textStart < tokenStart { parts.append(.text(String(decoding: bytes[textStart..<tokenStart], as: UTF8.self))) }
            parts.append(.token(Token(formula: number, isStart: byte == start)))
            index = padded ? close + 2 : close + 1
            textStart = index
        }
        if textStart < bytes.count { parts.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return parts
    }
}
