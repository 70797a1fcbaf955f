import TrellisCore

/// One step of a compiled template. Blocks compile to jumps, so rendering is a flat loop
/// whatever the nesting depth (no recursion to overflow a small thread stack); only macro
/// calls and includes render a template from inside another, and both are bounded in depth.
enum Instruction: Sendable {
    /// Page text copied verbatim (body offsets).
    case text(start: Int, end: Int)
    /// `{{ expression }}`; `tag` is the offset of its `{{`.
    case output(Expression, tag: Int)
    /// Continue if the condition is truthy, else go to `target`.
    case jumpUnless(Expression, target: Int)
    case jump(target: Int)
    /// `{% include name %}`: the named template, rendered with the same variables (none
    /// `without context`: the macros plugin passes a page's variables to the render, not as
    /// Jinja globals); `tag` is the offset of its `{%`.
    case include(Expression, tag: Int, ignoreMissing: Bool, withContext: Bool)
    /// `{% set a = value %}` (`{% set a, b = pair %}` unpacks) in the innermost scope.
    case set([String], Expression, tag: Int)
    /// The start of a block `set` or `filter`: what follows is rendered aside, in a scope of
    /// its own.
    case beginCapture
    /// `{% endset %}`: the text rendered since `beginCapture` becomes the variable's value.
    case endSet([String], tag: Int)
    /// `{% endfilter %}`: the filters applied to the text rendered since `beginCapture`.
    case endFilter(Expression, tag: Int)
    /// `{% for %}`: evaluates the sequence; with no item it goes to `empty` (the `else` block,
    /// or past the loop), else it binds the first item in a new scope.
    case forBegin(ForLoop, empty: Int)
    /// The end of a loop's body: binds the next item and goes back to `begin + 1`, or leaves
    /// the loop's scope and goes to `exit`.
    case forNext(begin: Int, exit: Int)
    /// A scope of its own for a loop's `else` block, and its end.
    case pushScope
    case popScope
    /// `{% macro %}`: binds the macro (whose body follows) and goes on at `skip`.
    case defineMacro(MacroDefinition, skip: Int)
    /// The end of a macro's body: a call returns what it rendered.
    case endMacro
    /// `{% import name as m %}` or `{% from name import a, b as c %}`.
    case importTemplate(Expression, ImportTargets, withContext: Bool, tag: Int)
}

/// `{% for targets in iterable if condition %}`.
struct ForLoop: Sendable {
    var targets: [String]
    var iterable: Expression
    var condition: Expression?
    var tag: Int
}

/// `{% macro name(a, b=default) %}`.
struct MacroDefinition: Sendable {
    struct Parameter: Sendable {
        var name: String
        var defaultValue: Expression?
    }
    var name: String
    var parameters: [Parameter]
    var tag: Int
}

/// What an import binds: the template's module under a name, or some of its macros and
/// top-level variables.
enum ImportTargets: Sendable {
    case module(alias: String)
    case names([(name: String, alias: String, offset: Int)])
}
