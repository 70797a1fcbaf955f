import TrellisCore

/// `pymdownx.arithmatex`'s options and the markup it writes for a formula.
///
/// With `generic: true` (what Material for MkDocs documents, for MathJax 3 or KaTeX) a formula
/// is `<span class="arithmatex">\(…\)</span>` inline and `<div class="arithmatex">\[…\]</div>`
/// for a block; without it, MathJax 2's `<script type="math/tex">` with a preview.
public struct ArithmatexOptions: Hashable, Sendable {
    public var generic = false
    /// `smart_dollar`: `$` followed or preceded (inside) by white space does not delimit math.
    public var smartDollar = true
    /// `inline_syntax`: `dollar` (`$…$`) and `round` (`\(…\)`).
    public var inlineDollar = true
    public var inlineRound = true
    /// `block_syntax`: `dollar` (`$$…$$`), `square` (`\[…\]`), `begin` (`\begin{env}…\end{env}`).
    public var blockDollar = true
    public var blockSquare = true
    public var blockBegin = true
    /// `tex_inline_wrap` and `tex_block_wrap` (generic output).
    public var inlineWrap = ("\\(", "\\)")
    public var blockWrap = ("\\[", "\\]")
    /// `inline_tag` and `block_tag`.
    public var inlineTag = "span"
    public var blockTag = "div"
    /// `preview` (MathJax output): a `MathJax_Preview` element before the script.
    public var preview = true
    /// Whether the page was read with Python-Markdown's block rules, whose escapes of list
    /// markers inside a formula's lines are not the author's (set by the pipeline).
    var undoesListEscapes = false

    public init() {}

    /// The options as `mkdocs.yml` gives them.
    public init(config: ValueMap) {
        self.init()
        if case .bool(let value)? = config["generic"] { generic = value }
        if case .bool(let value)? = config["smart_dollar"] { smartDollar = value }
        if case .bool(let value)? = config["preview"] { preview = value }
        if let value = config["inline_tag"]?.stringValue { inlineTag = value }
        if let value = config["block_tag"]?.stringValue { blockTag = value }
        if let list = config["inline_syntax"]?.listValue {
            let names = Set(list.compactMap(\.stringValue))
            inlineDollar = names.contains("dollar")
            inlineRound = names.contains("round")
        }
        if let list = config["block_syntax"]?.listValue {
            let names = Set(list.compactMap(\.stringValue))
            blockDollar = names.contains("dollar")
            blockSquare = names.contains("square")
            blockBegin = names.contains("begin")
        }
        if let wrap = config["tex_inline_wrap"]?.listValue?.compactMap(\.stringValue), wrap.count == 2 { inlineWrap = (wrap[0], wrap[1]) }
        if let wrap = config["tex_block_wrap"]?.listValue?.compactMap(\.stringValue), wrap.count == 2 { blockWrap = (wrap[0], wrap[1]) }
    }

    public static func == (lhs: ArithmatexOptions, rhs: ArithmatexOptions) -> Bool {
        lhs.key == rhs.key
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    private var key: [String] {
        [generic, smartDollar, inlineDollar, inlineRound, blockDollar, blockSquare, blockBegin, preview, undoesListEscapes].map { $0 ? "1" : "0" }
            + [inlineWrap.0, inlineWrap.1, blockWrap.0, blockWrap.1, inlineTag, blockTag]
    }

    /// An inline formula's HTML; `math` is the formula as written between its delimiters.
    func inlineHTML(_ math: String) -> String {
        if generic {
            return "<\(inlineTag) class=\"arithmatex\">" + Self.escapeElementText(inlineWrap.0 + math + inlineWrap.1) + "</\(inlineTag)>"
        }
        var html = "<\(inlineTag) class=\"arithmatex\">"
        if preview { html += "<span class=\"MathJax_Preview\">" + Self.escapeElementText(Self.escape(math)) + "</span>" }
        return html + "<script type=\"math/tex\">" + Self.escape(math) + "</script></\(inlineTag)>"
    }

    /// A block formula's HTML (no final newline).
    func blockHTML(_ math: String) -> String {
        if generic {
            return "<\(blockTag) class=\"arithmatex\">" + Self.escapeElementText(blockWrap.0 + Self.escape(math) + blockWrap.1) + "</\(blockTag)>"
        }
        var html = "<\(blockTag) class=\"arithmatex\">\n"
        if preview { html += "<div class=\"MathJax_Preview\">" + Self.escapeElementText(math) + "</div>\n" }
        return html + "<script type=\"math/tex; mode=display\">" + Self.escape(math) + "</script>\n</\(blockTag)>"
    }

    /// arithmatex's `_escape`: `&`, `<`, `>` and `"`, as cmark escapes text.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escaped(text)
    }

    /// How Python-Markdown serializes an element's text: `<` and `>` escaped, and `&` unless it
    /// starts an entity (`&amp;`, `&#38;`, `&#x26;`).
    static func escapeElementText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&") where !startsEntity(bytes, index): out += Array("&amp;".utf8)
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);` at `index`, case-insensitively.
    private static func startsEntity(_ bytes: [UInt8], _ index: Int) -> Bool {
        var cursor = index + 1
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 102) }
        func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 122) }
        var accept: (UInt8) -> Bool = isAlnum
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            accept = isDigit
            if cursor < bytes.count, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                cursor += 1
                accept = isHex
            }
        }
        let start = cursor
        while cursor < bytes.count, accept(bytes[cursor]) { cursor += 1 }
        return cursor > start && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ";")
    }
}
