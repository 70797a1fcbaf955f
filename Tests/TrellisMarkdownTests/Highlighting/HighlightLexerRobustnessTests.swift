import Foundation
import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// The hand-written lexers (and Ruby's, whose heredoc and `%` string callbacks the rule engine
/// implements) on hostile input: random text, unterminated strings, deep nesting,
/// huge indentation, long lines, replacement characters from broken UTF-8, CRLF and lone CR.
/// They never crash or hang, and their tokens always join back to the input.
struct HighlightLexerRobustnessTests {
    static let aliases = SyntaxLexers.customLexers.keys.sorted() + ["ruby"]

    static let hostileInputs: [String] = [
        "", "\n", "\r\n", "\r", "\u{0}", "\"", "'", "{", "[", "- ", ": ", "? ", "|", ">", "!", "&", "*", "%YAML", "%TAG",
        "---", "...", "\\", "$ ", ">>> ", "... ", "PS> ", "C:\\>", "host>", "(venv)", "(", "export", "unexport ",
        "a := $(", "x = \\", "target:", "\"open", "'open", "{\"a\": \"b\\u12", "/*", "//", "/", "\u{FEFF}",
        String(repeating: "[", count: 5000), String(repeating: "{\"a\":", count: 2000),
        String(repeating: " ", count: 20000) + "x: 1\n", String(repeating: "- ", count: 3000) + "\n",
        String(repeating: "!a ", count: 3000), String(repeating: "a: ", count: 3000), String(repeating: "k ", count: 5000) + ": v",
        String(repeating: "key:\n  ", count: 500), String(repeating: "x", count: 30000), String(repeating: "$ a \\\n", count: 500),
        "a: |\n  b\r\n  c\r\n\td\n", "a: >+9\n" + String(repeating: "         x\n", count: 50),
        "a:\r\n  - b\r\n  - {c: [d, e]}\r\n", "\u{85}\u{2028}\u{2029}\u{A0}\u{B}\u{C}\u{1C}", "é🙂中\u{301}",
        String(decoding: [0xFF, 0xFE, 0x22, 0xC3, 0x28, 0x0A, 0xE2, 0x82], as: UTF8.self),
        ">>> 1\nTraceback (most recent call last):\n  File \"x\", line", "  File \"", "^CTraceback (most recent call last):\n",
        "ifeq (a,b)\\\n\\\n", "define x\n\tfoo\nendef", "\t\n\t\n\t", "$(((((((", "\"\\\\\\\"", "@#",
        "<<", "<<~", "<<~EOS", "<<~EOS\n", "x = <<A + <<B\nA\n", "<<''\n\n", "%r", "%Q!", "%!#{", "=begin", "__END__",
        "irb(main):001:0> ", ">> x = <<E\n", String(repeating: "<<A ", count: 150) + "\nA\n",
        String(repeating: "\"#{", count: 3000), String(repeating: "%!#{", count: 200) + "\n",
        String(repeating: "%r{", count: 3000), "x = <<~EOS\n" + String(repeating: "  line #{x}\n", count: 2000) + "EOS\n",
        String(repeating: "y = <<-Z\n", count: 2000), String(repeating: "def (", count: 2000),
    ]

    @Test(arguments: aliases)
    func tokensJoinBackOnHostileInput(_ alias: String) throws {
        let lexer = try #require(SyntaxLexers.lexer(named: alias))
        for input in Self.hostileInputs {
            let tokens = lexer.tokens(in: input[...])
            #expect(tokens.map { String($0.text) }.joined() == input, "\(alias): \(input.prefix(40).debugDescription)")
        }
    }

    @Test(arguments: aliases)
    func tokensJoinBackOnRandomInput(_ alias: String) throws {
        let lexer = try #require(SyntaxLexers.lexer(named: alias))
        var generator = SplitMix(seed: UInt64(alias.unicodeScalars.reduce(7) { $0 &* 31 &+ UInt64($1.value) }))
        let pieces = [
            "a", "Z", "0", "9", " ", "  ", "    ", "\t", "\n", "\n", "\r", "\r\n", "\"", "'", "\\", ":", ": ", "- ", "? ", "#", "{",
            "}", "[", "]", ",", "|", ">", "!", "&", "*", "%", "@", "`", "$", "$ ", ">>> ", "... ", "> ", "PS> ", "---", "...",
            "\u{A0}", "é", "🙂", "\u{0}", "true", "null", "-1", "1e5", "\\u00e9", "//", "/*", "*/", "export ", ":=", "$(",
            ")", "(venv) ", "Traceback (most recent call last):\n", "  File \"f\", line 1", "ifeq ", "endif", "\t@",
            "<<~EOS", "<<-EOS", "<<EOS", "EOS\n", "  EOS\n", "#{", "%w[", "%r{", "%Q!", "%!", "%r|", "=begin\n", "=end",
            "irb(main):001:0> ", ">> ", "def ", "end", ":sym", "/re/", "?a",
        ]
        for length in [1, 5, 20, 80, 300] {
            for _ in 0..<20 {
                let input = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                let tokens = lexer.tokens(in: input[...])
                #expect(tokens.map { String($0.text) }.joined() == input, "\(alias): \(input.debugDescription)")
            }
        }
    }

    /// Ruby's heredocs lex the rest of their line recursively (up to 100 heredocs a line, as
    /// Pygments does) and its `%` strings lex their body as a new context: both nest within a
    /// page's stack.
    @Test func rubyNestsWithinASmallStack() {
        let inputs = [
            String(repeating: "<<A ", count: 150) + "\n" + String(repeating: "A\n", count: 150),
            String(repeating: "%!#{", count: 200) + String(repeating: "}!", count: 200) + "\n",
            String(repeating: "%!#{<<A ", count: 30) + "\nA\n",
            String(repeating: "%!#{" + String(repeating: "<<A ", count: 99), count: 30) + String(repeating: "}!", count: 30) + "\nA\n",
        ]
        let joined = onSmallStack {
            inputs.map { input in
                SyntaxLexers.lexer(named: "ruby").map { $0.tokens(in: input[...]).map { String($0.text) }.joined() }
            }
        }
        #expect(joined == inputs.map { Optional($0) })
    }

    @Test func lexesASubstringOfALargerText() throws {
        let text = "prefix\nkey: value\n{\"a\": 1}\nsuffix"
        let start = try #require(text.firstIndex(of: "k"))
        let end = try #require(text.lastIndex(of: "}"))
        let slice = text[start...end]
        for alias in ["yaml", "json", "console", "makefile", "pycon", "ruby", "rbcon"] {
            let lexer = try #require(SyntaxLexers.lexer(named: alias))
            #expect(lexer.tokens(in: slice).map { String($0.text) }.joined() == String(slice), "\(alias)")
        }
    }
}
