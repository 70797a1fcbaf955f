extension SyntaxLexers {
    /// The hand-written lexers (Pygments lexers written as code rather than rule tables), by
    /// every Pygments alias. (Slurm's comes with the rule tables.)
    static let customLexers: [String: any SyntaxLexer] = [
        "text": PlainTextLexer(),
        "output": PlainTextLexer(type: TokenType("Generic.Output")),
        "json": JsonLexer(),
        "json-object": JsonLexer(),
        "jsonld": JsonLexer(keywords: JsonLexer.jsonLdKeywords),
        "json-ld": JsonLexer(keywords: JsonLexer.jsonLdKeywords),
        "yaml": YamlLexer(),
        "yml": YamlLexer(),
        "console": ShellSessionLexer.bashSession,
        "shell-session": ShellSessionLexer.bashSession,
        "pwsh-session": ShellSessionLexer.powerShellSession,
        "ps1con": ShellSessionLexer.powerShellSession,
        "doscon": ShellSessionLexer.msdosSession,
        "tcshcon": ShellSessionLexer.tcshSession,
        "pycon": PythonConsoleLexer(),
        "python-console": PythonConsoleLexer(),
        "make": MakefileLexer(),
        "makefile": MakefileLexer(),
        "mf": MakefileLexer(),
        "bsdmake": MakefileLexer(),
        "basemake": BaseMakefileLexer(),
        "rbcon": RubyConsoleLexer(),
        "irb": RubyConsoleLexer(),
    ]
}
