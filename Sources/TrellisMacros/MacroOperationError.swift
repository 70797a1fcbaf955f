import TrellisCore

/// Why an operation on values failed: an error Python raises (a `TypeError`, a division by
/// zero), reported as `MacroType` with Python's wording, or a Trellis limit (`MacroLimits`),
/// reported as `MacroLimit`.
struct MacroOperationError: Error {
    var rule: RuleID
    var message: String

    /// An error Python raises for the same operation, with its message.
    static func python(_ message: String) -> MacroOperationError {
        MacroOperationError(rule: .macroType, message: message)
    }

    /// A result beyond what Trellis allows.
    static func limit(_ message: String) -> MacroOperationError {
        MacroOperationError(rule: .macroLimit, message: message)
    }

    /// Python's integers never overflow; Trellis's are 64-bit.
    static let integerOverflow = limit("the integer result does not fit in 64 bits")
}
