import Foundation
import Testing

@testable import TrellisMarkdown

/// The exported Pygments rule tables: every pattern translates and compiles, the registry finds
/// lexers by every alias, and no input makes a lexer hang or crash.
struct RuleLexerTests {
    static let classNames = RuleLexers.shared.classNames

    @Test func tablesAreBundled() {
        #expect(Self.classNames.count >= 40)
        for alias in ["bash", "sh", "python", "py", "go", "js", "ts", "hcl", "tf", "toml", "ini", "docker", "sql", "html", "xml", "css", "diff", "powershell", "bat", "java", "rust", "c", "cpp", "php", "kotlin", "swift", "nginx", "ruby", "rb", "duby"] {
            #expect(SyntaxLexers.lexer(named: alias) != nil, "\(alias)")
        }
        #expect(SyntaxLexers.lexer(named: "Python") != nil)
        #expect(SyntaxLexers.lexer(named: "no-such-language") == nil)
    }

    @Test(arguments: classNames)
    func everyPatternCompiles(_ className: String) throws {
        let lexer = try #require(RuleLexers.shared.lexer(className: className))
        let failures = lexer.compileAll()
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func catastrophicBacktrackingGivesUp() throws {
        let regex = try ICURegex(pattern: "(a+)+b", caseInsensitive: false, multiline: true, dotAll: false)
        let matcher = try #require(regex.take())
        let units = Array(String(repeating: "a", count: 64).utf16)
        let found = units.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, matcher.setText(base, count: buffer.count) else { return nil }
            return matcher.match(at: 0)
        }
        #expect(found == nil)
        regex.give(matcher)
    }

    @Test func translatesPythonSyntax() throws {
        func icu(_ python: String, _ flags: String = "m") throws -> String {
            try PythonRegexTranslation(python: python, flags: flags).pattern
        }
        #expect(try icu(#"(?P<word>\w+)(?P=word)\Z"#) == #"(?<g1>\w+)\k<g1>\z"#)
        // Python ends the class at the first `]`: `[`, `a`, `-`, then `&&]` outside it.
        #expect(try icu("[[a-]&&]") == #"[\x{5b}a\x{2d}]&&\]"#)
        #expect(try icu("[^]a&&b]") == #"[^\x{5d}a\x{26}\x{26}b]"#)
        #expect(try icu("a{,3}b{2}c{x}") == #"a{0,3}b{2}c\{x\}"#)
        #expect(try icu("a b # comment\n c", "x") == "abc")
        #expect(try icu("") == "(?:)")
        #expect(throws: PythonRegexTranslation.Unsupported.self) { try icu("(a)?(?(1)b|c)") }
    }

    @Test(arguments: classNames)
    func tokensCoverRandomInput(_ className: String) throws {
        let lexer = try #require(RuleLexers.shared.lexer(className: className))
        var generator = SplitMix(seed: UInt64(truncatingIfNeeded: className.hashValue))
        let alphabet = Array("abcXYZ019 \t\n\n{}[]()<>\"'`$#@!%^&*-_=+\\|;:,./?~éß中🙂\u{0}\r")
        for length in [0, 1, 7, 64, 400] {
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let tokens = lexer.tokens(in: text[...])
            #expect(tokens.allSatisfy { !$0.text.isEmpty })
        }
    }
}

/// A small deterministic random generator.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
