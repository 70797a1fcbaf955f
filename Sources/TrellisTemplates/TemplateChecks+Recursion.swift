/// Partials that include themselves. The engine renders recursion as deep as it goes and has no
/// limit of its own, so `{{> partials/footer}}` inside `partials/footer` overflows the stack and
/// kills the build. Recursion is how a template walks a tree (`partials/nav-item` includes itself
/// inside `{{#childBlocks}}`), so it is allowed where it provably ends: every time round the
/// cycle, some inclusion sits in a section on a tree key (`children`, `childBlocks`) — which every
/// tree element of the page context defines, so each round goes one level down finite data — and
/// no other enclosing section could put the walk back higher (only flags, `is…`/`has…`, and
/// inverted sections are allowed besides).
extension TemplateChecks {
    /// The keys of the page context's trees: defined on every element of a tree, so a section on
    /// one always moves one level down.
    static let treeKeys: Set<String> = ["children", "childBlocks"]

    /// A `{{> name}}` and how it stands toward recursion.
    struct Inclusion {
        enum Kind {
            /// Inside a section on a tree key, and only flags and inverted sections besides.
            case descends
            /// Only flags and inverted sections around it: the context stays at its level.
            case stays
            /// Inside a section on another name, which may start the walk again.
            case mayRestart(section: String)
        }

        let reference: Reference
        let kind: Kind

        var staysAtItsLevel: Bool {
            if case .stays = kind { return true }
            return false
        }
    }

    /// Every partial inclusion of `text`, with the sections around it.
    static func inclusions(_ text: String) -> [Inclusion] {
        guard !text.contains("{{=") else { return [] }
        var open: [(sigil: Character, name: String)] = []
        var result: [Inclusion] = []
        for tag in tags(text) {
            guard let sigil = tag.body.first else { continue }
            let name = tag.body.dropFirst().trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "#", "^", "$", "<":
                open.append((sigil, name))
            case "/":
                if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
            case ">":
                guard !name.isEmpty, !name.hasPrefix("*") else { continue }
                let sections = open.filter { $0.sigil == "#" }.map(\.name)
                let kind: Inclusion.Kind
                if let other = sections.first(where: { !treeKeys.contains($0) && !isFlag($0) }) {
                    kind = .mayRestart(section: other)
                } else {
                    kind = sections.contains(where: treeKeys.contains) ? .descends : .stays
                }
                result.append(Inclusion(reference: Reference(name: name, location: tag.location), kind: kind))
            default:
                continue
            }
        }
        return result
    }

    /// Where including a partial can recurse without end, if anywhere: an inclusion that stays
    /// at its level on a cycle of such inclusions, or one inside another section on any cycle.
    /// `texts` holds every template by name; the problems name the including template.
    static func recursionProblems(_ texts: [String: String]) -> [(template: String, problem: Problem)] {
        let all = texts.mapValues(inclusions)
        func reaches(_ target: String, from start: String, staying: Bool) -> Bool {
            var seen: Set<String> = [start]
            var pending = [start]
            while let name = pending.popLast() {
                if name == target { return true }
                for inclusion in all[name] ?? [] where !staying || inclusion.staysAtItsLevel {
                    if seen.insert(inclusion.reference.name).inserted { pending.append(inclusion.reference.name) }
                }
            }
            return false
        }
        var problems: [(String, Problem)] = []
        for (name, inclusions) in all.sorted(by: { $0.key < $1.key }) {
            for inclusion in inclusions {
                let partial = inclusion.reference.name
                let message: String
                switch inclusion.kind {
                case .descends:
                    continue
                case .stays:
                    guard reaches(name, from: partial, staying: true) else { continue }
                    message =
                        "including '\(partial)' here includes '\(name)' again without going down a tree "
                        + "({{#children}} or {{#childBlocks}}), so it would never end"
                case .mayRestart(let section):
                    guard reaches(name, from: partial, staying: false) else { continue }
                    message =
                        "including '\(partial)' inside {{#\(section)}} can include '\(name)' again at the same "
                        + "depth, so it might never end; recurse inside {{#children}} or {{#childBlocks}} only"
                }
                problems.append((name, Problem(location: inclusion.reference.location, message: message)))
            }
        }
        return problems
    }

    /// A name the page context uses for a true-or-false flag (`isActive`, `hasToc`): a section on
    /// it renders at the same level.
    private static func isFlag(_ name: String) -> Bool {
        for prefix in ["is", "has"] where name.hasPrefix(prefix) {
            if let next = name.dropFirst(prefix.count).first, next.isUppercase { return true }
        }
        return false
    }
}
