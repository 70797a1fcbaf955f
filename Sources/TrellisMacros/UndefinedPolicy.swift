/// What an undefined variable does, as the MkDocs macros plugin's `on_undefined` says.
public enum UndefinedPolicy: String, Sendable, CaseIterable {
    /// An error at its position (Trellis's default, and the plugin's `strict`).
    case strict
    /// The tag stays in the page as written (the plugin's default, `keep`).
    case keep
    /// Nothing is printed (`silent`).
    case silent
    /// Nothing is printed, as Jinja's default `Undefined` does (`lax`).
    case lax
}
