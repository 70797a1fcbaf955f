/// `pymdownx.magiclink`: bare `http(s)://`, `ftp(s)://` and `www.` addresses and e-mail
/// addresses in text become links, with magiclink's rules for where a link ends; with its
/// options, repository shorthands and mentions become provider links, and provider links whose
/// text is their address are shortened.
///
/// Link text is atomic (an `inlineMarkup` node), as magiclink's `AtomicString` is: no later
/// extension rewrites inside it. Nothing happens inside links (magiclink's `ANCESTOR_EXCLUDES`),
/// code or image descriptions. A magic link's `href` is written as magiclink writes it
/// (attribute-escaped, not percent-encoded), through its `href` attribute.
public struct MagicLinkRewriter: MarkdownRewriter {
    public var name: String { "magic links" }
    public let options: MagicLinkOptions

    public init(options: MagicLinkOptions = MagicLinkOptions()) {
        self.options = options
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let source = context.source
        let shorthands = options.repoURLShorthand || options.socialURLShorthand
        var triggers: [UInt8] = [UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "w"), UInt8(ascii: "W")]
        if shorthands { triggers += ["#", "!", "?", "@"].map { UInt8(ascii: $0) } + Array("0123456789abcdef".utf8) }
        for container in InlineContainers.all(in: document, source: source, links: false) {
            guard InlineRun.textMentions(triggers, under: container, in: document) else { continue }
            // Links and e-mails run before Python-Markdown's entity pattern, the shorthands after.
            let run = InlineRun(container, in: document, source: source, view: .beforeEntities)
            // Emphasis is parsed after magiclink in Python-Markdown: its delimiters are text to it.
            let context = InlineRun.emphasisContext(of: container, in: document, source: source)
            let shift = context.before.count
            func inside(_ range: Range<Int>) -> Range<Int>? {
                let moved = (range.lowerBound - shift)..<(range.upperBound - shift)
                return moved.lowerBound >= 0 && moved.upperBound <= run.scalars.count ? moved : nil
            }
            var matcher = MagicLinkMatcher(context.before + run.scalars + context.after)
            var replacements: [(Range<Int>, [InlineEdit])] = []
            for found in matcher.links() {
                guard let range = inside(found.range) else { continue }
                let link = MagicLinkMatcher.Link(range: range, www: found.www, afterScheme: found.afterScheme - shift)
                replacements.append((range, linkEdits(link, in: run)))
            }
            for mail in matcher.mails() {
                guard let range = inside(mail) else { continue }
                let address = Self.string(run.scalars[range])
                replacements.append((range, [.leaf(.inlineMarkup(html: Self.mailHTML(address), text: address), nil)]))
            }
            if !replacements.isEmpty {
                guard rebuild(run, replacements, in: &document) else { continue }
            }
            guard shorthands, InlineRun.textMentions(triggers, under: container, in: document) else { continue }
            let again = InlineRun(container, in: document, source: source, view: .afterEntities)
            var shorthand = MagicShorthandMatcher(MagicLinkMatcher(context.before + again.scalars + context.after), options: options)
            let found = shorthand.matches().compactMap { found -> (Range<Int>, [InlineEdit])? in
                let moved = (found.range.lowerBound - shift)..<(found.range.upperBound - shift)
                guard moved.lowerBound >= 0, moved.upperBound <= again.scalars.count else { return nil }
                let match = MagicShorthandMatcher.Match(range: moved, result: found.result)
                switch match.result {
                case .link(let href, let text, let classes, let title):
                    var attributes = HTMLAttributes()
                    attributes.set("class", classes)
                    attributes.set("href", href)
                    return (match.range, [
                        .open(.link(destination: href, title: title), nil, attributes),
                        .leaf(.inlineMarkup(html: PythonCharacter.escapedText(text), text: text), nil), .close,
                    ])
                case .text(let text):
                    return (match.range, [.leaf(.inlineMarkup(html: PythonCharacter.escapedText(text), text: text), nil)])
                }
            }
            if !found.isEmpty { _ = rebuild(again, found, in: &document) }
        }
        if options.hideProtocol { hideAutolinkProtocols(&document, source: source) }
        if options.repoURLShortener || options.socialURLShortener {
            MagicLinkShortener(options: options).shorten(&document, source: source)
        }
    }

    /// Whether a link is an autolink (`<https://…>`) to an http(s) or ftp(s) address, which
    /// magiclink's autolink pattern makes.
    static func isWebAutolink(_ node: NodeID, destination: String, in document: MarkdownDocument, source: ParsedText) -> Bool {
        let lowered = destination.prefix(8).lowercased()
        guard ["http://", "https://", "ftp://", "ftps://"].contains(where: lowered.hasPrefix) else { return false }
        return InlineContainers.isAutolink(node, in: document, source: source)
    }

    /// `hide_protocol` on autolinks: their text without `scheme://`.
    private func hideAutolinkProtocols(_ document: inout MarkdownDocument, source: ParsedText) {
        for node in document.preorder() {
            guard case .link(let destination, _) = document.kind(of: node), let child = document.firstChild(of: node),
                case .text(let text) = document.kind(of: child), Self.isWebAutolink(node, destination: destination, in: document, source: source),
                let scheme = text.range(of: "://")
            else { continue }
            document.setKind(.text(String(text[scheme.upperBound...])), of: child)
        }
    }

    /// A bare link: `<a href>` around its atomic text. The text is written as magiclink writes
    /// the source (an entity stays one); the address is what the source stands for (`&amp;` is
    /// `&`, which the attribute escaping writes back as `&amp;`).
    private func linkEdits(_ link: MagicLinkMatcher.Link, in run: InlineRun) -> [InlineEdit] {
        let shown = options.hideProtocol && !link.www ? link.afterScheme..<link.range.upperBound : link.range
        let written = Self.string(run.scalars[shown])
        let decoded = run.atoms(ofScalars: link.range).map { run.text(ofAtoms: $0) } ?? Self.string(run.scalars[link.range])
        let href = link.www ? "http://" + decoded : decoded
        let text = run.atoms(ofScalars: shown).map { run.text(ofAtoms: $0) } ?? written
        var attributes = HTMLAttributes()
        attributes.set("href", href)
        return [
            .open(.link(destination: href, title: ""), nil, attributes),
            .leaf(.inlineMarkup(html: PythonCharacter.escapedText(written), text: text), nil), .close,
        ]
    }

    /// Replaces each range by its edits; `false` (changing nothing) if a range cuts an atom.
    private func rebuild(_ run: InlineRun, _ replacements: [(Range<Int>, [InlineEdit])], in document: inout MarkdownDocument) -> Bool {
        var edits: [InlineEdit] = []
        var emitted = 0
        for (range, replacement) in replacements.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            guard let atoms = run.atoms(ofScalars: range), atoms.lowerBound >= emitted else { return false }
            if emitted < atoms.lowerBound { edits.append(.atoms(emitted..<atoms.lowerBound)) }
            let span = run.span(ofAtoms: atoms)
            edits += replacement.map { edit in
                switch edit {
                case .open(let kind, nil, let attributes): return .open(kind, span, attributes)
                case .leaf(let kind, nil): return .leaf(kind, span)
                default: return edit
                }
            }
            emitted = atoms.upperBound
        }
        if emitted < run.atoms.count { edits.append(.atoms(emitted..<run.atoms.count)) }
        run.rebuild(edits, in: &document)
        return true
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// magiclink's e-mail link: every character of the address and of `mailto:` as `&#N;`.
    static func mailHTML(_ address: String) -> String {
        func encoded(_ text: String) -> String { text.unicodeScalars.map { "&#\($0.value);" }.joined() }
        return "<a href=\"\(encoded("mailto:" + address))\">\(encoded(address))</a>"
    }
}
