/// The HTML pymdownx.highlight writes around one code block (its `Highlight.highlight` with
/// Pygments' `HtmlFormatter`, as pymdownx configures it), with the code as escaped text and no
/// token spans. Pygments' `text` lexer gives exactly this markup.
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
        var out = ""
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

        // Pygments' formatter, wrapper by wrapper.
        var lines = Self.lines(of: code, strip: options.stripNewlines)
        let inline = lineNumbers == "inline" || lineNumbers == "pymdownx-inline"
        let lineAnchors = options.effectiveLineAnchors.isEmpty ? "" : options.effectiveLineAnchors + "-" + blockID
        let lineSpans = options.lineSpans.isEmpty ? "" : options.lineSpans + "-" + blockID
        let anchorName = lineAnchors.isEmpty ? lineSpans : lineAnchors
        if inline {
            let width = String(lines.count + start - 1).count
            for index in lines.indices {
                let number = start + index
                let shown = number % step == 0 ? Self.padded(number, width) : String(repeating: " ", count: width)
                let isSpecial = special != 0 && number % special == 0
                var numberHTML: String
                if lineNumbers == "pymdownx-inline" {
                    numberHTML = "<span class=\"linenos\(isSpecial ? " special" : "")\" data-linenos=\"\(shown) \"></span>"
                } else {
                    numberHTML = "<span class=\"linenos\(isSpecial ? " special" : "")\">\(shown)</span>"
                }
                if options.anchorLinenums { numberHTML = "<a href=\"#\(anchorName)-\(number)\">\(numberHTML)</a>" }
                lines[index] = numberHTML + lines[index]
            }
        }
        for index in lines.indices where request.highlightedLines.contains(index + 1) {
            lines[index] = "<span class=\"hll\">" + lines[index] + "</span>"
        }
        if !lineAnchors.isEmpty {
            for index in lines.indices {
                let anchor = "\(lineAnchors)-\(start + index)"
                let href = lineNumbers == nil ? " href=\"#\(anchor)\"" : ""
                lines[index] = "<a id=\"\(anchor)\" name=\"\(anchor)\"\(href)></a>" + lines[index]
            }
        }
        if !lineSpans.isEmpty {
            for index in lines.indices {
                lines[index] = "<span id=\"\(lineSpans)-\(start + index)\">" + lines[index] + "</span>"
            }
        }
        var pre = ""
        if !filename.isEmpty, lineNumbers != "table" { pre += "<span class=\"filename\">" + filename + "</span>" }
        pre += "<pre><span></span><code>"
        for line in lines { pre += line }
        pre += "</code></pre>"

        var divClasses = classNames
        if !cssClass.isEmpty { divClasses.append(Self.escapeAttribute(cssClass)) }
        out += "<div"
        if !request.id.isEmpty { out += " id=\"\(request.id)\"" }
        if !divClasses.isEmpty { out += " class=\"\(divClasses.joined(separator: " "))\"" }
        let data = request.attributes.filter { $0.0.hasPrefix("data-") }
        if !data.isEmpty { out += " " + data.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: " ") }
        out += ">"
        if lineNumbers == "table" {
            let width = String(lines.count + start - 1).count
            var numbers: [String] = []
            for index in lines.indices {
                let number = start + index
                var shown = number % step == 0 ? Self.padded(number, width) : String(repeating: " ", count: width)
                if number % step == 0, options.anchorLinenums { shown = "<a href=\"#\(anchorName)-\(number)\">\(shown)</a>" }
                let isSpecial = special != 0 && number % special == 0
                numbers.append("<span class=\"\(isSpecial ? "special" : "normal")\">\(shown)</span>")
            }
            out += "<table class=\"\(Self.escapeAttribute(cssClass))table\">"
            if !filename.isEmpty {
                out += "<tr><th colspan=\"2\" class=\"filename\"><span class=\"filename\">\(filename)</span></th></tr>"
            }
            out += "<tr><td class=\"linenos\"><div class=\"linenodiv\"><pre><span></span>"
            out += numbers.joined(separator: "\n")
            out += "</pre></div></td><td class=\"code\"><div>" + pre + "</div></td></tr></table>"
        } else {
            out += pre
        }
        out += "</div>"
        return out
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

    /// The block's lines as Pygments formats them with a lexer that emits no tokens: newlines
    /// stripped from both ends (`stripnl`), a final newline ensured, each line escaped and
    /// ending in `\n`.
    static func lines(of code: String, strip: Bool) -> [String] {
        var text = Substring(trimmedEnd(code))
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        if strip {
            while text.first == "\n" { text = text.dropFirst() }
            while text.last == "\n" { text = text.dropLast() }
        }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The final newline Pygments ensures ends the last line; it starts no new one.
        if text.hasSuffix("\n"), parts.count > 1 { parts.removeLast() }
        return parts.map { escapeText(String($0)) + "\n" }
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

extension String {
    /// Python's `str.strip()`: white space removed from both ends.
    func trimmingPythonWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
