import TrellisCore

/// One scope of a render: the template's top level, a loop iteration, or a macro call. Names
/// are looked up from the innermost scope out, then in the variables the page was rendered with.
struct Frame: Sendable {
    var values: [String: Value] = [:]
    var macros: [String: MacroFunction] = [:]
    var modules: [String: MacroModule] = [:]
    /// Macro parameters a call left out, with the hint Jinja's undefined value carries.
    var missing: [String: String] = [:]
    /// Names set to an undefined value (`{% set a = missing %}`): Jinja binds its undefined
    /// object, which fails or prints only where it is used.
    var undefined: [String: MacroProblem] = [:]

    /// Binds a value, replacing any macro or module of the same name.
    mutating func assign(_ name: String, _ value: Value) {
        values[name] = value
        macros[name] = nil
        modules[name] = nil
        missing[name] = nil
        undefined[name] = nil
    }
}

/// A `{% macro %}` bound to a name: its definition, where its body starts in the program of the
/// template that defines it, and the module it was imported from (nil: the calling template's
/// own top level, whose variables it sees as they are at the call).
struct MacroFunction: Sendable {
    var definition: MacroDefinition
    var bodyStart: Int
    var template: MacroTemplate
    var module: MacroModule?
    /// The scopes around its definition below the top level (a loop's, a macro's), as they
    /// were then: a macro defined in a loop sees that iteration's variables.
    var closure: [Frame] = []
}

/// What `{% import %}` gives: the imported template's top-level variables and macros, and the
/// variables it was rendered with (none unless imported `with context`).
struct MacroModule: Sendable {
    var name: String
    var globals: Frame
    var context: ValueMap
}

/// How a render treats undefined names, where it finds templates to include and import, and
/// which functions the site's Python module defines.
struct MacroEnvironment: Sendable {
    var undefined: UndefinedPolicy = .strict
    var includes: (any MacroIncludeLoading)?
    var python: PythonMacros?
    /// The lowest stack address nested renders may reach (0: no limit), set where the page's
    /// render starts: macro calls and includes recurse, and a page must not overflow the small
    /// stack of the thread rendering it whatever its expressions look like.
    var stackLimit: UInt = 0

    /// The address of a local of the caller's frame: where the stack is now.
    @inline(never)
    static func stackAddress() -> UInt {
        var probe: UInt8 = 0
        return withUnsafeMutablePointer(to: &probe) { UInt(bitPattern: $0) }
    }

    /// Whether the stack has room for one more nested render.
    var hasStackRoom: Bool { stackLimit == 0 || Self.stackAddress() > stackLimit }
}

/// The functions a site's Python code gives its macros (the macros plugin's `module_name`, by
/// default `main.py`, and its `modules`), and the plugin's own (`now`, `fix_url`…), which
/// Trellis cannot run: a call of one is a `PythonMacro` diagnostic naming the function and the
/// setting it comes from.
public struct PythonMacros: Sendable {
    /// One module: the names its source defines as functions, as far as a reading of it shows,
    /// and how messages name it ("`define_env` in main.py (macros plugin `module_name`)").
    public struct Module: Sendable {
        public var functions: Set<String>
        /// Variables it sets (`env.variables['name'] = …`).
        public var variables: Set<String>
        public var source: String

        public init(functions: Set<String>, variables: Set<String> = [], source: String) {
            self.functions = functions
            self.variables = variables
            self.source = source
        }
    }

    public var modules: [Module]
    /// The macros the plugin itself defines in Python (its `context.py`).
    public var builtins: Set<String>
    /// The variables whose maps and lists the plugin turns into `SuperDict` and `SuperList`
    /// (those of `extra` and of the page's front matter), whose type names `on_undefined: keep`
    /// prints for a missing member.
    public var superCollections: Set<String>

    public init(
        modules: [Module], builtins: Set<String> = ["context", "macros_info", "now", "fix_url"],
        superCollections: Set<String> = []
    ) {
        self.modules = modules
        self.builtins = builtins
        self.superCollections = superCollections
    }

    /// The filters the plugin itself defines in Python.
    static let builtinFilters: Set<String> = ["pretty", "relative_url"]

    /// Where a filter of this name comes from, if the Python code defines one.
    func filterSource(_ name: String) -> String? {
        if let module = modules.first(where: { $0.functions.contains(name) }) { return module.source }
        return Self.builtinFilters.contains(name) ? "the macros plugin itself" : nil
    }

    /// One module's functions.
    public init(functions: Set<String>, source: String) {
        self.init(modules: [Module(functions: functions, source: source)])
    }
}
