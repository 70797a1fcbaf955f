/// magiclink's shortener (`repo_url_shortener`, `social_url_shortener`), a pass over every link
/// after the inline patterns: a link whose text is its address (or, for a magic link with
/// `hide_protocol`, its address without `https://`) to a provider's issue, pull request,
/// discussion, commit, compare, repository or user shows as `user/repo#1`, `@user`…, with
/// magiclink's classes and title.
struct MagicLinkShortener {
    let options: MagicLinkOptions

    /// What a provider address is.
    enum Kind: Equatable {
        case issue(String), pull(String), discussion(String), commit(String), compare(String, String)
        case repository, user
    }

    /// A provider address taken apart: `base` is its text up to the user (and repository),
    /// `userRepo` the `user/repo` (or `user`) part as written.
    struct Address: Equatable {
        var provider: MagicLinkProvider
        var base: String
        var user: String
        var userRepo: String
        var kind: Kind
    }

    func shorten(_ document: inout MarkdownDocument, source: ParsedText) {
        for node in document.preorder() {
            guard case .link(let destination, _) = document.kind(of: node), let child = document.firstChild(of: node),
                document.nextSibling(of: child) == nil
            else { continue }
            let text: String
            switch document.kind(of: child) {
            case .text(let literal): text = literal
            case .inlineMarkup(_, let literal): text = literal
            default: continue
            }
            // Magic links carry their `href` as an attribute; autolinks to http(s) and ftp(s) are
            // magiclink's too.
            var href = destination
            var isMagic = MagicLinkRewriter.isWebAutolink(node, destination: destination, in: document, source: source)
            if case let written?? = document.attributes(of: node)["href"] {
                href = written
                isMagic = true
            }
            isMagic = isMagic && options.repoURLShortener
            guard text == href || (isMagic && options.hideProtocol && "https://" + text == href) else { continue }
            var address: Address?
            if options.repoURLShortener { address = Self.repositoryAddress(href) ?? Self.userAddress(href) }
            if address == nil, options.socialURLShortener { address = Self.socialAddress(href) }
            guard let address, !(options.shortenerUserExclude[address.provider]?.contains(address.user.lowercased()) ?? false) else { continue }
            let (shown, classes, title) = rendering(address)
            var attributes = document.attributes(of: node)
            var classList = attributes["class"].flatMap { $0 }.map { $0.split(separator: " ").map(String.init) } ?? []
            for name in ["magiclink", "magiclink-\(address.provider.rawValue)", classes] where !classList.contains(name) {
                classList.append(name)
            }
            attributes.set("class", classList.joined(separator: " "))
            document.setAttributes(attributes, of: node)
            document.setKind(.link(destination: destination, title: title), of: node)
            document.setKind(.inlineMarkup(html: PythonCharacter.escapedText(shown), text: shown), of: child)
        }
    }

    /// The text, the class of the kind and the title of a shortened link.
    private func rendering(_ address: Address) -> (String, String, String) {
        let provider = address.provider
        let label = provider.label
        let userRepo = address.userRepo
        // The default repository's and user's links show less (social links never are).
        var myRepo = false, myUser = false
        if !options.provider.isSocial, !options.user.isEmpty, !options.repo.isEmpty {
            myRepo = address.base + "/" == "\(options.provider.url)/\(options.user)/\(options.repo)/"
            myUser = myRepo || address.base.hasPrefix("\(options.provider.url)/\(options.user)/")
        }
        let repoName = userRepo.split(separator: "/", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        func issueLike(_ value: String, icon: String, label kindLabel: String, className: String) -> (String, String, String) {
            let text = myRepo ? icon + value : myUser ? repoName + icon + value : userRepo + icon + value
            return (text, className, "\(label) \(kindLabel): \(userRepo.trimmingSuffix("/")) #\(value)")
        }
        let size = provider.hashSize
        switch address.kind {
        case .issue(let value):
            return issueLike(value, icon: "#", label: options.labels["issue"] ?? "Issue", className: "magiclink-issue")
        case .pull(let value):
            return issueLike(
                value, icon: options.normalizeIssueSymbols ? "#" : "!", label: options.labels["pull"] ?? "Pull Request",
                className: "magiclink-pull")
        case .discussion(let value):
            return issueLike(
                value, icon: options.normalizeIssueSymbols ? "#" : "?", label: options.labels["discuss"] ?? "Discussion",
                className: "magiclink-discussion")
        case .commit(let hash):
            let short = String(hash.prefix(size))
            let text = myRepo ? short : myUser ? "\(repoName)@\(short)" : "\(userRepo)@\(short)"
            return (text, "magiclink-commit", "\(label) \(options.labels["commit"] ?? "Commit"): \(userRepo.trimmingSuffix("/"))@\(short)")
        case .compare(let first, let second):
            let a = String(first.prefix(size)), b = String(second.prefix(size))
            let text = myRepo ? "\(a)...\(b)" : myUser ? "\(repoName)@\(a)...\(b)" : "\(userRepo)@\(a)...\(b)"
            return (text, "magiclink-compare", "\(label) \(options.labels["compare"] ?? "Compare"): \(userRepo.trimmingSuffix("/"))@\(a)...\(b)")
        case .repository:
            return (userRepo, "magiclink-repository", "\(label) \(options.labels["repository"] ?? "Repository"): \(userRepo)")
        case .user:
            // magiclink looks the user label up as `metion`.
            return ("@" + userRepo, "magiclink-mention", "\(label) \(options.labels["metion"] ?? "User"): \(userRepo)")
        }
    }
}

extension MagicLinkShortener {
    /// `https://`, an optional `www.` and the host (case-insensitive): the rest after it.
    static func afterHost(_ href: String, host: String) -> (prefix: Substring, rest: Substring)? {
        for candidate in ["https://" + host, "https://www." + host] {
            if href.count >= candidate.count, href.prefix(candidate.count).lowercased() == candidate {
                return (href.prefix(candidate.count), href.dropFirst(candidate.count))
            }
        }
        return nil
    }

    private static let hosts: [(MagicLinkProvider, String)] = [(.github, "github.com"), (.bitbucket, "bitbucket.org"), (.gitlab, "gitlab.com")]

    /// `RE_REPO_LINK`: an issue, pull request, discussion, commit or compare address.
    static func repositoryAddress(_ href: String) -> Address? {
        for (provider, host) in hosts {
            guard let (prefix, rest) = afterHost(href, host: host) else { continue }
            var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.first == "", parts.count >= 4 else { return nil }
            parts.removeFirst()
            let user = parts[0], repo = parts[1]
            guard isUser(user, provider), !repo.isEmpty else { return nil }
            let base = String(prefix) + "/" + user + "/" + repo
            var tail = Array(parts.dropFirst(2))
            if provider == .gitlab, tail.first == "-" { tail.removeFirst() }
            guard let kind = repositoryKind(tail, provider) else { return nil }
            return Address(provider: provider, base: base, user: user, userRepo: user + "/" + repo, kind: kind)
        }
        return nil
    }

    /// The kind of what follows `user/repo/`, with at most two slashes after it (`/?` twice).
    private static func repositoryKind(_ tail: [String], _ provider: MagicLinkProvider) -> Kind? {
        func trailing(_ extra: ArraySlice<String>, allowed: Int) -> Bool {
            extra.count <= allowed && extra.allSatisfy(\.isEmpty)
        }
        guard let first = tail.first?.lowercased(), tail.count >= 2 else { return nil }
        let value = tail[1]
        let digits = !value.isEmpty && value.unicodeScalars.allSatisfy(PythonCharacter.isDigit)
        let minimum = provider == .gitlab ? 8 : 7
        func isHash(_ text: Substring) -> Bool {
            (minimum...40).contains(text.count) && text.unicodeScalars.allSatisfy { PythonCharacter.isDigit($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
        }
        switch (provider, first) {
        case (.github, "issues"), (.gitlab, "issues"):
            return digits && trailing(tail[2...], allowed: 2) ? .issue(value) : nil
        case (.github, "pull"), (.gitlab, "merge_requests"):
            return digits && trailing(tail[2...], allowed: 2) ? .pull(value) : nil
        case (.github, "discussions"):
            return digits && trailing(tail[2...], allowed: 2) ? .discussion(value) : nil
        case (.github, "commit"), (.gitlab, "commit"):
            return isHash(Substring(value)) && trailing(tail[2...], allowed: 2) ? .commit(value) : nil
        case (.github, "compare"), (.gitlab, "compare"):
            let pair = value.components(separatedBy: "...")
            guard pair.count == 2, isHash(Substring(pair[0])), isHash(Substring(pair[1])), trailing(tail[2...], allowed: 1) else { return nil }
            return .compare(pair[0], pair[1])
        case (.bitbucket, "issues"):
            // `issues/N(/title)?/?` then `/?`.
            guard digits else { return nil }
            let rest = tail[2...]
            if trailing(rest, allowed: 2) { return .issue(value) }
            guard let title = rest.first, !title.isEmpty, trailing(rest.dropFirst(), allowed: 2) else { return nil }
            return .issue(value)
        case (.bitbucket, "pull-requests"):
            guard digits else { return nil }
            let rest = tail[2...]
            if trailing(rest, allowed: 2) { return .pull(value) }
            guard let title = rest.first, !title.isEmpty else { return nil }
            let after = rest.dropFirst()
            if trailing(after, allowed: 2) { return .pull(value) }
            guard after.first?.lowercased() == "diff", trailing(after.dropFirst(), allowed: 2) else { return nil }
            return .pull(value)
        case (.bitbucket, "commits"):
            guard value.lowercased() == "commit", tail.count >= 3, isHash(Substring(tail[2])), trailing(tail[3...], allowed: 2) else { return nil }
            return .commit(tail[2])
        case (.bitbucket, "branches"):
            guard value.lowercased() == "commits", tail.count >= 3, trailing(tail[3...], allowed: 1) else { return nil }
            let spec = tail[2]
            guard spec.lowercased().hasSuffix("#diff") else { return nil }
            let pair = String(spec.dropLast(5))
            for separator in ["..", "%0d", "%0D"] {
                let sides = pair.components(separatedBy: separator)
                if sides.count == 2, isHash(Substring(sides[0])), isHash(Substring(sides[1])) { return .compare(sides[0], sides[1]) }
            }
            return nil
        default:
            return nil
        }
    }

    /// `RE_USER_REPO_LINK`: a user's or a repository's address.
    static func userAddress(_ href: String) -> Address? {
        for (provider, host) in hosts {
            guard let (prefix, rest) = afterHost(href, host: host) else { continue }
            var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.first == "", parts.count >= 2 else { return nil }
            parts.removeFirst()
            let user = parts[0]
            guard isUser(user, provider) else { return nil }
            let after = parts.dropFirst()
            if after.allSatisfy(\.isEmpty), after.count <= 1 {
                return Address(provider: provider, base: String(prefix) + "/" + user, user: user, userRepo: user, kind: .user)
            }
            guard let repo = after.first, !repo.isEmpty else { return nil }
            let extra = after.dropFirst()
            // Bitbucket's repository part takes its own trailing slash.
            if provider == .bitbucket, extra.count >= 1, extra.count <= 2, extra.allSatisfy(\.isEmpty) {
                return Address(provider: provider, base: String(prefix) + "/" + user + "/" + repo + "/", user: user, userRepo: user + "/" + repo + "/", kind: .repository)
            }
            guard extra.count <= 1, extra.allSatisfy(\.isEmpty) else { return nil }
            return Address(provider: provider, base: String(prefix) + "/" + user + "/" + repo, user: user, userRepo: user + "/" + repo, kind: .repository)
        }
        return nil
    }

    /// `RE_SOCIAL_LINK`: an X or Twitter user's address.
    static func socialAddress(_ href: String) -> Address? {
        for (provider, host) in [(MagicLinkProvider.twitter, "twitter.com"), (.x, "x.com")] {
            guard let (prefix, rest) = afterHost(href, host: host) else { continue }
            var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.first == "", parts.count == 2 || (parts.count == 3 && parts[2].isEmpty) else { return nil }
            parts.removeFirst()
            let user = parts[0]
            guard (1...15).contains(user.unicodeScalars.count), user.unicodeScalars.allSatisfy(PythonCharacter.isWord) else { return nil }
            return Address(provider: provider, base: String(prefix) + "/" + user, user: user, userRepo: user, kind: .user)
        }
        return nil
    }

    /// A whole user name of the provider's pattern (case-insensitive, as `RE_*_LINK` are).
    static func isUser(_ name: String, _ provider: MagicLinkProvider) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, scalars.count <= 39 else { return false }
        func alnum(_ scalar: Unicode.Scalar) -> Bool { PythonCharacter.isASCIILetter(scalar) || PythonCharacter.isDigit(scalar) }
        func middle(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "_" || alnum(scalar) }
        switch provider {
        case .github:
            return alnum(first) && alnum(last) && scalars.allSatisfy(middle)
        case .gitlab:
            return (alnum(first) || first == "." || first == "_") && (scalars.count == 1 || middle(last))
                && scalars.allSatisfy { middle($0) || $0 == "." }
        case .bitbucket:
            return scalars.allSatisfy(middle)
        case .x, .twitter:
            return scalars.count <= 15 && scalars.allSatisfy(PythonCharacter.isWord)
        }
    }
}

extension String {
    /// Without the trailing `character`s (Python's `rstrip(character)`).
    func trimmingSuffix(_ character: Character) -> String {
        var text = Substring(self)
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
