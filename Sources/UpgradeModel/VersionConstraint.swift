/// A version constraint such as ">= 1.26, < 1.30": every comparison must hold.
///
/// Gardener attaches one to a machine image version (`kubeletVersionConstraint`): it is the only
/// coupling between image and Kubernetes versions. Supported operators: `=`, `==`, `!=`, `>`,
/// `>=`, `<`, `<=`, and `~1.27` (any 1.27 patch). It encodes as its original text.
public struct VersionConstraint: Hashable, Sendable, TextCodable {
    /// One `operator version` term.
    public struct Term: Hashable, Sendable {
        /// The comparison a term makes.
        public enum Operator: String, Hashable, Sendable {
            /// `=`, `!=`, `>`, `>=`, `<`, `<=`, and `~` (same minor, at least the version).
            case equal = "=", notEqual = "!=", greater = ">", greaterOrEqual = ">="
            case less = "<", lessOrEqual = "<=", sameMinor = "~"
        }

        /// The comparison.
        public var op: Operator
        /// The version compared with.
        public var version: SemanticVersion

        /// Whether `candidate` satisfies this term.
        public func admits(_ candidate: SemanticVersion) -> Bool {
            switch op {
            case .equal: candidate == version
            case .notEqual: candidate != version
            case .greater: candidate > version
            case .greaterOrEqual: candidate >= version
            case .less: candidate < version
            case .lessOrEqual: candidate <= version
            case .sameMinor: candidate.sameMinor(as: version) && candidate >= version
            }
        }
    }

    /// The terms, all of which must hold.
    public var terms: [Term]
    /// The text the constraint was parsed from.
    public var description: String

    /// Parses ">= 1.26, < 1.30"; nil when a term has no valid version or the text is empty.
    public init?(_ text: String) {
        var terms: [Term] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            var rest = Substring(raw.trimmingSpaces())
            let op: Term.Operator
            if let found = [">=", "<=", "!=", "==", ">", "<", "=", "~"].first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(found.count)
                op = found == "==" ? .equal : Term.Operator(rawValue: found) ?? .equal
            } else {
                op = .equal
            }
            guard let version = SemanticVersion(String(rest.trimmingSpaces())) else { return nil }
            terms.append(Term(op: op, version: version))
        }
        guard !terms.isEmpty else { return nil }
        self.terms = terms
        self.description = text
    }

    /// Whether `version` satisfies every term.
    public func admits(_ version: SemanticVersion) -> Bool {
        terms.allSatisfy { $0.admits(version) }
    }
}

extension VersionConstraint {
    public static var textExample: String { "a constraint such as '>= 1.26, < 1.30'" }

    public init?(decodedText text: String) {
        self.init(text)
    }
}
