/// The session lexers of Pygments' `shell` module, each a `ShellSessionBaseLexer` with its own
/// inner lexer, prompt pattern (`_ps1rgx`, Python's `\s`/`\S`/`\w` kept, `$` escaped in
/// classes for ICU) and continuation prompt (`_ps2`).
extension ShellSessionLexer {
    /// `BashSessionLexer` (console, shell-session): `$`, `#`, `%` or `❯` prompts, after an
    /// optional `user@host:dir`, `[user@host dir]` or `(env)`; `> ` continues a line ending in `\`.
    static let bashSession = ShellSessionLexer(
        innerLexer: "bash",
        prompt: pattern(
            #"^((?:(?:\[.*?\])|(?:\(\S+\))?(?:| |sh\S*?|\w+\S+[@:]\S+(?:\s+\S+)?|\[\S+[@:][^\n]+\].+))\s*[\$#%❯]\s*)(.*\n?)"#),
        promptMustContain: ["$", "#", "%", "❯"],
        continuation: "> ")

    /// `PowerShellSessionLexer` (pwsh-session, ps1con): `PS C:\> ` prompts; any `> ` line continues.
    static let powerShellSession = ShellSessionLexer(
        innerLexer: "powershell",
        prompt: pattern(#"^((?:\[[^\]]+\]: )?PS[^>]*> ?)(.*\n?)"#),
        promptMustContain: [">"],
        continuation: "> ",
        bareContinuation: true)

    /// `MSDOSSessionLexer` (doscon): everything up to the first `>` is the prompt.
    static let msdosSession = ShellSessionLexer(
        innerLexer: "batch",
        prompt: pattern(#"^([^>]*>)(.*\n?)"#),
        promptMustContain: [">"],
        continuation: "More? ")

    /// `TcshSessionLexer` (tcshcon): a non-empty prompt up to the first `>`.
    static let tcshSession = ShellSessionLexer(
        innerLexer: "tcsh",
        prompt: pattern(#"^([^>]+>)(.*\n?)"#),
        promptMustContain: [">"],
        continuation: "? ")
}
