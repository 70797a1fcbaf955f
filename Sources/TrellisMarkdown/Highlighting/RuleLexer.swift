import Foundation

/// A Pygments `RegexLexer` (or `ExtendedRegexLexer`) run from its exported rule table
/// (`Resources/pygments-rules/<Class>.json`, written by `scripts/update-pygments-rules.py`):
/// Pygments' `get_tokens_unprocessed`, rule for rule.
final class RuleLexer: SyntaxLexer, @unchecked Sendable {
    indirect enum Action {
        case none
        case token(TokenType)
        case groups([Action])
        /// Delegation: an exported lexer class or else a lexer alias (`this`: the same lexer), and
        /// the initial state stack.
        case using(Target, [String]?)
        /// A Python callback Trellis implements, with the pattern's group numbers by name.
        case callback(String, [String: Int])
    }

    enum Step {
        case pop, push
        case state(Int)
    }

    enum Transition {
        case none
        case pop(Int)
        case push
        case steps([Step])
    }

    struct Target {
        var alias: String
        var className: String?
    }

    struct Rule {
        var regex: Int
        var action: Action
        var transition: Transition
    }

    /// A token as the interpreter finds it: a type and a range of UTF-16 offsets in the run's text.
    struct RawToken {
        var type: TokenType
        var start: Int
        var end: Int
    }

    let className: String
    let extended: Bool
    let states: [[Rule]]
    let stateNames: [String: Int]
    let root: Int
    let regexes: [LazyRegex]
    /// A `get_tokens_unprocessed` override that renames tokens: a token of one of `types` whose
    /// text is in `words` (or contains `contains`) becomes `to` (C's standard types, PHP's builtin
    /// functions, Swift's Cocoa names, Slurm's `#SBATCH` comments).
    struct Remap {
        var types: Set<TokenType>
        var to: TokenType
        var words: Set<String>
        var contains: String?
    }

    /// The renaming rules, the first that applies wins.
    let remaps: [Remap]

    /// A pattern compiled on first use, once per process.
    final class LazyRegex: @unchecked Sendable {
        let python: String
        let flags: String
        private let lock = NSLock()
        private var state: Result<ICURegex, PythonRegexTranslation.Unsupported>?

        init(python: String, flags: String) {
            self.python = python
            self.flags = flags
        }

        func compiled() -> Result<ICURegex, PythonRegexTranslation.Unsupported> {
            lock.lock()
            defer { lock.unlock() }
            if let state { return state }
            let result: Result<ICURegex, PythonRegexTranslation.Unsupported>
            do {
                let translation = try PythonRegexTranslation(python: python, flags: flags)
                result = .success(
                    try ICURegex(
                        pattern: translation.pattern, caseInsensitive: translation.caseInsensitive,
                        multiline: translation.multiline, dotAll: translation.dotAll))
            } catch let error as PythonRegexTranslation.Unsupported {
                result = .failure(error)
            } catch {
                result = .failure(PythonRegexTranslation.Unsupported(reason: "\(error)"))
            }
            state = result
            return result
        }
    }

    /// Reads one exported lexer; nil when the data is not what the exporter writes.
    init?(json: [String: Any], macros: [String: String]) {
        guard let className = json["class"] as? String, let rawStates = json["states"] as? [String: Any] else { return nil }
        self.className = className
        extended = json["extended"] as? Bool ?? false
        var names: [String: Int] = [:]
        let sortedNames = rawStates.keys.sorted()
        for (index, name) in sortedNames.enumerated() { names[name] = index }
        guard let root = names["root"] else { return nil }
        self.root = root
        stateNames = names
        var regexes: [LazyRegex] = []
        var states: [[Rule]] = []
        for name in sortedNames {
            var rules: [Rule] = []
            for case let rule as [Any] in rawStates[name] as? [Any] ?? [] {
                guard rule.count == 4, let pattern = rule[0] as? String, let flags = rule[1] as? String else { continue }
                regexes.append(LazyRegex(python: Self.expand(pattern, macros), flags: flags))
                rules.append(
                    Rule(regex: regexes.count - 1, action: Self.action(rule[2]), transition: Self.transition(rule[3], names)))
            }
            states.append(rules)
        }
        self.states = states
        self.regexes = regexes
        remaps = (json["remaps"] as? [[String: Any]] ?? []).compactMap { remap in
            guard let types = remap["types"] as? [String], let to = remap["to"] as? String else { return nil }
            return Remap(
                types: Set(types.map(TokenType.init)), to: TokenType(to), words: Set(remap["words"] as? [String] ?? []),
                contains: remap["contains"] as? String)
        }
    }

    /// Expands the `\0name\0` references to pygments.unistring's category strings.
    private static func expand(_ pattern: String, _ macros: [String: String]) -> String {
        guard pattern.contains("\0") else { return pattern }
        let parts = pattern.split(separator: "\0", omittingEmptySubsequences: false)
        var out = ""
        for (index, part) in parts.enumerated() {
            out += index % 2 == 1 ? (macros[String(part)] ?? "") : String(part)
        }
        return out
    }

    private static func action(_ raw: Any) -> Action {
        switch raw {
        case let name as String:
            return .token(TokenType(name))
        case let object as [String: Any]:
            if let groups = object["by"] as? [Any] { return .groups(groups.map(action)) }
            if let alias = object["using"] as? String {
                return .using(Target(alias: alias, className: object["class"] as? String), object["stack"] as? [String])
            }
            if let name = object["callback"] as? String { return .callback(name, object["groups"] as? [String: Int] ?? [:]) }
            return .none
        default:
            return .none
        }
    }

    private static func transition(_ raw: Any, _ names: [String: Int]) -> Transition {
        switch raw {
        case let number as Int:
            return number < 0 ? .pop(-number) : .none
        case let text as String:
            return text == "#push" ? .push : .none
        case let list as [Any]:
            return .steps(
                list.compactMap { item in
                    guard let name = item as? String else { return nil }
                    if name == "#pop" { return .pop }
                    if name == "#push" { return .push }
                    return names[name].map(Step.state)
                })
        default:
            return .none
        }
    }

    /// Every pattern compiled; the failures (pattern and reason), for the test that all compile.
    func compileAll() -> [(String, String)] {
        regexes.compactMap { regex in
            if case .failure(let error) = regex.compiled() { return (regex.python, error.reason) }
            return nil
        }
    }

    // MARK: Running

    func tokens(in text: Substring) -> [HighlightToken] {
        let units = Array(text.utf16)
        var raw: [RawToken] = []
        raw.reserveCapacity(units.count / 3 + 4)
        units.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let input = Input(text: text, units: base, count: buffer.count)
            run(input, range: 0..<buffer.count, stack: [root], into: &raw, depth: 0)
        }
        return Self.highlightTokens(raw, in: text)
    }

    /// The raw tokens as `HighlightToken`s on `text`.
    static func highlightTokens(_ raw: [RawToken], in text: Substring) -> [HighlightToken] {
        let utf16 = text.utf16
        var result: [HighlightToken] = []
        result.reserveCapacity(raw.count)
        var lastOffset = 0
        var lastIndex = text.startIndex
        func index(_ offset: Int) -> String.Index {
            // Tokens mostly come in order: walk from the previous one when that is shorter.
            if offset >= lastOffset, offset - lastOffset < 64 {
                lastIndex = utf16.index(lastIndex, offsetBy: offset - lastOffset, limitedBy: text.endIndex) ?? text.endIndex
            } else {
                lastIndex = utf16.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
            }
            lastOffset = offset
            return lastIndex
        }
        for token in raw where token.end > token.start {
            let start = index(token.start)
            let end = index(token.end)
            guard start < end else { continue }
            result.append(HighlightToken(token.type, text[start..<end]))
        }
        return result
    }

    /// The text a run reads: UTF-16 units, and the original text for hand-written lexers.
    struct Input {
        let text: Substring
        let units: UnsafePointer<UInt16>
        let count: Int
    }

    /// How deeply `using` may nest (a rule delegating its whole text to itself would recurse forever).
    static let maximumDepth = 24
    /// How often a run may match the empty string in a row at one position before it moves on
    /// (Pygments would loop forever on such a rule table).
    static let maximumEmptyMatches = 64
    static let maximumStack = 4096

    /// An `ExtendedRegexLexer`'s `LexerContext`: the state stack, the position and the end the
    /// patterns see (Python's `endpos`), which Ruby's heredoc callback narrows to one line while
    /// it lexes the rest of that line with the same stack.
    struct Context {
        var stack: [Int]
        var position: Int
        var end: Int
        /// `heredocstack`: the heredocs opened on the current line, whether their closing line
        /// may be indented (`<<-`, `<<~`), and their names.
        var heredocs: [(tolerant: Bool, name: [Unicode.Scalar])] = []
    }

    /// How many heredocs one line may open before the rest of the line is heredoc text
    /// (`RubyLexer.heredoc_callback`'s recursion limit).
    static let maximumHeredocs = 100

    /// `get_tokens_unprocessed(text[range], stack)`, appending tokens with offsets into `input`.
    func run(_ input: Input, range: Range<Int>, stack initial: [Int], into out: inout [RawToken], depth: Int) {
        let firstToken = out.count
        defer { applyRemap(&out, from: firstToken, input) }
        guard depth < Self.maximumDepth else {
            out.append(RawToken(type: .text, start: range.lowerBound, end: range.upperBound))
            return
        }
        let offset = range.lowerBound
        let count = range.count
        let base = input.units + offset
        var matchers = [ICUMatcher?](repeating: nil, count: regexes.count)
        // Python's `endpos`: the patterns see the text up to the context's end (lookbehinds and
        // `^` the text before the position).
        var textLength = count
        var taken: [Int] = []
        defer {
            for index in taken {
                if let matcher = matchers[index], case .success(let regex) = regexes[index].compiled() { regex.give(matcher) }
            }
        }
        func matcher(_ index: Int) -> ICUMatcher? {
            if let matcher = matchers[index] { return matcher }
            guard case .success(let regex) = regexes[index].compiled(), let matcher = regex.take() else { return nil }
            taken.append(index)
            matchers[index] = matcher
            guard matcher.setText(base, count: textLength) else { return nil }
            return matcher
        }
        /// Gives every matcher the text up to `end` (Ruby's heredocs narrow it to one line).
        func setEnd(_ end: Int) {
            textLength = end
            for index in taken { _ = matchers[index]?.setText(base, count: end) }
        }
        func emit(_ type: TokenType, _ start: Int, _ stop: Int) {
            if stop > start { out.append(RawToken(type: type, start: start + offset, end: stop + offset)) }
        }

        func lex(_ context: inout Context) {
            var emptyMatches = 0
            while true {
                if context.end != textLength { setEnd(context.end) }
                let current = context.stack.last ?? root
                let position = context.position
                var matched = false
                if emptyMatches <= Self.maximumEmptyMatches, current < states.count {
                    for rule in states[current] {
                        guard let matcher = matcher(rule.regex), let matchEnd = matcher.match(at: position) else { continue }
                        var newPosition = matchEnd
                        switch rule.action {
                        case .none:
                            if extended { newPosition = position }
                        case .token(let type):
                            emit(type, position, matchEnd)
                        case .groups(let actions):
                            for (index, action) in actions.enumerated() {
                                guard let group = matcher.group(index + 1) else { continue }
                                switch action {
                                case .none:
                                    continue
                                case .token(let type):
                                    emit(type, group.lowerBound, group.upperBound)
                                case .using(let target, let stack):
                                    delegate(target, stack, input, (group.lowerBound + offset)..<(group.upperBound + offset), &out, depth)
                                case .groups, .callback:
                                    continue
                                }
                            }
                        case .using(let target, let stack):
                            delegate(target, stack, input, (position + offset)..<(matchEnd + offset), &out, depth)
                        case .callback("ruby-heredoc", _):
                            newPosition = rubyHeredoc(matcher, &context) ?? matchEnd
                        case .callback(let name, let groups):
                            newPosition =
                                callback(
                                    name, groups, matcher, base: base, count: count, emit: emit,
                                    delegate: { alias, stack, range in
                                        self.delegate(
                                            Target(alias: alias, className: nil), stack, input,
                                            (range.lowerBound + offset)..<(range.upperBound + offset), &out, depth)
                                    }) ?? matchEnd
                        }
                        context.position = newPosition
                        emptyMatches = matchEnd == position ? emptyMatches + 1 : 0
                        switch rule.transition {
                        case .none:
                            break
                        case .pop(let count):
                            if count >= context.stack.count { context.stack.removeSubrange(1...) } else { context.stack.removeLast(count) }
                        case .push:
                            if context.stack.count < Self.maximumStack { context.stack.append(current) }
                        case .steps(let steps):
                            for step in steps {
                                switch step {
                                case .pop: if context.stack.count > 1 { context.stack.removeLast() }
                                case .push: if context.stack.count < Self.maximumStack, let top = context.stack.last { context.stack.append(top) }
                                case .state(let state): if context.stack.count < Self.maximumStack { context.stack.append(state) }
                                }
                            }
                        }
                        matched = true
                        break
                    }
                }
                if matched { continue }
                emptyMatches = 0
                guard position < context.end else { break }
                if base[position] == 10 {
                    context.stack = [root]
                    emit(extended ? .text : .whitespace, position, position + 1)
                    context.position = position + 1
                    continue
                }
                // One character (a surrogate pair is one).
                let width = (0xD800..<0xDC00).contains(base[position]) && position + 1 < context.end ? 2 : 1
                emit(.error, position, position + width)
                context.position = position + width
            }
        }

        /// `RubyLexer.heredoc_callback`: `<<`, `<<-` or `<<~`, an optional quote, the name, the
        /// quote again, then the rest of the line lexed with the same context (where more
        /// heredocs may open); back on the outermost heredoc, each heredoc's body is the lines up
        /// to its name alone on a line (surrounding whitespace ignored for `<<-`/`<<~`, trailing
        /// whitespace for `<<`), every line left an error when the name never comes.
        func rubyHeredoc(_ matcher: ICUMatcher, _ context: inout Context) -> Int? {
            // Read before the rest of the line is lexed: that reuses this matcher.
            guard let operatorRange = matcher.group(1), let openQuote = matcher.group(2), let nameRange = matcher.group(3),
                let closeQuote = matcher.group(4), let rest = matcher.group(5), let whole = matcher.group(0)
            else { return nil }
            let heredoc = TokenType("Literal.String.Heredoc"), delimiter = TokenType("Literal.String.Delimiter")
            emit(.init("Operator"), operatorRange.lowerBound, operatorRange.upperBound)
            emit(heredoc, openQuote.lowerBound, openQuote.upperBound)
            emit(delimiter, nameRange.lowerBound, nameRange.upperBound)
            emit(heredoc, closeQuote.lowerBound, closeQuote.upperBound)
            let outermost = context.heredocs.isEmpty
            context.heredocs.append((tolerant: operatorRange.count == 3, name: Self.scalars(base, nameRange)))
            context.position = rest.lowerBound
            context.end = rest.upperBound
            if context.heredocs.count < Self.maximumHeredocs {
                lex(&context)
            } else {
                emit(heredoc, rest.lowerBound, rest.upperBound)
            }
            context.position = whole.upperBound
            guard outermost else { return context.position }
            for (tolerant, name) in context.heredocs {
                // `line_re.finditer(ctx.text, ctx.pos)`: the whole lines after the position.
                var lines: [Range<Int>] = []
                var lineStart = context.position
                var found = false
                var index = lineStart
                while index < count {
                    if base[index] == 10 {
                        let line = lineStart..<(index + 1)
                        if Self.heredocLine(Self.scalars(base, line), closes: name, tolerant: tolerant) {
                            for body in lines { emit(heredoc, body.lowerBound, body.upperBound) }
                            emit(delimiter, line.lowerBound, line.upperBound)
                            context.position = line.upperBound
                            found = true
                            break
                        }
                        lines.append(line)
                        lineStart = index + 1
                    }
                    index += 1
                }
                if !found {
                    for body in lines { emit(.error, body.lowerBound, body.upperBound) }
                    if let last = lines.last { context.position = last.upperBound }
                }
            }
            context.end = count
            context.heredocs.removeAll()
            return context.position
        }

        var context = Context(stack: initial.isEmpty ? [root] : initial, position: 0, end: count)
        lex(&context)
    }

    /// The code points of `range` of the text.
    private static func scalars(_ base: UnsafePointer<UInt16>, _ range: Range<Int>) -> [Unicode.Scalar] {
        Array(String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF16.self).unicodeScalars)
    }

    /// Whether a line ends the heredoc `name`: the line, without its whitespace (Python's
    /// `strip()` when `tolerant`, else `rstrip()`), is the name, code point for code point.
    static func heredocLine(_ line: [Unicode.Scalar], closes name: [Unicode.Scalar], tolerant: Bool) -> Bool {
        var start = 0
        var end = line.count
        while end > start, PythonClass.isSpace(line[end - 1]) { end -= 1 }
        if tolerant { while start < end, PythonClass.isSpace(line[start]) { start += 1 } }
        return line[start..<end].elementsEqual(name)
    }

    /// A `using` delegation over `range` (offsets into `input`).
    private func delegate(
        _ target: Target, _ stackNames: [String]?, _ input: Input, _ range: Range<Int>, _ out: inout [RawToken], _ depth: Int
    ) {
        guard !range.isEmpty else { return }
        let lexer: (any SyntaxLexer)? =
            target.alias == "this"
            ? self : target.className.flatMap { RuleLexers.shared.lexer(className: $0) } ?? SyntaxLexers.lexer(named: target.alias)
        if let rules = lexer as? RuleLexer {
            let stack = stackNames.map { names in names.compactMap { rules.stateNames[$0] } } ?? [rules.root]
            rules.run(input, range: range, stack: stack, into: &out, depth: depth + 1)
        } else if let lexer {
            let utf16 = input.text.utf16
            guard let start = utf16.index(input.text.startIndex, offsetBy: range.lowerBound, limitedBy: input.text.endIndex),
                let stop = utf16.index(start, offsetBy: range.count, limitedBy: input.text.endIndex)
            else { return }
            let slice = input.text[start..<stop]
            for token in lexer.tokens(in: slice) {
                let tokenStart = utf16.distance(from: input.text.startIndex, to: token.text.startIndex)
                out.append(RawToken(type: token.type, start: tokenStart, end: tokenStart + token.text.utf16.count))
            }
        } else {
            // Pygments would fail to load the lexer; the text stays plain.
            out.append(RawToken(type: .text, start: range.lowerBound, end: range.upperBound))
        }
    }

    private func applyRemap(_ out: inout [RawToken], from first: Int, _ input: Input) {
        guard !remaps.isEmpty, first < out.count else { return }
        for index in first..<out.count {
            let token = out[index]
            guard let remap = remaps.first(where: { $0.types.contains(token.type) }) else { continue }
            let units = UnsafeBufferPointer(start: input.units + token.start, count: token.end - token.start)
            let text = String(decoding: units, as: UTF16.self)
            if let needle = remap.contains {
                if text.contains(needle) { out[index].type = remap.to }
            } else if remap.words.contains(text) {
                out[index].type = remap.to
            }
        }
    }

    /// The Python callbacks Trellis implements; returns the position the callback leaves.
    private func callback(
        _ name: String, _ groups: [String: Int], _ matcher: ICUMatcher, base: UnsafePointer<UInt16>, count: Int,
        emit: (TokenType, Int, Int) -> Void, delegate: (String, [String]?, Range<Int>) -> Void
    ) -> Int? {
        let delegateFromRoot = { (alias: String, range: Range<Int>) in delegate(alias, nil, range) }
        switch name {
        case "terraform-heredoc":
            return terraformHeredoc(matcher, base: base, count: count, emit: emit)
        case "markdown-codeblock":
            return markdownCodeBlock(groups, matcher, base: base, emit: emit, delegate: delegateFromRoot)
        case "postgres-language":
            return postgresLanguage(matcher, base: base, count: count, emit: emit, delegate: delegateFromRoot)
        case "ruby-intp-regex":
            return rubyInterpolated(matcher, TokenType("Literal.String.Regex"), "interpolated-regex", emit: emit, delegate: delegate)
        case "ruby-intp-string":
            return rubyInterpolated(matcher, TokenType("Literal.String.Other"), "interpolated-string", emit: emit, delegate: delegate)
        default:
            return nil
        }
    }

    /// `RubyLexer`'s `intp_regex_callback` and `intp_string_callback` (`%r!…!`, `%Q|…|`, `%!…!`):
    /// the opening and the closing (group 1 and 4) as `type`, the body (group 3) lexed on its own,
    /// as a new context starting in `state` (`#{…}` interpolation inside).
    private func rubyInterpolated(
        _ matcher: ICUMatcher, _ type: TokenType, _ state: String, emit: (TokenType, Int, Int) -> Void,
        delegate: (String, [String]?, Range<Int>) -> Void
    ) -> Int? {
        guard let open = matcher.group(1), let body = matcher.group(3), let close = matcher.group(4), let whole = matcher.group(0)
        else { return nil }
        emit(type, open.lowerBound, open.upperBound)
        delegate("this", [state], body)
        emit(type, close.lowerBound, close.upperBound)
        return whole.upperBound
    }

    /// `MarkdownLexer._handle_codeblock`: a fenced block's fence, language and code, the code
    /// highlighted by the language's lexer (a string when there is none).
    private func markdownCodeBlock(
        _ groups: [String: Int], _ matcher: ICUMatcher, base: UnsafePointer<UInt16>, emit: (TokenType, Int, Int) -> Void,
        delegate: (String, Range<Int>) -> Void
    ) -> Int? {
        func range(_ name: String) -> Range<Int>? { groups[name].flatMap { matcher.group($0) } }
        guard let initial = range("initial"), let lang = range("lang"), let newline = range("newline"), let code = range("code"),
            let terminator = range("terminator"), let end = matcher.group(0)?.upperBound
        else { return nil }
        let backtick = TokenType("Literal.String.Backtick")
        emit(backtick, initial.lowerBound, initial.upperBound)
        emit(backtick, lang.lowerBound, lang.upperBound)
        if range("afterlang") != nil {
            if let whitespace = range("whitespace") { emit(.whitespace, whitespace.lowerBound, whitespace.upperBound) }
            if let extra = range("extra") { emit(.text, extra.lowerBound, extra.upperBound) }
        }
        emit(.whitespace, newline.lowerBound, newline.upperBound)
        let name = String(decoding: UnsafeBufferPointer(start: base + lang.lowerBound, count: lang.count), as: UTF16.self)
            .trimmingPythonWhitespace()
        if SyntaxLexers.lexer(named: name) != nil, PygmentsLexer.named(name) != nil {
            delegate(name, code)
        } else {
            emit(.init("Literal.String"), code.lowerBound, code.upperBound)
        }
        emit(backtick, terminator.lowerBound, terminator.upperBound)
        return end
    }

    /// `TerraformLexer.heredoc_callback`: `<<` or `<<-`, the delimiter name, the rest of the line,
    /// then every line up to one that is the name (surrounding whitespace ignored) as heredoc text;
    /// without such a line the lines are errors and lexing goes on after the first line.
    private func terraformHeredoc(
        _ matcher: ICUMatcher, base: UnsafePointer<UInt16>, count: Int, emit: (TokenType, Int, Int) -> Void
    ) -> Int? {
        guard let operatorRange = matcher.group(1), let nameRange = matcher.group(2), let restRange = matcher.group(3),
            let matchEnd = matcher.group(0)?.upperBound
        else { return nil }
        emit(.init("Operator"), operatorRange.lowerBound, operatorRange.upperBound)
        emit(.init("Literal.String.Delimiter"), nameRange.lowerBound, nameRange.upperBound)
        emit(.init("Literal.String.Heredoc"), restRange.lowerBound, restRange.upperBound)
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF16.self)
        }
        let name = text(nameRange)
        var lines: [Range<Int>] = []
        var lineStart = matchEnd
        var index = matchEnd
        while index < count {
            if base[index] == 10 {
                let line = lineStart..<(index + 1)
                if text(line).trimmingPythonWhitespace() == name {
                    for body in lines { emit(.init("Literal.String.Heredoc"), body.lowerBound, body.upperBound) }
                    emit(.init("Literal.String.Delimiter"), line.lowerBound, line.upperBound)
                    return line.upperBound
                }
                lines.append(line)
                lineStart = index + 1
            }
            index += 1
        }
        for body in lines { emit(.error, body.lowerBound, body.upperBound) }
        return matchEnd
    }
}

extension RuleLexer {
    /// `sql.language_re` and `sql.do_re`.
    private static let languageRegex = try? ICURegex(
        pattern: #"[\s\x{0b}\x{1c}-\x{1f}\x{85}]+LANGUAGE[\s\x{0b}\x{1c}-\x{1f}\x{85}]+'?(\w+)'?"#, caseInsensitive: true,
        multiline: false, dotAll: false)
    private static let doRegex = try? ICURegex(pattern: #"\bDO\b"#, caseInsensitive: true, multiline: false, dotAll: false)

    /// The matches of `regex` in `window` of the text (as Python's `finditer` on that slice), as
    /// ranges of its first group (the whole match when it has none), at most `limit`.
    fileprivate static func matches(
        _ regex: ICURegex?, in window: Range<Int>, base: UnsafePointer<UInt16>, anchored: Bool
    ) -> [Range<Int>] {
        guard let regex, let matcher = regex.take() else { return [] }
        defer { regex.give(matcher) }
        guard matcher.setText(base + window.lowerBound, count: window.count) else { return [] }
        var found: [Range<Int>] = []
        var position = 0
        while position <= window.count {
            if let end = matcher.match(at: position) {
                let group = matcher.group(1) ?? position..<end
                found.append((group.lowerBound + window.lowerBound)..<(group.upperBound + window.lowerBound))
                position = end > position ? end : position + 1
            } else {
                if anchored { break }
                position += 1
            }
            if anchored { break }
        }
        return found
    }

    /// `sql.language_callback` (PostgreSQL's dollar-quoted strings): the body is highlighted in the
    /// language a nearby `LANGUAGE x` names (PL/pgSQL after a `DO`), else it is a string.
    fileprivate func postgresLanguage(
        _ matcher: ICUMatcher, base: UnsafePointer<UInt16>, count: Int, emit: (TokenType, Int, Int) -> Void,
        delegate: (String, Range<Int>) -> Void
    ) -> Int? {
        guard let whole = matcher.group(0) else { return nil }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF16.self)
        }
        var language: String?
        if let after = Self.matches(
            Self.languageRegex, in: whole.upperBound..<min(count, whole.upperBound + 100), base: base, anchored: true
        ).first {
            language = text(after)
        } else if let before = Self.matches(
            Self.languageRegex, in: max(0, whole.lowerBound - 100)..<whole.lowerBound, base: base, anchored: false
        ).last {
            language = text(before)
        } else if !Self.matches(Self.doRegex, in: max(0, whole.lowerBound - 25)..<whole.lowerBound, base: base, anchored: false).isEmpty {
            language = "plpgsql"
        }
        // PostgresBase._get_lexer: `sql` is PostgreSQL; `plx`, `xu` and `plxu` also try `x`.
        var alias: String?
        if let language {
            if language.lowercased() == "sql" {
                alias = "postgresql"
            } else {
                var tries = [language]
                if language.hasPrefix("pl") { tries.append(String(language.dropFirst(2))) }
                if language.hasSuffix("u") { tries.append(String(language.dropLast())) }
                if language.hasPrefix("pl"), language.hasSuffix("u"), language.count >= 3 {
                    tries.append(String(language.dropFirst(2).dropLast()))
                }
                alias = tries.first { PygmentsLexer.named($0) != nil && SyntaxLexers.lexer(named: $0) != nil }
            }
        }
        let string = TokenType("Literal.String"), delimiter = TokenType("Literal.String.Delimiter")
        for (number, type) in [(1, string), (2, delimiter), (3, string)] {
            if let group = matcher.group(number) { emit(type, group.lowerBound, group.upperBound) }
        }
        if let body = matcher.group(4) {
            if let alias { delegate(alias, body) } else { emit(string, body.lowerBound, body.upperBound) }
        }
        for (number, type) in [(5, string), (6, delimiter), (7, string)] {
            if let group = matcher.group(number) { emit(type, group.lowerBound, group.upperBound) }
        }
        return whole.upperBound
    }
}

/// Pygments' `TextLexer` (the whole text as one `Text` token) and `OutputLexer` (one
/// `Generic.Output` token).
struct PlainTextLexer: SyntaxLexer {
    var type = TokenType.text

    func tokens(in text: Substring) -> [HighlightToken] {
        text.isEmpty ? [] : [HighlightToken(type, text)]
    }
}
