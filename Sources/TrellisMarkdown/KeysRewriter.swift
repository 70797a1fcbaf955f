/// `pymdownx.keys`: `++ctrl+alt+del++` becomes `<span class="keys"><kbd class="key-control">Ctrl</kbd>
/// <span>+</span>…</span>`, with the key names of pymdownx's keymap (`KeyMap`) and its aliases,
/// and `++ctrl+"My key"++` with a key of one's own.
///
/// As pymdownx runs two patterns (quoted keys before anything else, plain keys after links,
/// HTML and entities), a text is read twice: first for runs with a quoted key, then for the
/// rest. Any unknown key name leaves the run as text.
public struct KeysRewriter: MarkdownRewriter {
    public var name: String { "keys" }
    public let options: KeysOptions

    public init(options: KeysOptions = KeysOptions()) {
        self.options = options
    }

    public func rewrite(_ document: inout MarkdownDocument, context: inout RewriteContext) {
        let source = context.source
        for container in InlineContainers.all(in: document, source: source) {
            guard InlineRun.textMentions([UInt8(ascii: "+")], under: container, in: document) else { continue }
            let run = InlineRun(container, in: document, source: source, view: .afterEntities)
            var matcher = KeysMatcher(run: run, options: options)
            let found = matcher.matches()
            guard !found.isEmpty else { continue }
            var edits: [InlineEdit] = []
            var emitted = 0
            for match in found {
                guard let atoms = run.atoms(ofScalars: match.scalars) else { continue }
                if emitted < atoms.lowerBound { edits.append(.atoms(emitted..<atoms.lowerBound)) }
                edits.append(.leaf(.inlineMarkup(html: match.html, text: match.text), run.span(ofAtoms: atoms)))
                emitted = atoms.upperBound
            }
            if emitted < run.atoms.count { edits.append(.atoms(emitted..<run.atoms.count)) }
            run.rebuild(edits, in: &document)
        }
    }
}

/// `pymdownx.keys`' options.
public struct KeysOptions: Sendable {
    /// `separator`: the text between keys (none when empty).
    public var separator = "+"
    /// `strict`: the outer element is `<kbd>` (HTML5's nested keys), not `<span>`.
    public var strict = false
    /// `class`: the outer element's classes.
    public var className = "keys"
    /// `camel_case`: `PgDn` reads as `pg-dn`.
    public var camelCase = false
    /// `key_map`: more keys, or other texts for known ones.
    public var keyMap: [String: String] = [:]

    public init() {}
}

/// Finds the key runs of one inline run, both patterns, in text order.
struct KeysMatcher {
    struct Match {
        var scalars: Range<Int>
        var html: String
        var text: String
    }

    let run: InlineRun
    let options: KeysOptions
    private var scalars: [Unicode.Scalar] { run.scalars }

    init(run: InlineRun, options: KeysOptions) {
        self.run = run
        self.options = options
    }

    mutating func matches() -> [Match] {
        let quoted = scan(quoted: true, avoiding: [])
        let plain = scan(quoted: false, avoiding: quoted.map(\.scalars))
        return (quoted + plain).sorted { $0.scalars.lowerBound < $1.scalars.lowerBound }
    }

    /// One pattern over the run: leftmost runs first, a refused run skipped whole.
    private func scan(quoted: Bool, avoiding taken: [Range<Int>]) -> [Match] {
        var found: [Match] = []
        var takenIndex = 0
        var index = 0
        while index + 1 < scalars.count {
            while takenIndex < taken.count, taken[takenIndex].upperBound <= index { takenIndex += 1 }
            if takenIndex < taken.count, taken[takenIndex].contains(index) {
                index = taken[takenIndex].upperBound
                continue
            }
            guard scalars[index] == "+", scalars[index + 1] == "+" else {
                index += 1
                continue
            }
            let limit = takenIndex < taken.count ? taken[takenIndex].lowerBound : scalars.count
            guard let (keys, end) = keyRun(from: index + 2, limit: limit, quoted: quoted) else {
                index += 1
                continue
            }
            // pymdownx's finditer goes on after a run it refuses, as after one it takes.
            defer { index = end }
            if quoted && !keys.contains(where: \.quoted) { continue }
            guard let match = render(keys, scalars: index..<end) else { continue }
            found.append(match)
        }
        return found
    }

    /// One key of a run: its text as written (a quoted one already unescaped).
    struct Key {
        var text: String
        var quoted: Bool
    }

    /// The keys from `start` to the closing `++` and the end of the run. The late pattern takes
    /// `[\w-]+` names joined by single `+`; the early one also `"…"` and `'…'` keys.
    private func keyRun(from start: Int, limit: Int, quoted allowQuotes: Bool) -> ([Key], Int)? {
        var keys: [Key] = []
        var index = start
        while true {
            guard let (key, next) = self.key(at: index, limit: limit, quotes: allowQuotes) else { return nil }
            keys.append(key)
            index = next
            guard index < limit, scalars[index] == "+" else { return nil }
            if index + 1 < limit, scalars[index + 1] == "+" { return (keys, index + 2) }
            index += 1
        }
    }

    private func key(at start: Int, limit: Int, quotes: Bool) -> (Key, Int)? {
        guard start < limit else { return nil }
        let first = scalars[start]
        if quotes, first == "\"" || first == "'" {
            return quotedKey(at: start, quote: first, limit: limit)
        }
        var end = start
        while end < limit, Self.isNameCharacter(scalars[end]) { end += 1 }
        guard end > start else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return (Key(text: String(text), quoted: false), end)
    }

    /// `"(?:\\.|[^\\"])+"`: a backslash takes the next character as it is; escapes and
    /// entities cmark decoded read as what they stand for.
    private func quotedKey(at start: Int, quote: Unicode.Scalar, limit: Int) -> (Key, Int)? {
        var text = ""
        var index = start + 1
        while index < limit {
            let scalar = scalars[index]
            if scalar == quote {
                guard index > start + 1 else { return nil }
                return (Key(text: text, quoted: true), index + 1)
            }
            if scalar == PythonCharacter.placeholderStart {
                // An escaped character or an entity is its text; any other element ends the key.
                let atom = run.atomOfScalar[index]
                guard run.atoms[atom].kind == .escaped || run.atoms[atom].kind == .entity else { return nil }
                text += run.text(ofAtoms: atom..<(atom + 1))
                index = run.firstScalar[atom + 1]
                continue
            }
            if scalar == "\\" {
                guard index + 1 < limit else { return nil }
                text.unicodeScalars.append(scalars[index + 1])
                index += 2
                continue
            }
            text.unicodeScalars.append(scalar)
            index += 1
        }
        return nil
    }

    /// `[\w\-]`.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || PythonCharacter.isWord(scalar)
    }

    /// `KeysPattern.handleMatch`: the markup, or `nil` when a key is not known.
    private func render(_ keys: [Key], scalars range: Range<Int>) -> Match? {
        var parts: [(kind: String?, name: String)] = []
        for key in keys {
            if key.quoted {
                parts.append((nil, key.text.trimmingPythonWhitespace()))
                continue
            }
            let normalized = options.camelCase ? Self.camelCaseNormalized(key.text) : key.text
            let canonical = KeyMap.aliases[normalized] ?? normalized
            guard let name = options.keyMap[canonical] ?? KeyMap.names[canonical], !name.isEmpty else { return nil }
            parts.append((canonical, name))
        }
        let outer = options.strict ? "kbd" : "span"
        var html = "<" + outer + " class=\"" + PythonCharacter.escapedAttribute(options.className) + "\">"
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 && !options.separator.isEmpty {
                html += "<span>" + PythonCharacter.escapedText(options.separator) + "</span>"
                text += options.separator
            }
            html += part.kind.map { "<kbd class=\"" + PythonCharacter.escapedAttribute("key-" + $0) + "\">" } ?? "<kbd>"
            html += PythonCharacter.escapedText(part.name) + "</kbd>"
            text += part.name
        }
        return Match(scalars: range, html: html + "</" + outer + ">", text: text)
    }

    /// `KeysPattern.normalize` with `camel_case`: `PgDn` → `pg-dn`.
    static func camelCaseNormalized(_ key: String) -> String {
        var result = ""
        var last: Character?
        for character in key {
            if character.isUppercase {
                if last == nil || last == "-" {
                    result += character.lowercased()
                } else {
                    result += "-" + character.lowercased()
                }
            } else {
                result.append(character)
            }
            last = character
        }
        return result
    }
}

extension String {
    /// Python's `str.strip()`.
    func trimmingPythonWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, PythonCharacter.isSpace(scalars[start]) { start += 1 }
        while end > start, PythonCharacter.isSpace(scalars[end - 1]) { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
