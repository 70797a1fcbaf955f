/// A container, `markdown` element or definition list the pre-pass left as plain Markdown because
/// it is nested deeper than Trellis renders, or its body would copy more of the page than a
/// page's bounded work allows; the build reports it as `NestingLimit`.
public struct NestingProblem: Hashable, Sendable {
    /// Where the opener that was left plain starts, in parsed-text coordinates.
    public var position: TextPosition
    public var message: String
}
