/// The HTML pymdownx.highlight writes for one code block (its `Highlight.highlight` with
/// Pygments' `HtmlFormatter`, as pymdownx configures it): the code highlighted by the lexer
/// Pygments would pick (`SyntaxLexers`; an unknown language stays plain text, as with Pygments'
/// `text` lexer) inside pymdownx's wrappers.
struct HighlightMarkup {
    /// What a fence asked for besides its code.
    struct Request {
        var language = ""
        var classes: [String] = []
        var id = ""
        /// Attributes from an attribute list, in order (without Pygments only `data-*` are kept).
        var attributes: [(String, String)] = []
        /// `hl_lines`, already clamped to the block (pymdownx's `parse_hl_lines`).
        var highlightedLines: Set<Int> = []
        /// `linenums="start step special"`: -1 where not given.
        var lineStart = -1
        var lineStep = -1
        var lineSpecial = -1
        var title: String?
        var titleIsHTML = false
    }

    let options: CodeHighlightOptions
    /// The wrapping class (superfences' `css_class`, else highlight's).
    let cssClass: String

    /// The block's HTML (no final newline). `number` is the page's block counter.
    func html(code: String, _ request: Request, number: Int) -> String {
        var language = request.language
        if language.isEmpty, !options.defaultLang.isEmpty { language = options.defaultLang }
        guard options.usePygments else { return plainHTML(code: code, language: language, request) }
        let lineNumbers =
            ((options.linenums == true && request.lineStart != 0) || (options.linenums != false && request.lineStart > 0))
            ? options.linenumsStyle : nil
        // The lexer: the language (or what extend_pygments_lang maps it to), else `text`.
        let lookup = options.extendedLanguages[language.lowercased()] ?? language
        let found = language.isEmpty ? nil : PygmentsLexer.named(lookup)
        let fallback = options.defaultLang.isEmpty ? PygmentsLexer.text : (PygmentsLexer.named(options.defaultLang) ?? PygmentsLexer.text)
        let lexer = found ?? fallback
        let languageName = found != nil ? language : lexer.firstAlias
        var classNames = request.classes
        if options.pygmentsLangClass { classNames.insert(options.languagePrefix + languageName, at: 0) }
        let blockID = request.id.isEmpty ? String(number) : request.id
        var step = request.lineStep, start = request.lineStart, special = request.lineSpecial
        if lineNumbers == nil || step < 1 { step = 1 }
        if lineNumbers == nil || start < 1 { start = 1 }
        if options.linenumsSpecial >= 0, special < 0 { special = options.linenumsSpecial }
        if lineNumbers == nil || special < 0 { special = 0 }
        var title = request.title
        var titleIsHTML = request.titleIsHTML
        if title == nil, options.autoTitle {
            let name = lexer.name.split(separator: " ").map { word in
                Self.isPythonLower(word) ? Self.pythonTitle(word) : String(word)
            }.joined(separator: " ")
            title = options.autoTitleMap[name] ?? name
            titleIsHTML = false
        }
        let trimmedTitle = (title ?? "").trimmingPythonWhitespace()
        let filename = titleIsHTML ? trimmedTitle : Self.escapeAttribute(trimmedTitle)

        // Pygments' formatter, wrapper by wrapper, written straight into one buffer.
        let formatted = HighlightedLines(
            code: Self.trimmedEnd(code), lexer: SyntaxLexers.lexer(named: lexer.firstAlias) ?? PlainTextLexer(),
            stripNewlines: options.stripNewlines)
        let lines = formatted.ends.indices
        let inline = lineNumbers == "inline" || lineNumbers == "pymdownx-inline"
        let lineAnchors = options.effectiveLineAnchors.isEmpty ? "" : options.effectiveLineAnchors + "-" + blockID
        let lineSpans = options.lineSpans.isEmpty ? "" : options.lineSpans + "-" + blockID
        let anchorName = lineAnchors.isEmpty ? lineSpans : lineAnchors
        let width = String(lines.count + start - 1).count
        var out: [UInt8] = []
        out.reserveCapacity(formatted.bytes.count + lines.count * 24 + 256)
        func put(_ text: String) { out.append(contentsOf: text.utf8) }

        var divClasses = classNames
        if !cssClass.isEmpty { divClasses.append(Self.escapeAttribute(cssClass)) }
        put("<div")
        if !request.id.isEmpty { put(" id=\"\(request.id)\"") }
        if !divClasses.isEmpty { put(" class=\"\(divClasses.joined(separator: " "))\"") }
        let data = request.attributes.filter { $0.0.hasPrefix("data-") }
        if !data.isEmpty { put(" " + data.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: " ")) }
        put(">")
        if lineNumbers == "table" {
            put("<table class=\"\(Self.escapeAttribute(cssClass))table\">")
            if !filename.isEmpty {
                put("<tr><th colspan=\"2\" class=\"filename\"><span class=\"filename\">\(filename)</span></th></tr>")
            }
            put("<tr><td class=\"linenos\"><div class=\"linenodiv\"><pre><span></span>")
            for index in lines.indices {
                let number = start + index
                var shown = number % step == 0 ? Self.padded(number, width) : String(repeating: " ", count: width)
                if number % step == 0, options.anchorLinenums { shown = "<a href=\"#\(anchorName)-\(number)\">\(shown)</a>" }
                let isSpecial = special != 0 && number % special == 0
                if index > 0 { put("\n") }
                put("<span class=\"\(isSpecial ? "special" : "normal")\">\(shown)</span>")
            }
            put("</pre></div></td><td class=\"code\"><div>")
        } else if !filename.isEmpty {
            put("<span class=\"filename\">" + filename + "</span>")
        }
        put("<pre><span></span><code>")
        for index in lines {
            let number = start + index
            if !lineSpans.isEmpty { put("<span id=\"\(lineSpans)-\(number)\">") }
            if !lineAnchors.isEmpty {
                let anchor = "\(lineAnchors)-\(number)"
                put("<a id=\"\(anchor)\" name=\"\(anchor)\"" + (lineNumbers == nil ? " href=\"#\(anchor)\"" : "") + "></a>")
            }
            let highlighted = request.highlightedLines.contains(index + 1)
            if highlighted { put("<span class=\"hll\">") }
            if inline {
                let shown = number % step == 0 ? Self.padded(number, width) : String(repeating: " ", count: width)
                let classes = special != 0 && number % special == 0 ? "linenos special" : "linenos"
                var numberHTML =
                    lineNumbers == "pymdownx-inline"
                    ? "<span class=\"\(classes)\" data-linenos=\"\(shown) \"></span>" : "<span class=\"\(classes)\">\(shown)</span>"
                if options.anchorLinenums { numberHTML = "<a href=\"#\(anchorName)-\(number)\">\(numberHTML)</a>" }
                put(numberHTML)
            }
            out.append(contentsOf: formatted.line(index))
            if highlighted { put("</span>") }
            if !lineSpans.isEmpty { put("</span>") }
        }
        put("</code></pre>")
        if lineNumbers == "table" { put("</div></td></tr></table>") }
        put("</div>")
        return String(decoding: out, as: UTF8.self)
    }

    /// Without Pygments: `pre.highlight > code.language-x`, the code as written.
    private func plainHTML(code: String, language: String, _ request: Request) -> String {
        var classNames = request.classes
        if options.codeAttrOnPre, !cssClass.isEmpty { classNames.insert(cssClass, at: 0) }
        if !language.isEmpty { classNames.insert(options.languagePrefix + language, at: 0) }
        let classText = classNames.isEmpty ? "" : " class=\"\(classNames.joined(separator: " "))\""
        let idText = request.id.isEmpty ? "" : " id=\"\(request.id)\""
        let attributes = request.attributes.isEmpty ? "" : " " + request.attributes.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: " ")
        let escaped = Self.escapeText(Self.trimmedEnd(code))
        if options.codeAttrOnPre {
            return "<pre\(idText)\(classText)\(attributes)><code>\(escaped)</code></pre>"
        }
        let preClass = cssClass.isEmpty ? "" : " class=\"\(cssClass)\""
        return "<pre\(preClass)><code\(idText)\(classText)\(attributes)>\(escaped)</code></pre>"
    }

    /// The code as superfences hands it on: without the newline that ends its last line.
    static func trimmedEnd(_ code: String) -> String {
        code.hasSuffix("\n") ? String(code.dropLast()) : code
    }

    /// `&`, `<`, `>` escaped (Pygments' and pymdownx's text escaping).
    static func escapeText(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Python's `html.escape` (quotes too), as Pygments escapes a filename or class.
    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for character in escapeText(text) {
            switch character {
            case "\"": out += "&quot;"
            case "'": out += "&#x27;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `'%*d' % (width, number)`.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: " ", count: max(0, width - digits.count)) + digits
    }

    /// Python's `str.islower()`: some cased character, and none upper-case.
    static func isPythonLower(_ word: Substring) -> Bool {
        word.contains { $0.isCased } && !word.contains { $0.isUppercase }
    }

    /// Python's `str.title()` on one word: a letter after a non-letter is upper-cased, others lowered.
    static func pythonTitle(_ word: Substring) -> String {
        var out = ""
        var previousIsLetter = false
        for character in word {
            out += previousIsLetter ? character.lowercased() : character.uppercased()
            previousIsLetter = character.isLetter
        }
        return out
    }
}

extension HighlightMarkup {
    /// pymdownx.highlight's `highlight(…, inline=True)` for `pymdownx.inlinehilite`: a `<code>`
    /// with the language class (with `pygments_lang_class`) and the CSS class, around the code
    /// highlighted as one block would be, each line's HTML stripped (its `InlineHtmlFormatter`)
    /// and the lines joined without a break.
    func inlineHTML(code: String, language: String) -> String {
        guard options.usePygments else {
            var classNames: [String] = []
            if !language.isEmpty { classNames.append(options.languagePrefix + language) }
            if !cssClass.isEmpty { classNames.append(cssClass) }
            let classText = classNames.isEmpty ? "" : " class=\"\(classNames.joined(separator: " "))\""
            return "<code\(classText)>\(Self.escapeText(code))</code>"
        }
        let lookup = options.extendedLanguages[language.lowercased()] ?? language
        let found = language.isEmpty ? nil : PygmentsLexer.named(lookup)
        let lexer = found ?? PygmentsLexer.text
        var classNames: [String] = []
        if options.pygmentsLangClass { classNames.append(options.languagePrefix + (found != nil ? language : lexer.firstAlias)) }
        if !cssClass.isEmpty { classNames.append(cssClass) }
        let formatted = HighlightedLines(
            code: code, lexer: SyntaxLexers.lexer(named: lexer.firstAlias) ?? PlainTextLexer(), stripNewlines: true)
        var out = Array("<code".utf8)
        if !classNames.isEmpty { out.append(contentsOf: " class=\"\(classNames.joined(separator: " "))\"".utf8) }
        out.append(UInt8(ascii: ">"))
        for index in formatted.ends.indices {
            out.append(contentsOf: String(decoding: formatted.line(index), as: UTF8.self).trimmingPythonWhitespace().utf8)
        }
        out.append(contentsOf: "</code>".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
