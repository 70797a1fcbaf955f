import Foundation

/// Every lexer Trellis knows, by Pygments alias (case-insensitive): the hand-written lexers of
/// `customLexers` (Pygments lexers that are not regular-expression tables) and the rule-table
/// lexers generated from Pygments.
public enum SyntaxLexers {
    /// The lexer Pygments' `get_lexer_by_name(alias)` would use, if Trellis has it.
    public static func lexer(named alias: String) -> (any SyntaxLexer)? {
        let key = alias.lowercased()
        if let custom = customLexers[key] { return custom }
        return RuleLexers.shared.lexer(alias: key)
    }
}

/// The exported rule tables (`Resources/pygments-rules`), each read when first asked for and
/// kept for the process.
final class RuleLexers: @unchecked Sendable {
    static let shared = RuleLexers(directory: Bundle.module.url(forResource: "pygments-rules", withExtension: nil))

    private let directory: URL?
    /// Lowercased alias → lexer class, in Pygments' lookup order.
    let classByAlias: [String: String]
    private let lock = NSLock()
    private var loaded: [String: RuleLexer?] = [:]
    private lazy var macros: [String: String] = {
        guard let directory, let data = try? Data(contentsOf: directory.appendingPathComponent("unistring.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return json
    }()

    init(directory: URL?) {
        self.directory = directory
        var table: [String: String] = [:]
        if let directory, let text = try? String(contentsOf: directory.appendingPathComponent("index.tsv"), encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                if fields.count == 2, table[String(fields[0])] == nil { table[String(fields[0])] = String(fields[1]) }
            }
        }
        classByAlias = table
    }

    /// Every exported lexer class.
    var classNames: [String] { Array(Set(classByAlias.values)).sorted() }

    func lexer(alias: String) -> RuleLexer? {
        guard let className = classByAlias[alias] else { return nil }
        return lexer(className: className)
    }

    func lexer(className: String) -> RuleLexer? {
        lock.lock()
        defer { lock.unlock() }
        if let known = loaded[className] { return known }
        var lexer: RuleLexer?
        if let directory, let data = try? Data(contentsOf: directory.appendingPathComponent(className + ".json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            lexer = RuleLexer(json: json, macros: macros)
        }
        loaded[className] = lexer
        return lexer
    }
}
