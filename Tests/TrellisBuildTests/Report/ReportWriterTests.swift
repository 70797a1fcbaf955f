import Foundation
import Testing
import TrellisCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import TrellisBuild

/// A small fixed report: a diagnostic without a path, two files, an error with a range and a
/// note, a warning at a point, and a warning without a range.
private let sample = ReportInput(
    diagnostics: [
        Diagnostic(.configType, path: nil, range: nil, message: "site_name must be a string"),
        Diagnostic(
            .brokenLink, path: "docs/a.md",
            range: SourceRange(start: SourceLocation(line: 3, column: 5), end: SourceLocation(line: 3, column: 24)),
            message: "link target 'b.md' does not exist", notes: ["did you mean 'c.md'?"]),
        Diagnostic(
            .imageWithoutAlt, .warning, path: "docs/a.md", at: SourceLocation(line: 5, column: 1),
            message: "image has no alternative text"),
        Diagnostic(.orphanPage, .warning, path: "docs/b.md", range: nil, message: "no page links here"),
    ],
    sources: ["docs/a.md": SourceFile(path: "docs/a.md", text: "# A\n\nSee [the b page](b.md).\n\n![](pic.png)\n")],
    pageCount: 2, milliseconds: 42, toolVersion: "1.2.3", rootURI: "file:///site",
    informationURI: "https://example.org/trellis")

private let clean = ReportInput(diagnostics: [], pageCount: 3, milliseconds: 1007, toolVersion: "1.2.3")

/// One diagnostic whose path and message hold every character some format must escape.
private func awkward(_ severity: Severity = .error, rule: RuleID = .brokenLink) -> ReportInput {
    ReportInput(
        diagnostics: [
            Diagnostic(
                rule, severity, path: "docs/a, b:c%.md",
                range: SourceRange(start: SourceLocation(line: 2, column: 3), end: SourceLocation(line: 4, column: 1)),
                message: "100% <\"odd\"> & 'x'\r\nnext\u{1}line")
        ],
        pageCount: 1, milliseconds: 0, toolVersion: "1.2.3")
}

@Test func textGroupsDiagnosticsByFileAndEndsWithTheSummary() {
    #expect(
        ReportWriter.render(sample, format: .text) == """
            error: site_name must be a string [ConfigType]

            docs/a.md:3:5: error: link target 'b.md' does not exist [BrokenLink]
              note: did you mean 'c.md'?
                See [the b page](b.md).
                    ^
            docs/a.md:5:1: warning: image has no alternative text [ImageWithoutAlt]
                ![](pic.png)
                ^

            docs/b.md: warning: no page links here [OrphanPage]

            2 errors, 2 warnings in 2 pages (42 ms)

            """)
}

@Test func textCleanRunPrintsOnlyTheSummaryLine() {
    #expect(ReportWriter.render(clean, format: .text) == "0 errors, 0 warnings in 3 pages (1007 ms)\n")
}

@Test func textSummaryStaysLastWithColour() {
    var input = sample
    input.useColour = true
    let text = ReportWriter.render(input, format: .text)
    #expect(text.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    #expect(text.hasSuffix("\n\n2 errors, 2 warnings in 2 pages (42 ms)\n"))
}

@Test func jsonListsSummaryAndDiagnosticsWithSortedKeysOmittingAbsentFields() {
    #expect(
        ReportWriter.render(sample, format: .json) == """
            {
              "diagnostics" : [
                {
                  "message" : "site_name must be a string",
                  "rule" : "ConfigType",
                  "severity" : "error"
                },
                {
                  "column" : 5,
                  "endColumn" : 24,
                  "endLine" : 3,
                  "line" : 3,
                  "message" : "link target 'b.md' does not exist",
                  "notes" : [
                    "did you mean 'c.md'?"
                  ],
                  "path" : "docs/a.md",
                  "rule" : "BrokenLink",
                  "severity" : "error"
                },
                {
                  "column" : 1,
                  "line" : 5,
                  "message" : "image has no alternative text",
                  "path" : "docs/a.md",
                  "rule" : "ImageWithoutAlt",
                  "severity" : "warning"
                },
                {
                  "message" : "no page links here",
                  "path" : "docs/b.md",
                  "rule" : "OrphanPage",
                  "severity" : "warning"
                }
              ],
              "summary" : {
                "errors" : 2,
                "milliseconds" : 42,
                "pages" : 2,
                "warnings" : 2
              },
              "version" : 1
            }

            """)
}

@Test func jsonCleanRunHasZeroCountsAndNoDiagnostics() throws {
    let data = Data(ReportWriter.render(clean, format: .json).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary == ["errors": 0, "warnings": 0, "pages": 3, "milliseconds": 1007])
}

@Test func jsonEscapesControlCharactersAndQuotes() throws {
    let data = Data(ReportWriter.render(awkward(), format: .json).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
    #expect(first["message"] as? String == "100% <\"odd\"> & 'x'\r\nnext\u{1}line")
    #expect(first["path"] as? String == "docs/a, b:c%.md")
}

@Test func githubPrintsOneWorkflowCommandPerDiagnosticThenTheSummary() {
    #expect(
        ReportWriter.render(sample, format: .github) == """
            ::error title=ConfigType::site_name must be a string
            ::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=24,title=BrokenLink::link target 'b.md' does not exist%0Adid you mean 'c.md'?
            ::warning file=docs/a.md,line=5,col=1,title=ImageWithoutAlt::image has no alternative text
            ::warning file=docs/b.md,title=OrphanPage::no page links here
            2 errors, 2 warnings in 2 pages (42 ms)

            """)
}

@Test func githubEscapesPropertiesAndMessagesAsActionsToolkitDoes() {
    #expect(
        ReportWriter.render(awkward(.note), format: .github) == """
            ::notice file=docs/a%2C b%3Ac%25.md,line=2,col=3,endLine=4,endColumn=1,title=BrokenLink::100%25 <"odd"> & 'x'%0D%0Anext\u{1}line
            0 errors, 0 warnings in 1 page (0 ms)

            """)
}

@Test func githubCleanRunPrintsOnlyTheSummary() {
    #expect(ReportWriter.render(clean, format: .github) == "0 errors, 0 warnings in 3 pages (1007 ms)\n")
}

/// The SARIF log as JSON objects, with the rule list (checked on its own) replaced by its size.
private func sarifWithoutRules(_ input: ReportInput) throws -> String {
    let data = Data(ReportWriter.render(input, format: .sarif).utf8)
    var log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var runs = try #require(log["runs"] as? [[String: Any]])
    var tool = try #require(runs[0]["tool"] as? [String: Any])
    var driver = try #require(tool["driver"] as? [String: Any])
    driver["rules"] = (driver["rules"] as? [Any])?.count
    tool["driver"] = driver
    runs[0]["tool"] = tool
    log["runs"] = runs
    let out = try JSONSerialization.data(withJSONObject: log, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: out, as: UTF8.self)
}

@Test func sarifReportsResultsAgainstTheSourceRoot() throws {
    let expected = #"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"columnKind":"unicodeCodePoints","#
        + #""originalUriBaseIds":{"SRCROOT":{"uri":"file:///site/"}},"results":["#
        + #"{"level":"error","message":{"text":"site_name must be a string"},"ruleId":"ConfigType","ruleIndex":23},"#
        + #"{"level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"docs/a.md","uriBaseId":"SRCROOT"},"#
        + #""region":{"endColumn":24,"endLine":3,"startColumn":5,"startLine":3}}}],"#
        + #""message":{"text":"link target 'b.md' does not exist\ndid you mean 'c.md'?"},"ruleId":"BrokenLink","ruleIndex":0},"#
        + #"{"level":"warning","locations":[{"physicalLocation":{"artifactLocation":{"uri":"docs/a.md","uriBaseId":"SRCROOT"},"#
        + #""region":{"startColumn":1,"startLine":5}}}],"#
        + #""message":{"text":"image has no alternative text"},"ruleId":"ImageWithoutAlt","ruleIndex":16},"#
        + #"{"level":"warning","locations":[{"physicalLocation":{"artifactLocation":{"uri":"docs/b.md","uriBaseId":"SRCROOT"}}}],"#
        + #""message":{"text":"no page links here"},"ruleId":"OrphanPage","ruleIndex":12}],"#
        + #""tool":{"driver":{"informationUri":"https://example.org/trellis","name":"Trellis","rules":\#(RuleCatalog.all.count),"version":"1.2.3"}}}],"#
        + #""version":"2.1.0"}"#
    #expect(try sarifWithoutRules(sample) == expected)
}

@Test func sarifListsEveryCatalogueRuleInOrderWithItsDefaultLevel() throws {
    let text = ReportWriter.render(clean, format: .sarif)
    #expect(
        text.contains(
            """
                      "rules" : [
                        {
                          "defaultConfiguration" : {
                            "level" : "error"
                          },
                          "id" : "BrokenLink",
                          "shortDescription" : {
                            "text" : "A relative link points to a page or file that does not exist for this brand."
                          }
                        },
            """))
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String } == RuleCatalog.all.map(\.id.rawValue))
    let levels = rules.compactMap { ($0["defaultConfiguration"] as? [String: String])?["level"] }
    #expect(levels == RuleCatalog.all.map(\.defaultSeverity.rawValue))
    #expect((run["results"] as? [Any])?.isEmpty == true)
    #expect(run["originalUriBaseIds"] == nil)
    #expect(driver["informationUri"] == nil)
}

@Test func sarifLeavesOutTheRuleIndexOfAnUnknownRuleAndEncodesPaths() throws {
    let output = try sarifWithoutRules(awkward(.note, rule: "SomethingNew"))
    #expect(
        output.contains(
            #"{"level":"note","locations":[{"physicalLocation":{"artifactLocation":{"uri":"docs/a%2C%20b%3Ac%25.md","#
                + #""uriBaseId":"SRCROOT"},"region":{"endColumn":1,"endLine":4,"startColumn":3,"startLine":2}}}],"#
                + #""message":{"text":"100% <\"odd\"> & 'x'\r\nnext\u0001line"},"ruleId":"SomethingNew"}"#))
}

@Test func junitReportsOneCasePerFileWithErrorsAsFailuresAndWarningsAsOutput() {
    #expect(
        ReportWriter.render(sample, format: .junit) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="trellis" tests="3" failures="2" errors="0" time="0.042">
              <testsuite name="trellis lint" tests="3" failures="2" errors="0" skipped="0" time="0.042">
                <properties>
                  <property name="pages" value="2"/>
                  <property name="summary" value="2 errors, 2 warnings in 2 pages (42 ms)"/>
                </properties>
                <testcase name="(site)" classname="(site)">
                  <failure type="ConfigType" message="site_name must be a string">site_name must be a string [ConfigType]</failure>
                </testcase>
                <testcase name="docs/a.md" classname="docs/a.md">
                  <failure type="BrokenLink" message="link target 'b.md' does not exist">docs/a.md:3:5: link target 'b.md' does not exist [BrokenLink]
              note: did you mean 'c.md'?</failure>
                  <system-out>warning: docs/a.md:5:1: image has no alternative text [ImageWithoutAlt]
            </system-out>
                </testcase>
                <testcase name="docs/b.md" classname="docs/b.md">
                  <system-out>warning: docs/b.md: no page links here [OrphanPage]
            </system-out>
                </testcase>
              </testsuite>
            </testsuites>

            """)
}

@Test func junitCleanRunIsOnePassingCase() {
    #expect(
        ReportWriter.render(clean, format: .junit) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="trellis" tests="1" failures="0" errors="0" time="1.007">
              <testsuite name="trellis lint" tests="1" failures="0" errors="0" skipped="0" time="1.007">
                <properties>
                  <property name="pages" value="3"/>
                  <property name="summary" value="0 errors, 0 warnings in 3 pages (1007 ms)"/>
                </properties>
                <testcase name="trellis lint" classname="trellis"/>
              </testsuite>
            </testsuites>

            """)
}

@Test func junitEscapesMarkupAndReplacesCharactersXMLCannotHold() {
    let xml = ReportWriter.render(awkward(), format: .junit)
    #expect(
        xml.contains(
            #"<failure type="BrokenLink" message="100% &lt;&quot;odd&quot;&gt; &amp; 'x'&#13;&#10;next\#u{FFFD}line">"#
                + "docs/a, b:c%.md:2:3: 100% &lt;\"odd\"&gt; &amp; 'x'&#13;\nnext\u{FFFD}line [BrokenLink]</failure>"))
    #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
}

#if canImport(FoundationXML) || os(macOS)
    @Test func junitWithAwkwardTextIsWellFormedXML() {
        let parser = XMLParser(data: Data(ReportWriter.render(awkward(), format: .junit).utf8))
        #expect(parser.parse())
    }
#endif

@Test func buildReportInputKeepsCountsAndGivesARootDirectoryURI() {
    var report = BuildReport()
    report.diagnostics = sample.diagnostics
    report.pageCount = 2
    report.milliseconds = 41.6
    let input = ReportInput(report, toolVersion: "1.2.3", root: URL(fileURLWithPath: "/tmp/my site"), useColour: false)
    #expect(input.rootURI == "file:///tmp/my%20site/")
    #expect(input.summaryLine == report.summary)
}
