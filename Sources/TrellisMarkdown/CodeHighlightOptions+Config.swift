import TrellisCore

extension CodeHighlightOptions {
    /// The options `pymdownx.highlight` and `pymdownx.superfences` are given in `mkdocs.yml`
    /// (their option maps; Python objects appear as `!!python/name:…` strings). `unsupported`
    /// names what Trellis cannot reproduce: custom fences whose format is a Python function
    /// other than superfences' own formats (they render as code).
    public init(highlight: ValueMap, superFences: ValueMap, unsupported: inout [String]) {
        self.init()
        func bool(_ key: String) -> Bool? {
            switch highlight[key] {
            case .bool(let value)?: return value
            case .int(let value)?: return value != 0
            default: return nil
            }
        }
        func string(_ key: String) -> String? { highlight[key]?.stringValue }
        if let value = bool("use_pygments") { usePygments = value }
        if let value = string("css_class") { cssClass = value }
        if let value = bool("linenums") { linenums = value }
        if let value = string("linenums_style") { linenumsStyle = value }
        if case .int(let value)? = highlight["linenums_special"] { linenumsSpecial = value }
        if let value = bool("anchor_linenums") { anchorLinenums = value }
        if let value = string("line_spans") { lineSpans = value }
        if let value = string("line_anchors") { lineAnchors = value }
        if let value = bool("pygments_lang_class") { pygmentsLangClass = value }
        if let value = bool("auto_title") { autoTitle = value }
        if let value = string("language_prefix") { languagePrefix = value }
        if let value = bool("code_attr_on_pre") { codeAttrOnPre = value }
        if let value = string("default_lang") { defaultLang = value }
        if let value = bool("stripnl") { stripNewlines = value }
        for (key, value) in highlight["auto_title_map"]?.mapValue ?? ValueMap() {
            // A `{title, mode}` entry is shown as its title.
            if let title = value.stringValue ?? value["title"]?.stringValue { autoTitleMap[key] = title }
        }
        for entry in highlight["extend_pygments_lang"]?.listValue ?? [] {
            guard let name = entry["name"]?.stringValue, let language = entry["lang"]?.stringValue else { continue }
            if extendedLanguages[name.lowercased()] == nil { extendedLanguages[name.lowercased()] = language }
        }
        if let value = superFences["css_class"]?.stringValue, !value.isEmpty { fenceCSSClass = value }
        for entry in superFences["custom_fences"]?.listValue ?? [] {
            guard let name = entry["name"]?.stringValue, let className = entry["class"]?.stringValue else { continue }
            let format = entry["format"]?.stringValue ?? "!!python/name:pymdownx.superfences.fence_code_format"
            switch Self.pythonName(format) {
            case "pymdownx.superfences.fence_code_format":
                customFences.append(CustomFence(name: name, className: className, format: .code))
            case "pymdownx.superfences.fence_div_format":
                customFences.append(CustomFence(name: name, className: className, format: .div))
            default:
                unsupported.append(
                    "pymdownx.superfences: the custom fence '\(name)' uses the format '\(Self.pythonName(format))', a Python function Trellis cannot run; its blocks render as code")
            }
        }
    }

    /// `!!python/name:a.b` → `a.b`.
    static func pythonName(_ text: String) -> String {
        for prefix in ["!!python/name:", "!!python/object/apply:"] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count)).trimmingPythonWhitespace()
        }
        return text
    }
}
