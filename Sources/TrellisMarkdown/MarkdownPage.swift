/// The per-page entry point: parse, rewrite, collect and render one Markdown page.
public enum MarkdownPage {
    /// Processes the text of one page (already macro-expanded); positions in the result are
    /// cmark's line:column positions in `text`, including those inside containers. Line endings
    /// and NULs are normalised first (see `ParsedText.normalising`), so `result.source` is the
    /// text as parsed: its `inputOffset(of:)` turns a position into an offset in `text`.
    /// `pipeline.extensions` decides which container syntaxes (admonitions, details, tabs) are
    /// recognised.
    public static func process(
        text: String,
        pipeline: MarkdownPipeline = .standard(),
        reservedIDs: Set<String> = [],
        renderer: HTMLRenderer = HTMLRenderer()
    ) -> ProcessedPage {
        process(text: text, pipeline: pipeline, reservedIDs: reservedIDs) { document in
            renderer.render(document, expectedBytes: 2 * text.utf8.count + (1 << 16))
        }
    }

    /// As `process(text:pipeline:reservedIDs:renderer:)`, handing the HTML to `write` a piece
    /// of about 64 KiB at a time instead of keeping it in the result, whose `html` is then
    /// empty: a big page's HTML is never held beside its tree. If `write` returns `false`, it
    /// is called no more and the HTML is kept in the result after all. Autorefs are not
    /// resolved in HTML written away (their references stay text).
    public static func process(
        text: String,
        pipeline: MarkdownPipeline = .standard(),
        reservedIDs: Set<String> = [],
        renderer: HTMLRenderer = HTMLRenderer(),
        writingHTML write: (UnsafeRawBufferPointer) -> Bool
    ) -> ProcessedPage {
        var pipeline = pipeline
        pipeline.extensions.remove(.autorefs)
        return process(text: text, pipeline: pipeline, reservedIDs: reservedIDs) { document in
            renderer.render(document, writingTo: write) ? "" : renderer.render(document)
        }
    }

    /// The page's title as `process` finds it (`ProcessedPage.title`: the plain text of its first
    /// level-1 heading, ATX or setext, after the rewriters), without rendering any HTML.
    public static func title(text: String, pipeline: MarkdownPipeline = .standard()) -> String? {
        process(text: text, pipeline: pipeline, reservedIDs: []) { _ in "" }.title
    }

    private static func process(
        text: String, pipeline: MarkdownPipeline, reservedIDs: Set<String>, render: (MarkdownDocument) -> String
    ) -> ProcessedPage {
        let (parsed, source) = ParsedText.normalising(
            text, pythonMarkdownBlocks: pipeline.extensions.contains(.pythonMarkdownBlocks),
            superFences: pipeline.extensions.contains(.superFences), saneLists: pipeline.extensions.contains(.trulySaneLists),
            blocks: !pipeline.extensions.isDisjoint(with: MarkdownExtension.blockExtensions),
            keptEscapes: pipeline.extensions.contains(.arithmatex) ? [] : PythonMarkdownBlocks.keptEscapes(smarty: pipeline.extensions.contains(.smarty)))
        if pipeline.extensions.contains(.autorefs) {
            let definitions = source.bytes.withUnsafeBufferPointer { Autorefs.definitions(for: $0) }
            if !definitions.isEmpty {
                // After the text: its own offsets stay as they are.
                let extended = parsed + "\n" + String(decoding: definitions, as: UTF8.self)
                let page = process(parsed: extended, source: ParsedText(text: extended, inputAnchors: source.inputAnchors), pipeline: pipeline, reservedIDs: reservedIDs, render: render)
                // Definitions an unclosed fence or HTML block swallowed would show: not worth it.
                if !page.html.contains("]: \(Autorefs.scheme)") { return page }
            }
        }
        return process(parsed: parsed, source: source, pipeline: pipeline, reservedIDs: reservedIDs, render: render)
    }

    private static func process(
        parsed: String, source: ParsedText, pipeline: MarkdownPipeline, reservedIDs: Set<String>,
        render: (MarkdownDocument) -> String
    ) -> ProcessedPage {
        var (document, nestingProblem, blockProblems) = parseNormalised(
            parsed, source: source, extensions: pipeline.extensions, math: pipeline.math, blocks: pipeline.blocks)
        var context = RewriteContext(source: source, reservedIDs: reservedIDs)
        pipeline.run(&document, context: &context)
        let links = LinkCollector().collect(
            document, source: context.source, originalDestinations: context.originalDestinations)
        let html = render(document)
        return ProcessedPage(
            html: html,
            title: firstTopLevelHeading(document),
            toc: context.toc,
            headingIDs: context.headingIDs,
            headingIDCollisions: context.headingIDCollisions,
            pageIDs: HTMLIDCollector().collect(document),
            links: links,
            iconProblems: context.iconProblems,
            directiveProblems: context.directiveProblems,
            nestingProblems: nestingProblem.map { [$0] } ?? [],
            blockProblems: blockProblems,
            renderedDirectives: context.renderedDirectives,
            document: document,
            source: context.source)
    }

    /// Processes raw file bytes. Invalid UTF-8 is decoded lossily (each bad sequence becomes
    /// U+FFFD) *before* parsing, so positions refer to the decoded text.
    public static func process(
        bytes: some Collection<UInt8>,
        pipeline: MarkdownPipeline = .standard(),
        reservedIDs: Set<String> = [],
        renderer: HTMLRenderer = HTMLRenderer()
    ) -> ProcessedPage {
        process(
            text: String(decoding: bytes, as: UTF8.self), pipeline: pipeline, reservedIDs: reservedIDs,
            renderer: renderer)
    }

    /// Parses text into a document without rewriting it (SMART punctuation, source positions).
    public static func parse(_ text: String) -> MarkdownDocument {
        CMark.parse(text, smart: true)
    }

    /// Parses text with the given container extensions (admonitions, details, tabs); with none,
    /// exactly `parse(_:)`. Line endings are normalised as in `process`; spans inside containers
    /// are cmark's positions in `text` too.
    public static func parse(_ text: String, extensions: Set<MarkdownExtension>) -> MarkdownDocument {
        let text = ParsedText.normalising(
            text, pythonMarkdownBlocks: extensions.contains(.pythonMarkdownBlocks), superFences: extensions.contains(.superFences),
            saneLists: extensions.contains(.trulySaneLists), blocks: !extensions.isDisjoint(with: MarkdownExtension.blockExtensions)
        ).text
        var options = ArithmatexOptions()
        options.undoesListEscapes = extensions.contains(.pythonMarkdownBlocks)
        let math = extensions.contains(.arithmatex) ? options : nil
        return parseNormalised(text, source: nil, extensions: extensions, math: math).document
    }

    private static func parseNormalised(
        _ text: String, source: ParsedText?, extensions: Set<MarkdownExtension>, math: ArithmatexOptions?,
        blocks: BlockSettings = BlockSettings()
    ) -> (document: MarkdownDocument, problem: NestingProblem?, blockProblems: [BlockProblem]) {
        // Extensions that only rewrite the tree (or, for math, each parse) need no container pre-pass.
        let treeOnly: Set<MarkdownExtension> = [.pythonMarkdownBlocks, .superFences, .highlight, .arithmatex, .trulySaneLists]
        var document: MarkdownDocument
        var problem: NestingProblem?
        var blockProblems: [BlockProblem] = []
        if extensions.subtracting(MarkdownExtension.inlineExtensions).isSubset(of: treeOnly) {
            document = CMark.parse(text, smart: extensions.contains(.smarty), math: math)
        } else {
            let parser = ContainerParser(extensions: extensions, math: math, blocks: blocks)
            document = parser.parse(text, source: source)
            problem = parser.limits.problem
            blockProblems = parser.notes.problems
        }
        if extensions.contains(.pythonMarkdownBlocks) { removeInertMarkers(from: &document, text: text) }
        return (document, problem, blockProblems)
    }

    /// The comments `PythonMarkdownBlocks` put after lone inline tags (so that cmark reads a
    /// paragraph there), between lists (so that cmark ends one) and on blank lines of raw HTML
    /// (so that cmark goes on with it), taken out again.
    private static func removeInertMarkers(from document: inout MarkdownDocument, text: String) {
        let marker = PythonMarkdownBlocks.inertMarkerString
        guard text.utf8.contains(0x1F), text.contains(marker) else { return }
        var found: [NodeID] = []
        var blocks: [(NodeID, String)] = []
        for node in document.preorder() {
            switch document.kind(of: node) {
            case .inlineHTML(let html) where html == marker: found.append(node)
            case .htmlBlock(let html) where html == marker + "\n": found.append(node)
            case .htmlBlock(let html) where html.contains(marker): blocks.append((node, html.replacingOccurrences(of: marker, with: "")))
            default: break
            }
        }
        for node in found { document.remove(node) }
        for (node, html) in blocks { document.setKind(.htmlBlock(html), of: node) }
    }

    /// The plain text of the first level-1 heading, which MkDocs uses as a page's default title.
    private static func firstTopLevelHeading(_ document: MarkdownDocument) -> String? {
        for event in document.events() where event.entering {
            let node = event.node
            if case .heading(1, _) = document.kind(of: node) {
                return HeadingSlugger.collapseWhitespace(document.plainText(of: node))
            }
        }
        return nil
    }
}

/// Everything the build needs from one processed page.
public struct ProcessedPage: Sendable {
    /// The page body as HTML.
    public var html: String
    /// The first level-1 heading's text, if any (MkDocs' default page title).
    public var title: String?
    /// The table of contents (levels per `HeadingIDRewriter.tocLevels`).
    public var toc: [TOCEntry]
    /// Every heading id in document order.
    public var headingIDs: [String]
    /// Headings numbered because an earlier heading has the same slug, in document order.
    public var headingIDCollisions: [HeadingIDCollision] = []
    /// Every anchor target on the page: heading ids and raw HTML `id` attributes.
    public var pageIDs: Set<String>
    /// Every link and image destination, with positions in parsed-text coordinates.
    public var links: [CollectedLink]
    /// Unknown icon shortcodes, with positions in parsed-text coordinates.
    public var iconProblems: [IconProblem]
    /// Directive blocks that could not be rendered, with positions in parsed-text coordinates.
    public var directiveProblems: [DirectiveProblem]
    /// Containers left plain because they nest too deep (at most one, the first), with
    /// positions in parsed-text coordinates.
    public var nestingProblems: [NestingProblem]
    /// `///` blocks left as text (unknown names, options pymdownx rejects), with positions in
    /// parsed-text coordinates.
    public var blockProblems: [BlockProblem] = []
    /// The directives rendered on the page (`walkthrough`), so the page gets what they need.
    public var renderedDirectives: [String]
    /// The rewritten tree, for callers that need more than the above.
    public var document: MarkdownDocument
    /// The parsed text, to turn the positions above into offsets without parsing it again.
    public var source: ParsedText
}
