extension MagicShorthandMatcher {
    /// The link of a reference, shortened as far as it is the default user's or repository's.
    func link(_ range: Range<Int>, provider: MagicLinkProvider, user: String, repo: String, target: Target) -> Match {
        let myUser = user == options.user && provider == options.provider
        let myRepo = myUser && repo == options.repo
        func shown(_ suffix: String) -> String {
            myRepo ? suffix : myUser ? repo + suffix : "\(user)/\(repo)\(suffix)"
        }
        let base = "magiclink magiclink-\(provider.rawValue)"
        switch target {
        case .issue(let issue):
            let kind = issue.unicodeScalars.first
            let value = String(issue.dropFirst())
            let normalize = options.normalizeIssueSymbols
            let href: String, label: String, className: String, icon: String
            switch kind {
            case "#":
                (href, label, className, icon) = (provider.issue(user, repo, value), options.labels["issue"] ?? "Issue", "magiclink-issue", "#")
            case "!":
                (href, label, className, icon) = (
                    provider.pull(user, repo, value), options.labels["pull"] ?? "Pull Request", "magiclink-pull", normalize ? "#" : "!"
                )
            default:
                guard provider == .github else { return Match(range: range, result: .text(string(range))) }
                (href, label, className, icon) = (
                    provider.discussion(user, repo, value), options.labels["discuss"] ?? "Discussion", "magiclink-discussion",
                    normalize ? "#" : "?"
                )
            }
            return Match(
                range: range,
                result: .link(href: href, text: shown(icon + value), classes: "\(base) \(className)", title: "\(provider.label) \(label): \(user)/\(repo) #\(value)"))
        case .commit(let hash):
            let short = String(hash.prefix(provider.hashSize))
            let label = options.labels["commit"] ?? "Commit"
            return Match(
                range: range,
                result: .link(
                    href: provider.commit(user, repo, hash), text: myRepo ? short : shown("@" + short), classes: "\(base) magiclink-commit",
                    title: "\(provider.label) \(label): \(user)/\(repo)@\(short)"))
        case .compare(let first, let second):
            let a = String(first.prefix(provider.hashSize)), b = String(second.prefix(provider.hashSize))
            let label = options.labels["compare"] ?? "Compare"
            return Match(
                range: range,
                result: .link(
                    href: provider.compare(user, repo, first, second), text: myRepo ? "\(a)...\(b)" : shown("@\(a)...\(b)"),
                    classes: "\(base) magiclink-compare", title: "\(provider.label) \(label): \(user)/\(repo)@\(a)...\(b)"))
        }
    }
}
