/// `pymdownx.superfences` with `pymdownx.highlight`: each fenced block becomes the markup
/// pymdownx writes (see `HighlightMarkup`), with its title, line numbers and highlighted lines;
/// a custom fence (Mermaid) becomes `<pre class="mermaid"><code>…`. With `pymdownx.highlight`
/// listed, indented code blocks get highlight markup too.
///
/// The fence's header is read from the page source as superfences reads it (`FenceHeader`); a
/// header superfences would not take (unknown options, an unclosed fence) leaves the block as
/// plain code. Blocks are numbered as pymdownx numbers them for line ids: fences in source
/// order, then indented blocks in document order.
public struct CodeBlockRewriter: MarkdownRewriter {
    public var name: String { "code blocks" }
    public let options: CodeHighlightOptions

    public init(options: CodeHighlightOptions) {
        self.options = options
    }

    /// The wrapping class of fenced blocks (superfences' `css_class`, else highlight's).
    var fenceCSSClass: String { options.fenceCSSClass ?? options.cssClass }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        var fenced: [(NodeID, TextSpan?)] = []
        var indented: [NodeID] = []
        for event in document.events() where event.entering {
            guard case .codeBlock(let info, _) = document.kind(of: event.node) else { continue }
            let span = document.span(of: event.node)
            if !info.isEmpty || isFence(span, context.source) { fenced.append((event.node, span)) } else { indented.append(event.node) }
        }
        guard !fenced.isEmpty || (options.highlightIndented && !indented.isEmpty) else { return }
        // Source order (a footnote's fences come where they were written, not at the page's end).
        fenced.sort { ($0.1?.start ?? TextPosition(line: .max, byteColumn: 0)) < ($1.1?.start ?? TextPosition(line: .max, byteColumn: 0)) }
        var counter = -1
        if options.superFences {
            for (node, span) in fenced {
                guard case .codeBlock(let info, let code) = document.kind(of: node),
                    let html = fenceHTML(info: info, code: code, span: span, source: context.source, counter: &counter)
                else { continue }
                document.setKind(.htmlBlock(html + "\n"), of: node)
            }
        }
        guard options.highlightIndented else { return }
        // pymdownx's tree processor for indented blocks passes no line spans or anchors.
        var indentedOptions = options
        indentedOptions.lineSpans = ""
        indentedOptions.lineAnchors = ""
        indentedOptions.anchorLinenums = false
        let markup = HighlightMarkup(options: indentedOptions, cssClass: options.cssClass)
        for node in indented {
            guard case .codeBlock(_, let code) = document.kind(of: node) else { continue }
            counter += 1
            let column = document.span(of: node).map { visualColumn($0.start, context.source) } ?? 0
            let text = Self.normalised(code, column: column)
            document.setKind(.htmlBlock(markup.html(code: text, HighlightMarkup.Request(), number: counter) + "\n"), of: node)
        }
    }

    /// The HTML of one fenced block, or `nil` when superfences would not take it for a fence.
    private func fenceHTML(info: String, code: String, span: TextSpan?, source: ParsedText, counter: inout Int) -> String? {
        var headerBytes = Array(info.utf8)
        var column = 0
        if let span {
            let start = source.utf8Offset(of: span.start)
            let lineEnd = source.contentEnd(span.start.line)
            let bytes = source.bytes
            if start < lineEnd, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") {
                var index = start
                while index < lineEnd, bytes[index] == bytes[start] { index += 1 }
                guard Self.isClosed(span, fence: bytes[start], length: index - start, source) else { return nil }
                headerBytes = Array(source.slice(index, lineEnd))
            }
            column = visualColumn(span.start, source)
        }
        guard let header = FenceHeader(headerBytes) else { return nil }
        var language = header.language ?? ""
        var id = ""
        var classes: [String] = []
        var values: [(key: String, value: String)] = []
        func setValue(_ key: String, _ value: String) {
            if let index = values.firstIndex(where: { $0.key == key }) { values[index].value = value } else { values.append((key, value)) }
        }
        var attributeForm = false
        switch header.form {
        case .plain:
            break
        case .options(let pairs):
            for (key, value) in pairs { setValue(key, value) }
        case .attributes(let pairs):
            attributeForm = true
            for (key, value) in pairs {
                if key == "id" {
                    id = value ?? ""
                } else if key == "." {
                    classes.append(value ?? "")
                } else {
                    setValue(key, value ?? key)
                }
            }
            if header.language == nil { language = classes.isEmpty ? "" : classes.removeFirst() }
        }
        let text = Self.normalised(code, column: column)
        // Custom fences, last listed first; one given options (not an attribute list) declines.
        // A fence named `*` stands in for the highlighter, tried last.
        let named = options.customFences.reversed().filter { $0.name == language && $0.name != "*" }
        let catchAll = options.customFences.last { $0.name == "*" }
        for fence in named + (catchAll.map { [$0] } ?? []) {
            if !attributeForm, !values.isEmpty { continue }
            let attributes = attributeForm && options.attrList ? values : []
            return Self.customHTML(fence, code: text, id: id, classes: classes, attributes: attributes)
        }
        if catchAll != nil { return nil }
        // The highlight validator: what it knows are options, the rest attributes.
        var request = HighlightMarkup.Request()
        request.language = language
        request.classes = classes
        request.id = id
        var attributes: [(String, String)] = []
        var hlLines: String?, linenums: String?
        for (key, value) in values {
            guard options.usePygments, !key.hasPrefix("data-") else {
                attributes.append((key, value))
                continue
            }
            switch key {
            case "hl_lines" where Self.isLineList(value): hlLines = value
            case "linenums" where Self.lineNumbers(value) != nil: linenums = value
            case "title": request.title = value
            case "title_mode": request.titleIsHTML = value == "html"
            default: attributes.append((key, value))
            }
        }
        if !attributeForm, !attributes.isEmpty { return nil }
        request.attributes = options.attrList ? attributes : []
        if let linenums, let (start, step, special) = Self.lineNumbers(linenums) {
            request.lineStart = start
            request.lineStep = step > 1 ? step : -1
            request.lineSpecial = special ?? -1
        }
        if let hlLines { request.highlightedLines = Self.highlightedLines(hlLines, lineCount: Self.lineCount(code)) }
        counter += 1
        return HighlightMarkup(options: options, cssClass: fenceCSSClass).html(code: text, request, number: counter)
    }

    /// `fence_code_format` / `fence_div_format`: the fence's class first, the code escaped.
    static func customHTML(_ fence: CustomFence, code: String, id: String, classes: [String], attributes: [(key: String, value: String)]) -> String {
        let allClasses = [fence.className] + classes
        var open = id.isEmpty ? "" : " id=\"\(id)\""
        open += " class=\"\(allClasses.joined(separator: " "))\""
        if !attributes.isEmpty { open += " " + attributes.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: " ") }
        let body = HighlightMarkup.escapeText(HighlightMarkup.trimmedEnd(code))
        switch fence.format {
        case .code: return "<pre\(open)><code>\(body)</code></pre>"
        case .div: return "<div\(open)>\(body)</div>"
        }
    }

    /// Whether the block's span starts at a fence (a backtick or tilde), not indentation.
    private func isFence(_ span: TextSpan?, _ source: ParsedText) -> Bool {
        guard let span else { return false }
        let start = source.utf8Offset(of: span.start)
        guard start < source.bytes.count else { return false }
        return source.bytes[start] == UInt8(ascii: "`") || source.bytes[start] == UInt8(ascii: "~")
    }

    /// Whether the block's last line closes the fence (superfences takes no unclosed fence).
    private static func isClosed(_ span: TextSpan, fence: UInt8, length: Int, _ source: ParsedText) -> Bool {
        guard span.end.line > span.start.line else { return false }
        let bytes = source.bytes
        var index = source.lineStart(span.end.line)
        let end = source.contentEnd(span.end.line)
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: ">") {
            index += 1
        }
        var run = 0
        while index < end, bytes[index] == fence {
            run += 1
            index += 1
        }
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return run >= length && index == end
    }

    /// The visual column (tabs to multiples of 4) at which a position's line has that byte.
    private func visualColumn(_ position: TextPosition, _ source: ParsedText) -> Int {
        let lineStart = source.lineStart(position.line)
        let offset = source.utf8Offset(of: position)
        var column = 0
        for byte in source.slice(lineStart, offset) {
            if byte == UInt8(ascii: "\t") { column += 4 - column % 4 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return column
    }

    /// The code as Python-Markdown hands it to superfences: tabs expanded to 4-column stops
    /// (counted from the line's start, `column` columns before the code), lines of spaces only
    /// made empty.
    static func normalised(_ code: String, column: Int) -> String {
        guard needsNormalising(code) else { return code }
        var out = ""
        out.reserveCapacity(code.utf8.count)
        for line in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.offset > 0 { out += "\n" }
            var expanded = ""
            var position = column
            for character in line.element {
                if character == "\t" {
                    let width = 4 - position % 4
                    expanded += String(repeating: " ", count: width)
                    position += width
                } else {
                    expanded.append(character)
                    position += 1
                }
            }
            out += expanded.allSatisfy { $0 == " " } ? "" : expanded
        }
        return out
    }

    /// Whether the code has a tab or a line of spaces only (else it is handed on as it is).
    private static func needsNormalising(_ code: String) -> Bool {
        var onlySpaces = false
        var lineStart = true
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "\t"):
                return true
            case UInt8(ascii: "\n"):
                if onlySpaces { return true }
                lineStart = true
                onlySpaces = false
            case UInt8(ascii: " "):
                if lineStart { onlySpaces = true }
                lineStart = false
            default:
                onlySpaces = false
                lineStart = false
            }
        }
        return onlySpaces
    }

    /// The code's line count as superfences counts it (the lines between the fences).
    static func lineCount(_ code: String) -> Int {
        code.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// `RE_HL_LINES`: numbers and ranges separated by blanks, nothing else.
    static func isLineList(_ value: String) -> Bool {
        let entries = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !entries.isEmpty, !value.hasPrefix(" "), !value.hasPrefix("\t"), !value.hasSuffix(" "), !value.hasSuffix("\t") else {
            return false
        }
        return entries.allSatisfy { entry in
            let parts = entry.split(separator: "-", omittingEmptySubsequences: false)
            return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        }
    }

    /// `RE_LINENUMS` matched at the start: start, step and special (when given).
    static func lineNumbers(_ value: String) -> (Int, Int, Int?)? {
        var numbers: [Int] = []
        var rest = Substring(value)
        while numbers.count < 3 {
            if !numbers.isEmpty {
                let blanks = rest.prefix { $0 == " " || $0 == "\t" }
                guard !blanks.isEmpty, rest.dropFirst(blanks.count).first?.isASCIIDigit == true else { break }
                rest = rest.dropFirst(blanks.count)
            }
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { break }
            numbers.append(clampedNumber(digits))
            rest = rest.dropFirst(digits.count)
        }
        guard let start = numbers.first else { return nil }
        return (start, numbers.count > 1 ? numbers[1] : -1, numbers.count > 2 ? numbers[2] : nil)
    }

    /// superfences' `parse_hl_lines`: numbers clamped to the block (0 below, one past the end
    /// above), ranges kept when ascending.
    static func highlightedLines(_ value: String, lineCount: Int) -> Set<Int> {
        var lines = Set<Int>()
        for entry in value.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let bounds = entry.split(separator: "-").map { number -> Int in
                let n = clampedNumber(number)
                return n < 1 ? 0 : min(n, lineCount + 1)
            }
            if bounds.count > 1 {
                if bounds[0] <= bounds[1] { lines.formUnion(bounds[0]...bounds[1]) }
            } else if let only = bounds.first, only >= 1, only <= lineCount {
                lines.insert(only)
            }
        }
        return lines
    }

    /// A run of digits as a number, capped far beyond any real line count (Python's are unbounded).
    static func clampedNumber(_ digits: Substring) -> Int {
        var value = 0
        for digit in digits {
            guard let d = digit.wholeNumberValue else { continue }
            value = min(value * 10 + d, 1_000_000_000)
        }
        return value
    }
}

extension Character {
    /// `0`…`9` (Python's `\d` in these patterns reads ASCII digits here).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
