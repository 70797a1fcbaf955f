/// magiclink's shorthand patterns (`repo_url_shorthand`, `social_url_shorthand`): `@user/repo`,
/// `@user`, `user/repo#1`, `repo!2`, `#3`, commit hashes and compares, run one after the other
/// over the whole text as Python-Markdown runs them (each one's matches are placeholders to the
/// next). Regex backtracking is reproduced by trying the longest user name first; every other
/// part of a match is determined, so each start costs at most a user name's length.
struct MagicShorthandMatcher {
    /// What a shorthand becomes.
    enum Result {
        case link(href: String, text: String, classes: String, title: String)
        /// A reference of a kind the provider does not have (`?1` off GitHub): kept as text,
        /// which no later pattern reads.
        case text(String)
    }

    struct Match {
        var range: Range<Int>
        var result: Result
    }

    let options: MagicLinkOptions
    private(set) var text: MagicLinkMatcher
    private var scalars: [Unicode.Scalar] { text.scalars }

    init(_ text: MagicLinkMatcher, options: MagicLinkOptions) {
        self.text = text
        self.options = options
    }

    private func at(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    private var git: Bool { options.repoURLShorthand }
    private var social: Bool { options.socialURLShorthand }
    private var provider: MagicLinkProvider { options.provider }

    /// The providers an `@provider:` prefix may name.
    private var externalProviders: [MagicLinkProvider] {
        (git ? [.github, .gitlab, .bitbucket] : []) + (social ? [.x, .twitter] : [])
    }

    /// Every pattern in magiclink's order.
    mutating func matches() -> [Match] {
        guard git || social else { return [] }
        var found: [Match] = []
        func run(_ pattern: (Self, Int) -> Match?) {
            var index = 0
            while index < scalars.count {
                if let match = pattern(self, index) {
                    found.append(match)
                    text.take(match.range)
                    index = match.range.upperBound
                } else {
                    index += 1
                }
            }
        }
        if git {
            run { $0.repositoryMention(at: $1, providers: [.github, .gitlab, .bitbucket], prefixed: true) }
            if !provider.isSocial { run { $0.repositoryMention(at: $1, providers: [$0.provider], prefixed: false) } }
        }
        let external = externalProviders
        run { $0.mention(at: $1, providers: external, prefixed: true) }
        run { $0.mention(at: $1, providers: [$0.provider], prefixed: false) }
        if git {
            run { $0.reference(at: $1, providers: [.github, .gitlab, .bitbucket], prefixed: true) }
            if !provider.isSocial {
                run { $0.reference(at: $1, providers: [$0.provider], prefixed: false) }
                run { $0.microReference(at: $1) }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: - Pieces of the patterns

    /// Whether `\b` holds at `index`.
    private func isBoundary(_ index: Int) -> Bool {
        let before = at(index - 1).map(PythonCharacter.isWord) ?? false
        let after = at(index).map(PythonCharacter.isWord) ?? false
        return before != after
    }

    private static func isAlnum(_ scalar: Unicode.Scalar) -> Bool {
        PythonCharacter.isASCIILetter(scalar) || PythonCharacter.isDigit(scalar)
    }

    /// The ends of the user names a provider's pattern can match at `start`, longest first.
    private func userEnds(_ provider: MagicLinkProvider, at start: Int) -> [Int] {
        guard let first = at(start) else { return [] }
        var ends: [Int] = []
        switch provider {
        case .github, .gitlab:
            // github: `[a-zA-Z\d](?:[-a-zA-Z\d_]{0,37}[a-zA-Z\d])?`; gitlab also `.`/`_` first,
            // `.` inside and `-`/`_` last.
            let gitlab = provider == .gitlab
            guard Self.isAlnum(first) || (gitlab && (first == "." || first == "_")) else { return [] }
            func middle(_ scalar: Unicode.Scalar) -> Bool {
                scalar == "-" || scalar == "_" || Self.isAlnum(scalar) || (gitlab && scalar == ".")
            }
            func last(_ scalar: Unicode.Scalar) -> Bool {
                Self.isAlnum(scalar) || (gitlab && (scalar == "-" || scalar == "_"))
            }
            var run = start + 1
            while run < start + 39, let scalar = at(run), middle(scalar) { run += 1 }
            var end = run
            while end >= start + 2 {
                if let scalar = at(end - 1), last(scalar) { ends.append(end) }
                end -= 1
            }
            ends.append(start + 1)
        case .bitbucket:
            var end = start
            while end < start + 39, let scalar = at(end), scalar == "-" || scalar == "_" || Self.isAlnum(scalar) { end += 1 }
            while end > start {
                ends.append(end)
                end -= 1
            }
        case .x, .twitter:
            var end = start
            while end < start + 15, let scalar = at(end), PythonCharacter.isWord(scalar) { end += 1 }
            while end > start {
                ends.append(end)
                end -= 1
            }
        }
        return ends
    }

    /// `(?:provider:)?USER` at `start` for one of `providers`, each user name the first whose
    /// end `accept` takes; gives the provider, the user and where it ends.
    private func user(
        at start: Int, providers: [MagicLinkProvider], prefixed: Bool, accept: (Int) -> Bool
    ) -> (MagicLinkProvider, String, Int)? {
        for candidate in providers {
            var position = start
            if prefixed {
                for expected in (candidate.rawValue + ":").unicodeScalars {
                    guard at(position) == expected else { break }
                    position += 1
                }
                guard position == start + candidate.rawValue.unicodeScalars.count + 1 else { continue }
            }
            for end in userEnds(candidate, at: position) where accept(end) {
                return (candidate, string(position..<end), end)
            }
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// `[-._a-zA-Z\d]{0,99}[a-zA-Z\d]` from `start`, longest first, ending where `accept` says.
    private func repository(at start: Int, accept: (Int) -> Bool) -> Int? {
        var run = start
        while run < start + 100, let scalar = at(run), scalar == "-" || scalar == "." || scalar == "_" || Self.isAlnum(scalar) { run += 1 }
        var end = run
        while end > start {
            if let scalar = at(end - 1), Self.isAlnum(scalar), accept(end) { return end }
            end -= 1
        }
        return nil
    }

    /// What follows a repository in a reference: `#1`, `!1`, `?1`, or `@hash` with an optional
    /// `...hash`, ending at a word boundary.
    enum Target {
        case issue(String)
        case commit(String)
        case compare(String, String)
    }

    private func target(at start: Int, allowIssue: Bool = true, commitMarker: Bool = true) -> (Target, Int)? {
        guard let first = at(start) else { return nil }
        if allowIssue, first == "#" || first == "!" || first == "?" {
            guard let digit = at(start + 1), ("1"..."9").contains(digit) else { return nil }
            var end = start + 2
            while let scalar = at(end), ("0"..."9").contains(scalar) { end += 1 }
            return isBoundary(end) ? (.issue(string(start..<end)), end) : nil
        }
        let hashStart = commitMarker ? start + 1 : start
        guard !commitMarker || first == "@", let hash = hash(at: hashStart) else { return nil }
        let afterHash = hashStart + 40
        if at(afterHash) == ".", at(afterHash + 1) == ".", at(afterHash + 2) == ".", let second = self.hash(at: afterHash + 3),
            isBoundary(afterHash + 43)
        {
            return (.compare(hash, second), afterHash + 43)
        }
        return isBoundary(afterHash) ? (.commit(hash), afterHash) : nil
    }

    /// `[a-f\d]{40}` at `start`.
    private func hash(at start: Int) -> String? {
        for index in start..<(start + 40) {
            guard let scalar = at(index), ("a"..."f").contains(scalar) || PythonCharacter.isDigit(scalar) else { return nil }
        }
        return string(start..<(start + 40))
    }

    /// A reference's repository from `start`: it must end right before the target's marker,
    /// which no repository character is, so only the whole run can be it (at most 100 long,
    /// ending with a letter or digit).
    private func referenceRepository(at start: Int) -> Int? {
        var end = start
        while end <= start + 100, let scalar = at(end), scalar == "-" || scalar == "." || scalar == "_" || Self.isAlnum(scalar) { end += 1 }
        guard end > start, end <= start + 100, let last = at(end - 1), Self.isAlnum(last) else { return nil }
        return end
    }

    // MARK: - The patterns

    /// `(?<![a-zA-Z])@(?:provider:)?USER\b/REPO\b`.
    private func repositoryMention(at start: Int, providers: [MagicLinkProvider], prefixed: Bool) -> Match? {
        guard at(start) == "@", !(at(start - 1).map(PythonCharacter.isASCIILetter) ?? false) else { return nil }
        var repoEnd = 0
        guard let (provider, user, _) = self.user(at: start + 1, providers: providers, prefixed: prefixed, accept: { end in
            guard isBoundary(end), at(end) == "/", let found = repository(at: end + 1, accept: isBoundary) else { return false }
            repoEnd = found
            return true
        }) else { return nil }
        let slash = start + 1 + (prefixed ? provider.rawValue.unicodeScalars.count + 1 : 0) + user.unicodeScalars.count
        let repo = string((slash + 1)..<repoEnd)
        let label = options.labels["repository"] ?? "Repository"
        return Match(
            range: start..<repoEnd,
            result: .link(
                href: "\(provider.url)/\(user)/\(repo)", text: "\(user)/\(repo)",
                classes: "magiclink magiclink-\(provider.rawValue) magiclink-repository", title: "\(provider.label) \(label): \(user)/\(repo)"))
    }

    /// `(?<![a-zA-Z])@(?:provider:)?USER\b`.
    private func mention(at start: Int, providers: [MagicLinkProvider], prefixed: Bool) -> Match? {
        guard !providers.isEmpty, at(start) == "@", !(at(start - 1).map(PythonCharacter.isASCIILetter) ?? false),
            let (provider, user, end) = self.user(at: start + 1, providers: providers, prefixed: prefixed, accept: isBoundary)
        else { return nil }
        let label = options.labels["mention"] ?? "User"
        return Match(
            range: start..<end,
            result: .link(
                href: "\(provider.url)/\(user)", text: "@\(user)", classes: "magiclink magiclink-\(provider.rawValue) magiclink-mention",
                title: "\(provider.label) \(label): \(user)"))
    }

    /// `(?<![@/])(?:\b(?:provider:)?USER/)REPO(?:ISSUE|COMMIT)\b`, the user optional (then the
    /// default one) when not `prefixed`.
    private func reference(at start: Int, providers: [MagicLinkProvider], prefixed: Bool) -> Match? {
        if let previous = at(start - 1), previous == "@" || previous == "/" { return nil }
        var found: (Target, Int, Int)?
        // With a user: `\b` at the start, the user, `/`, then the repository.
        if isBoundary(start), let (provider, user, _) = user(at: start, providers: providers, prefixed: prefixed, accept: { end in
            guard at(end) == "/" else { return false }
            guard let repoEnd = referenceRepository(at: end + 1), let (target, targetEnd) = target(at: repoEnd) else {
                return false
            }
            found = (target, repoEnd, targetEnd)
            return true
        }), let (target, repoEnd, end) = found {
            let userEnd = start + (prefixed ? provider.rawValue.unicodeScalars.count + 1 : 0) + user.unicodeScalars.count
            return link(start..<end, provider: provider, user: user, repo: string((userEnd + 1)..<repoEnd), target: target)
        }
        guard !prefixed, let repoEnd = referenceRepository(at: start), let (target, end) = target(at: repoEnd)
        else { return nil }
        guard !options.user.isEmpty else { return nil }
        return link(start..<end, provider: provider, user: options.user, repo: string(start..<repoEnd), target: target)
    }

    /// `(?<![a-zA-Z])ISSUE` or `(?<![@/])\bHASH(...HASH)?`, then `\b`: the default repository's.
    private func microReference(at start: Int) -> Match? {
        guard !options.user.isEmpty, !options.repo.isEmpty, let first = at(start) else { return nil }
        let previous = at(start - 1)
        if first == "#" || first == "!" || first == "?" {
            guard !(previous.map(PythonCharacter.isASCIILetter) ?? false), let (target, end) = target(at: start) else { return nil }
            return link(start..<end, provider: provider, user: options.user, repo: options.repo, target: target)
        }
        guard previous != "@", previous != "/", isBoundary(start), let (target, end) = target(at: start, allowIssue: false, commitMarker: false)
        else { return nil }
        return link(start..<end, provider: provider, user: options.user, repo: options.repo, target: target)
    }
}
