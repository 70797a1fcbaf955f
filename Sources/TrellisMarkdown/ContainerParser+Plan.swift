/// The pre-pass's first look at a text: whether it has containers to splice, within the limits.
extension ContainerParser {
    /// What `parse(_:depth:)` does with a text: keep cmark's plain parse, or splice the
    /// containers found (with, at the top, the page's definitions).
    enum Plan {
        case plain(MarkdownDocument)
        case splice([Found], ReferenceDefinitions?)
    }

    func plan(_ source: ParsedText, depth: Int) -> Plan {
        guard depth < Self.maxDepth || limits.problem == nil, !extensions.isEmpty, Self.mightHaveOpener(
                source.bytes, pipes: extensions.contains(.tables), colons: extensions.contains(.defList),
                markdownAttribute: extensions.contains(.mdInHTML), slashes: blocksEnabled) else { return .plain(CMark.parse(bytes: source.bytes, smart: smart, math: math)) }
        let plain = Self.blockParse(source.bytes, smart: smart)
        // A big text's blocks were parsed without their inlines: its full tree is built only if kept.
        let keepPlain = {
            // With formulas, the text is parsed again (the plain parse read them as Markdown).
            if math != nil, ArithmatexParse.mightContainMath(source.bytes) {
                return Plan.plain(CMark.parse(bytes: source.bytes, smart: smart, math: math))
            }
            return Plan.plain(source.bytes.count > CMark.chunkBytes ? CMark.parse(bytes: source.bytes, smart: smart) : plain)
        }
        let found = findContainers(in: plain, source: source, depth: depth)
        guard let first = found.first else { return keepPlain() }
        let opener = TextPosition(line: first.line, byteColumn: first.column)
        guard depth < Self.maxDepth else {
            limits.refuse(at: opener, depth: depth, message: "containers nest more than \(Self.maxDepth) levels deep; this one and those inside it stay plain Markdown")
            return keepPlain()
        }
        guard limits.spend(Self.bodyBytes(of: found, source)) else {
            limits.refuse(
                at: opener, depth: depth,
                message: "container bodies nest so deep they would copy the page more than \(NestingLimits.copyFactor) times; this one and those inside it stay plain Markdown")
            return keepPlain()
        }
        return .splice(found, depth == 0 ? Self.referenceDefinitions(in: plain, source: source) : nil)
    }

    /// cmark's plain parse of `bytes` as the pre-pass reads it: for a text over `CMark.chunkBytes`,
    /// its blocks only (the pre-pass looks at nothing inside a paragraph or heading), so a big
    /// page's throwaway tree is a fraction of its full one.
    static func blockParse(_ bytes: TextBytes, smart: Bool) -> MarkdownDocument {
        bytes.count > CMark.chunkBytes ? CMark.parseBlocks(bytes, smart: smart) : CMark.parse(bytes: bytes, smart: smart)
    }
}
