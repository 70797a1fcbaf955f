import TrellisCore

/// What a walk of a folder of sources leaves out: a symlink a build does not follow, or a name
/// that is not UTF-8.
enum LinkProblem: Equatable, Sendable {
    /// Leads outside the project folder (and every `allow_symlinks_to` folder).
    case outside(link: String, target: String)
    /// Leads nowhere.
    case dangling(link: String, target: String)
    /// Leads to itself, directly or through other links, or to a folder that holds it.
    case loop(link: String, target: String?)
    /// Leads to a folder already published through another link.
    case duplicate(link: String, target: String)
    /// A file or folder whose name is not valid UTF-8 (shown with U+FFFD for the bad bytes).
    case invalidName(path: String)

    /// The diagnostic, with the link named as `folder/link` (the folder as the config names it).
    func diagnostic(in folder: String) -> Diagnostic {
        func named(_ link: String) -> String { folder.isEmpty ? link : folder + "/" + link }
        switch self {
        case .outside(let link, let target):
            return Diagnostic(
                .outsideRoot, path: named(link), at: nil,
                message: "'\(named(link))' is a symlink to '\(target)', outside the project folder; it is not published "
                    + "(list the target in 'allow_symlinks_to' to publish it)")
        case .dangling(let link, let target):
            return Diagnostic(
                .io, path: named(link), at: nil, message: "'\(named(link))' is a symlink to '\(target)', which does not exist")
        case .loop(let link, let target):
            let leads = target.map { " to '\($0)', a folder that holds it" } ?? " that leads back to itself"
            return Diagnostic(.io, path: named(link), at: nil, message: "'\(named(link))' is a symlink\(leads) (a loop); it is not followed")
        case .duplicate(let link, let target):
            return Diagnostic(
                .duplicateSymlink, path: named(link), at: nil,
                message: "'\(named(link))' is a symlink to '\(target)', a folder already published through another symlink; it is not followed")
        case .invalidName(let path):
            return Diagnostic(
                .invalidEncoding, path: named(path), at: nil,
                message: "the name '\(named(path))' is not valid UTF-8, so it cannot be published; rename it")
        }
    }
}
