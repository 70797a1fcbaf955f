/// `pymdownx.magiclink`'s options (those Trellis honours; `custom` providers are not among them).
public struct MagicLinkOptions: Sendable {
    /// `hide_protocol`: a bare link's text without `https://`.
    public var hideProtocol = false
    /// `repo_url_shortener`: links to GitHub, GitLab and Bitbucket issues, pull requests,
    /// commits, compares, repositories and users show as `user/repo#1`, `@user`….
    public var repoURLShortener = false
    /// `social_url_shortener`: links to X and Twitter users show as `@user`.
    public var socialURLShortener = false
    /// `repo_url_shorthand`: `#1`, `repo#1`, `user/repo#1`, `@user`, `@user/repo`, commit hashes
    /// become links to the provider.
    public var repoURLShorthand = false
    /// `social_url_shorthand`: `@x:user` and `@twitter:user` become links.
    public var socialURLShorthand = false
    /// `provider`: the default provider of shorthands (`github`, `gitlab`, `bitbucket`, `x`, `twitter`).
    public var provider = MagicLinkProvider.github
    /// `user` and `repo`: the default user and repository of shorthands.
    public var user = ""
    public var repo = ""
    /// `labels`: the words of link titles (`issue`, `pull`, `discuss`, `commit`, `compare`,
    /// `mention`, `repository`).
    public var labels: [String: String] = [:]
    /// `normalize_issue_symbols`: pull requests and discussions shown with `#` too.
    public var normalizeIssueSymbols = false
    /// `shortener_user_exclude`: user names never shortened, by provider.
    public var shortenerUserExclude: [MagicLinkProvider: Set<String>] = MagicLinkProvider.defaultExcludes

    public init() {}
}

/// A provider magiclink knows, with its URLs.
public enum MagicLinkProvider: String, Hashable, Sendable, CaseIterable {
    case github, gitlab, bitbucket, x, twitter

    /// The name in link titles.
    var label: String {
        switch self {
        case .github: return "GitHub"
        case .gitlab: return "GitLab"
        case .bitbucket: return "Bitbucket"
        case .x: return "X"
        case .twitter: return "Twitter"
        }
    }

    var url: String {
        switch self {
        case .github: return "https://github.com"
        case .gitlab: return "https://gitlab.com"
        case .bitbucket: return "https://bitbucket.org"
        case .x: return "https://x.com"
        case .twitter: return "https://twitter.com"
        }
    }

    var isSocial: Bool { self == .x || self == .twitter }

    /// How many characters of a commit hash a link shows.
    var hashSize: Int { self == .gitlab ? 8 : 7 }

    func issue(_ user: String, _ repo: String, _ value: String) -> String {
        switch self {
        case .gitlab: return "\(url)/\(user)/\(repo)/-/issues/\(value)"
        default: return "\(url)/\(user)/\(repo)/issues/\(value)"
        }
    }

    func pull(_ user: String, _ repo: String, _ value: String) -> String {
        switch self {
        case .gitlab: return "\(url)/\(user)/\(repo)/-/merge_requests/\(value)"
        case .bitbucket: return "\(url)/\(user)/\(repo)/pull-requests/\(value)"
        default: return "\(url)/\(user)/\(repo)/pull/\(value)"
        }
    }

    func discussion(_ user: String, _ repo: String, _ value: String) -> String {
        "\(url)/\(user)/\(repo)/discussions/\(value)"
    }

    func commit(_ user: String, _ repo: String, _ hash: String) -> String {
        switch self {
        case .gitlab: return "\(url)/\(user)/\(repo)/-/commit/\(hash)"
        case .bitbucket: return "\(url)/\(user)/\(repo)/commits/commit/\(hash)"
        default: return "\(url)/\(user)/\(repo)/commit/\(hash)"
        }
    }

    func compare(_ user: String, _ repo: String, _ first: String, _ second: String) -> String {
        switch self {
        case .gitlab: return "\(url)/\(user)/\(repo)/-/compare/\(first)...\(second)"
        case .bitbucket: return "\(url)/\(user)/\(repo)/branches/commits/\(first)..\(second)#diff"
        default: return "\(url)/\(user)/\(repo)/compare/\(first)...\(second)"
        }
    }

    /// magiclink's `shortener_user_exclude` default.
    public static let defaultExcludes: [MagicLinkProvider: Set<String>] = [
        .bitbucket: ["dashboard", "account", "plans", "support", "repo"],
        .github: ["marketplace", "notifications", "issues", "pull", "sponsors", "settings", "support"],
        .gitlab: ["dashboard", "-", "explore", "help", "projects"],
        .twitter: ["i", "messages", "bookmarks", "home"],
        .x: ["i", "messages", "bookmarks", "home"],
    ]
}
