/// `pymdownx.smartsymbols`: `(tm)`, `(c)`, `(r)`, `+/-`, `-->`, `<--`, `<-->`, `=/=`, fractions
/// (`1/2`), ordinals (`2nd`) and `c/o` become the symbols pymdownx writes (`&trade;`, `&frac12;`,
/// `2<sup>nd</sup>`…), each pattern over all the text in its order, as its tree processor runs
/// them after the inline patterns. A symbol is an `inlineMarkup` node whose text is the
/// character (headings and the TOC read `½`, as Python-Markdown's `toc` does).
public struct SmartSymbolsRewriter: MarkdownRewriter {
    public var name: String { "smart symbols" }
    public let options: SmartSymbolsOptions

    public init(options: SmartSymbolsOptions = SmartSymbolsOptions()) {
        self.options = options
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let source = context.source
        var triggers: [UInt8] = []
        if options.trademark || options.copyright || options.registered { triggers.append(UInt8(ascii: "(")) }
        if options.plusMinus { triggers.append(UInt8(ascii: "+")) }
        if options.arrows || options.notEqual || options.fractions || options.careOf { triggers += Array("-/".utf8) }
        if options.arrows { triggers += Array("–".utf8.prefix(1)) }
        if options.ordinalNumbers { triggers += Array("0123456789".utf8) }
        guard !triggers.isEmpty else { return }
        for container in InlineContainers.all(in: document, source: source) {
            guard InlineRun.textMentions(triggers, under: container, in: document) else { continue }
            let run = InlineRun(container, in: document, source: source, view: .afterEntities)
            var matcher = SmartSymbolsMatcher(run.scalars, options: options)
            let found = matcher.matches()
            guard !found.isEmpty else { continue }
            var edits: [InlineEdit] = []
            var emitted = 0
            for match in found {
                guard let atoms = run.atoms(ofScalars: match.range), atoms.lowerBound >= emitted else { continue }
                if emitted < atoms.lowerBound { edits.append(.atoms(emitted..<atoms.lowerBound)) }
                edits.append(.leaf(.inlineMarkup(html: match.html, text: match.text), run.span(ofAtoms: atoms)))
                emitted = atoms.upperBound
            }
            guard emitted > 0 else { continue }
            if emitted < run.atoms.count { edits.append(.atoms(emitted..<run.atoms.count)) }
            run.rebuild(edits, in: &document)
        }
    }
}

/// `pymdownx.smartsymbols`' options: each symbol on or off.
public struct SmartSymbolsOptions: Sendable {
    public var trademark = true
    public var copyright = true
    public var registered = true
    public var plusMinus = true
    public var arrows = true
    public var notEqual = true
    public var fractions = true
    public var ordinalNumbers = true
    public var careOf = true

    public init() {}
}

/// The symbol patterns, each over the whole text in pymdownx's order (`REPL`), a symbol taken by
/// one being a placeholder to the next.
struct SmartSymbolsMatcher {
    struct Match {
        var range: Range<Int>
        var html: String
        var text: String
    }

    private(set) var scalars: [Unicode.Scalar]
    let options: SmartSymbolsOptions

    init(_ scalars: [Unicode.Scalar], options: SmartSymbolsOptions) {
        self.scalars = scalars
        self.options = options
    }

    private func at(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    private func has(_ text: String, at index: Int) -> Bool {
        var position = index
        for expected in text.unicodeScalars {
            guard at(position) == expected else { return false }
            position += 1
        }
        return true
    }

    private static let fractions: [(String, String, String)] = [
        ("1/4", "&frac14;", "¼"), ("1/2", "&frac12;", "½"), ("3/4", "&frac34;", "¾"), ("1/3", "&#8531;", "⅓"),
        ("2/3", "&#8532;", "⅔"), ("1/5", "&#8533;", "⅕"), ("2/5", "&#8534;", "⅖"), ("3/5", "&#8535;", "⅗"),
        ("4/5", "&#8536;", "⅘"), ("1/6", "&#8537;", "⅙"), ("5/6", "&#8538;", "⅚"), ("1/8", "&#8539;", "⅛"),
        ("3/8", "&#8540;", "⅜"), ("5/8", "&#8541;", "⅝"), ("7/8", "&#8542;", "⅞"),
    ]

    mutating func matches() -> [Match] {
        var found: [Match] = []
        func run(_ on: Bool, _ pattern: (Self, Int) -> Match?) {
            guard on else { return }
            var index = 0
            while index < scalars.count {
                guard let match = pattern(self, index) else {
                    index += 1
                    continue
                }
                found.append(match)
                for position in match.range { scalars[position] = PythonCharacter.placeholderStart }
                scalars[match.range.upperBound - 1] = PythonCharacter.placeholderEnd
                index = match.range.upperBound
            }
        }
        func literal(_ text: String, _ html: String, _ symbol: String) -> (Self, Int) -> Match? {
            { matcher, index in
                matcher.has(text, at: index) ? Match(range: index..<(index + text.unicodeScalars.count), html: html, text: symbol) : nil
            }
        }
        run(options.trademark, literal("(tm)", "&trade;", "™"))
        run(options.copyright, literal("(c)", "&copy;", "©"))
        run(options.registered, literal("(r)", "&reg;", "®"))
        run(options.plusMinus, literal("+/-", "&plusmn;", "±"))
        run(options.arrows) { $0.arrow(at: $1) }
        run(options.notEqual, literal("=/=", "&ne;", "≠"))
        run(options.fractions) { $0.fraction(at: $1) }
        run(options.ordinalNumbers) { $0.ordinal(at: $1) }
        run(options.careOf) { $0.careOf(at: $1) }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `<-->`, `-->` not after `-`, `<--` not before `-`.
    private func arrow(at index: Int) -> Match? {
        if has("<-->", at: index) { return Match(range: index..<(index + 4), html: "&harr;", text: "↔") }
        if has("-->", at: index), at(index - 1) != "-" { return Match(range: index..<(index + 3), html: "&rarr;", text: "→") }
        if has("<--", at: index), at(index + 3) != "-" { return Match(range: index..<(index + 3), html: "&larr;", text: "←") }
        return nil
    }

    /// A fraction not between other digits.
    private func fraction(at index: Int) -> Match? {
        if let previous = at(index - 1), PythonCharacter.isDigit(previous) { return nil }
        for (written, html, symbol) in Self.fractions where has(written, at: index) {
            if let next = at(index + 3), PythonCharacter.isDigit(next) { return nil }
            return Match(range: index..<(index + 3), html: html, text: symbol)
        }
        return nil
    }

    private func isBoundary(_ index: Int) -> Bool {
        (at(index - 1).map(PythonCharacter.isWord) ?? false) != (at(index).map(PythonCharacter.isWord) ?? false)
    }

    /// `\b([1-9][0-9]*)?(1[123]th|1st|2nd|3rd|[04-9]th)\b`: the digits then their suffix.
    private func ordinal(at index: Int) -> Match? {
        guard isBoundary(index), let first = at(index), ("0"..."9").contains(first) else { return nil }
        var digitsEnd = index
        while let scalar = at(digitsEnd), ("0"..."9").contains(scalar) { digitsEnd += 1 }
        // The suffix follows the last digit; any digits before it are the leading number.
        let last = digitsEnd - 1
        guard last == index || first != "0" else { return nil }
        guard let digit = at(last) else { return nil }
        var suffixes: [String]
        switch digit {
        case "1": suffixes = ["st"]
        case "2": suffixes = ["nd"]
        case "3": suffixes = ["rd"]
        default: suffixes = ["th"]
        }
        // 11th, 12th, 13th come first (`(?<=1)(?:1|2|3)th`).
        if ("1"..."3").contains(digit), last > index, at(last - 1) == "1" { suffixes.insert("th", at: 0) }
        for suffix in suffixes where has(suffix, at: digitsEnd) && isBoundary(digitsEnd + 2) {
            var number = String.UnicodeScalarView()
            number.append(contentsOf: scalars[index..<digitsEnd])
            let digits = String(number)
            return Match(range: index..<(digitsEnd + 2), html: "\(digits)<sup>\(suffix)</sup>", text: digits + suffix)
        }
        return nil
    }

    /// `\bc/o\b`.
    private func careOf(at index: Int) -> Match? {
        guard has("c/o", at: index), isBoundary(index), isBoundary(index + 3) else { return nil }
        return Match(range: index..<(index + 3), html: "&#8453;", text: "℅")
    }
}
