/// How large the values a page's macros build may get, and how much work one page's macros may
/// do, so that no page can exhaust memory or time (`{{ 'x' * 10000000000 }}`).
///
/// Python and Jinja have no such limits; these are far beyond what documentation needs (its
/// macros print names, versions and short lists) and far below what would hurt a build.
/// Every size is checked before the value is allocated, and going over gives a `MacroLimit`
/// error at the expression.
public enum MacroLimits {
    /// The longest string (UTF-8 bytes) repetition, concatenation, `join` or `replace` may
    /// build, and the longest text a list or map may print as.
    public static let maxStringBytes = 8 << 20
    /// The most items repetition or concatenation may put in one list.
    public static let maxListCount = 1 << 20
    /// How many bytes one page's macros may print in total beyond the page's own text.
    public static let maxPageGrowth = 32 << 20
    /// The work one page's macros may do, in bytes or items built, printed, filtered or
    /// compared; it bounds the total time a page's macros take, however many tags it has.
    public static let maxPageWork = 128 << 20
    /// How many includes deep a template may be rendered (one including itself stops here).
    public static let maxIncludeDepth = 16
    /// How many includes, imports and macro calls deep a render may go (a macro calling itself
    /// stops here); each costs as much of the page's work as an include.
    public static let maxCallDepth = 32
    /// How much stack a page's nested macro calls and includes may use (they recurse); past it,
    /// a call or include is a `MacroLimit` error, so no page overflows a 512 KiB thread stack.
    public static let maxStackBytes = 256 << 10
}

extension MacroLimits {
    static let stackMessage =
        "macro calls and includes nest deeper than Trellis's stack allows (\(maxStackBytes >> 10) KiB); is a macro calling itself?"
}
