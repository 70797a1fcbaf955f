extension MacroTemplate {
    /// Whether rendering may read the variable `name`: an expression of the page names it, or
    /// the page includes or imports another template (which may). `false` is certain, so a
    /// caller can skip work that only a reader of `name` needs (`page.title` after macros).
    public func mayRead(_ name: String) -> Bool {
        var pending: [Expression] = []
        for instruction in program {
            switch instruction {
            case .include, .importTemplate:
                return true
            case .output(let expression, _), .jumpUnless(let expression, _), .set(_, let expression, _),
                .endFilter(let expression, _):
                pending.append(expression)
            case .forBegin(let loop, _):
                pending.append(loop.iterable)
                if let condition = loop.condition { pending.append(condition) }
            case .defineMacro(let definition, _):
                pending += definition.parameters.compactMap(\.defaultValue)
            case .text, .jump, .beginCapture, .endSet, .forNext, .pushScope, .popScope, .endMacro:
                break
            }
        }
        // A loop, not recursion: expressions can nest deeper than a small thread stack allows.
        while let expression = pending.popLast() {
            switch expression.kind {
            case .variable(let variable):
                if variable == name { return true }
            case .attribute(let base, _), .not(let base), .negate(let base), .plus(let base):
                pending.append(base)
            case .test(let base, _, let arguments, _):
                pending.append(base)
                pending += arguments
            case .variadicFilter(let base, _, let arguments, let keywords):
                pending.append(base)
                pending += arguments
                pending += keywords.map(\.value)
            case .item(let base, let index):
                pending += [base, index]
            case .list(let items), .tuple(let items):
                pending += items
            case .and(let a, let b), .or(let a, let b), .concat(let a, let b), .arithmetic(_, let a, let b):
                pending += [a, b]
            case .compare(let first, let rest):
                pending.append(first)
                pending += rest.map(\.operand)
            case .filter(let base, _, let arguments):
                pending.append(base)
                pending += arguments.compactMap { $0 }
            case .conditional(let then, let condition, let otherwise):
                pending += [then, condition]
                if let otherwise { pending.append(otherwise) }
            case .call(let callee, let arguments, let keywords):
                pending.append(callee)
                pending += arguments
                pending += keywords.map(\.value)
            case .map(let pairs):
                for pair in pairs { pending += [pair.key, pair.value] }
            case .literal, .captured, .invalid:
                break
            }
        }
        return false
    }
}
