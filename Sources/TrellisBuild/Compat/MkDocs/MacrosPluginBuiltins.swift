import Foundation
import TrellisCore

/// Variables the MkDocs macros plugin defines on every site before the site's own `extra`
/// (its `context.py`): `git`, the repository's last commit and tag, read once per build with
/// the commands the plugin runs. Outside a repository, or without git, each field is empty and
/// `git.status` is false, as the plugin leaves them.
enum MacrosPluginBuiltins {
    static func variables(root: URL) -> ValueMap {
        ValueMap([("git", .map(git(root: root)))])
    }

    static func git(root: URL) -> ValueMap {
        func run(_ arguments: [String]) -> String? {
            guard let result = Subprocess.run(["git", "-C", root.path] + arguments), result.status == 0 else { return nil }
            return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let last = ["log", "-1"]
        let commands: [(String, [String])] = [
            ("short_commit", ["rev-parse", "--short", "HEAD"]),
            ("commit", ["rev-parse", "HEAD"]),
            ("tag", ["describe", "--tags"]),
            ("short_tag", ["describe", "--tags", "--abbrev=0"]),
            ("author", last + ["--pretty=format:%an"]),
            ("author_email", last + ["--pretty=format:%ae"]),
            ("committer", last + ["--pretty=format:%cn"]),
            ("committer_email", last + ["--pretty=format:%ce"]),
            ("date_ISO", last + ["--pretty=format:%cd"]),
            ("message", last + ["--pretty=format:%B"]),
            ("raw", last),
            ("root_dir", ["rev-parse", "--show-toplevel"]),
        ]
        var map = ValueMap([("status", .bool(false)), ("date", .null)])
        // Not a repository: every command fails the same way; one answers for all.
        guard run(["rev-parse", "--git-dir"]) != nil else {
            for (name, _) in commands { map[name] = .string("") }
            return map
        }
        for (name, arguments) in commands {
            if let output = run(arguments) {
                map[name] = .string(output)
                map["status"] = .bool(true)
            } else {
                map[name] = .string("")
            }
        }
        // The plugin parses the commit date into a datetime, which prints as Python's str().
        if let iso = run(last + ["--pretty=format:%cd", "--date=iso-strict"]), iso.count >= 19 {
            map["date"] = .string(iso.replacingOccurrences(of: "T", with: " "))
        }
        return map
    }
}
