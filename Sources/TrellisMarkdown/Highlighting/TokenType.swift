/// A Pygments token type, by its dotted name below `Token` (`Keyword.Type`; `""` is `Token`
/// itself). Pygments' HTML formatter writes a token as `<span class="…">` with the type's short
/// class (`kt`), or as bare text where the class is empty (`Text`, `Token`).
public struct TokenType: Hashable, Sendable, CustomStringConvertible {
    /// The dotted name below `Token`: `Name.Builtin.Pseudo`.
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name.isEmpty ? "Token" : "Token." + name }

    /// The parent type (`Name.Builtin` for `Name.Builtin.Pseudo`); `nil` for `Token`.
    public var parent: TokenType? {
        guard !name.isEmpty else { return nil }
        guard let dot = name.lastIndex(of: ".") else { return TokenType("") }
        return TokenType(String(name[..<dot]))
    }

    /// The CSS classes Pygments' `HtmlFormatter` writes (`_get_css_classes`): a standard type's
    /// short name (`kt`); for another type, the nearest standard ancestor's short name followed by
    /// `-Part` for each missing part, preceded by its ancestors' classes (`Name.Builtin.Pseudo.Foo`
    /// → `bp bp-Foo`). Empty for `Text` and `Token`: written as bare text.
    public var cssClasses: String {
        var classes = Self.cssClass(of: self)
        var type = self
        while Self.standardClasses[type.name] == nil, let parent = type.parent {
            type = parent
            classes = Self.cssClass(of: type) + " " + classes
        }
        return classes
    }

    /// Pygments' `_get_ttype_class`.
    private static func cssClass(of type: TokenType) -> String {
        if let known = standardClasses[type.name] { return known }
        var suffix = ""
        var current = type
        while let parent = current.parent {
            suffix = "-" + (current.name.split(separator: ".").last.map(String.init) ?? "") + suffix
            if let known = standardClasses[parent.name] { return known + suffix }
            current = parent
        }
        return suffix
    }

    public static let text = TokenType("Text")
    public static let whitespace = TokenType("Text.Whitespace")
    public static let error = TokenType("Error")
    public static let generic = TokenType("Generic")

    /// Pygments' `STANDARD_TYPES` (generated from `pygments.token`).
    static let standardClasses: [String: String] = [
        "": "",
        "Text": "",
        "Text.Whitespace": "w",
        "Escape": "esc",
        "Error": "err",
        "Other": "x",
        "Keyword": "k",
        "Keyword.Constant": "kc",
        "Keyword.Declaration": "kd",
        "Keyword.Namespace": "kn",
        "Keyword.Pseudo": "kp",
        "Keyword.Reserved": "kr",
        "Keyword.Type": "kt",
        "Name": "n",
        "Name.Attribute": "na",
        "Name.Builtin": "nb",
        "Name.Builtin.Pseudo": "bp",
        "Name.Class": "nc",
        "Name.Constant": "no",
        "Name.Decorator": "nd",
        "Name.Entity": "ni",
        "Name.Exception": "ne",
        "Name.Function": "nf",
        "Name.Function.Magic": "fm",
        "Name.Property": "py",
        "Name.Label": "nl",
        "Name.Namespace": "nn",
        "Name.Other": "nx",
        "Name.Tag": "nt",
        "Name.Variable": "nv",
        "Name.Variable.Class": "vc",
        "Name.Variable.Global": "vg",
        "Name.Variable.Instance": "vi",
        "Name.Variable.Magic": "vm",
        "Literal": "l",
        "Literal.Date": "ld",
        "Literal.String": "s",
        "Literal.String.Affix": "sa",
        "Literal.String.Backtick": "sb",
        "Literal.String.Char": "sc",
        "Literal.String.Delimiter": "dl",
        "Literal.String.Doc": "sd",
        "Literal.String.Double": "s2",
        "Literal.String.Escape": "se",
        "Literal.String.Heredoc": "sh",
        "Literal.String.Interpol": "si",
        "Literal.String.Other": "sx",
        "Literal.String.Regex": "sr",
        "Literal.String.Single": "s1",
        "Literal.String.Symbol": "ss",
        "Literal.Number": "m",
        "Literal.Number.Bin": "mb",
        "Literal.Number.Float": "mf",
        "Literal.Number.Hex": "mh",
        "Literal.Number.Integer": "mi",
        "Literal.Number.Integer.Long": "il",
        "Literal.Number.Oct": "mo",
        "Operator": "o",
        "Operator.Word": "ow",
        "Punctuation": "p",
        "Punctuation.Marker": "pm",
        "Comment": "c",
        "Comment.Hashbang": "ch",
        "Comment.Multiline": "cm",
        "Comment.Preproc": "cp",
        "Comment.PreprocFile": "cpf",
        "Comment.Single": "c1",
        "Comment.Special": "cs",
        "Generic": "g",
        "Generic.Deleted": "gd",
        "Generic.Emph": "ge",
        "Generic.Error": "gr",
        "Generic.Heading": "gh",
        "Generic.Inserted": "gi",
        "Generic.Output": "go",
        "Generic.Prompt": "gp",
        "Generic.Strong": "gs",
        "Generic.Subheading": "gu",
        "Generic.EmphStrong": "ges",
        "Generic.Traceback": "gt",
    ]
}
