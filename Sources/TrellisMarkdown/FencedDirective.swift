/// A fenced block the build renders itself instead of showing it as code, named by the first
/// word of the fence's info string: ```` ```walkthrough rolling-upgrade ````.
///
/// The Markdown module only finds the blocks and splices in the HTML; what a directive means
/// (the walkthrough and its state graph) belongs to the build, which knows the brand.
public struct FencedDirective: Sendable {
    /// What a directive makes of one block: its HTML, or a message saying what is wrong.
    public typealias Render = @Sendable (_ arguments: String, _ body: String) -> Result<String, DirectiveFailure>

    /// The info string's first word (`walkthrough`).
    public var name: String
    public var render: Render

    public init(name: String, render: @escaping Render) {
        self.name = name
        self.render = render
    }
}

/// Why a directive could not render a block (an unknown scenario, say).
public struct DirectiveFailure: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// A directive block that could not be rendered; the block is left as code.
public struct DirectiveProblem: Hashable, Sendable {
    /// The directive's name.
    public var name: String
    /// Where the fence starts, in parsed-text coordinates.
    public var position: TextPosition
    public var message: String

    public init(name: String, position: TextPosition, message: String) {
        self.name = name
        self.position = position
        self.message = message
    }
}
