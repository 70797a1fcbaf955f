import Testing
@testable import UpgradeModel

@Suite struct SemanticVersionTests {
    @Test func parsesFullPartialAndPrefixedVersions() {
        #expect(SemanticVersion("1.27.8") == SemanticVersion(1, 27, 8))
        #expect(SemanticVersion("1.27") == SemanticVersion(1, 27, 0))
        #expect(SemanticVersion("v1.28.5") == SemanticVersion(1, 28, 5))
        #expect(SemanticVersion("1312.1.0")?.description == "1312.1.0")
    }

    @Test(arguments: ["", "1..2", "1.2.3.4", "a.b.c", "1.2.-3", "1.2.3-rc1", "99999999999.1.1", "\u{0661}.2.3"])
    func rejectsMalformedVersions(_ text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func ordersNumericallyPerComponent() {
        #expect(SemanticVersion(1, 9, 0) < SemanticVersion(1, 10, 0))
        #expect(SemanticVersion(1, 27, 10) > SemanticVersion(1, 27, 9))
        #expect(SemanticVersion(1, 26, 12).minorDistance(to: SemanticVersion(1, 28, 0)) == 2)
        #expect(SemanticVersion(1, 28, 0).minorDistance(to: SemanticVersion(2, 0, 0)) >= 1000)
    }

    @Test func constraintsCombineTermsWithAnd() throws {
        let constraint = try #require(VersionConstraint(">= 1.26, < 1.28"))
        #expect(constraint.admits(SemanticVersion(1, 26, 0)))
        #expect(constraint.admits(SemanticVersion(1, 27, 8)))
        #expect(!constraint.admits(SemanticVersion(1, 28, 5)))
        #expect(!constraint.admits(SemanticVersion(1, 25, 9)))
        #expect(VersionConstraint("~1.27")?.admits(SemanticVersion(1, 27, 3)) == true)
        #expect(VersionConstraint("~1.27")?.admits(SemanticVersion(1, 28, 0)) == false)
        #expect(VersionConstraint("!= 1.27.8")?.admits(SemanticVersion(1, 27, 8)) == false)
        #expect(VersionConstraint("1.27.8")?.admits(SemanticVersion(1, 27, 8)) == true)
    }

    @Test(arguments: ["", ">=", ">= banana", ",", ">= 1.26,"])
    func rejectsMalformedConstraints(_ text: String) {
        #expect(VersionConstraint(text) == nil)
    }

    @Test func calendarDaysParseCompareAndPrint() throws {
        let day = try #require(CalendarDay("2026-12-01"))
        #expect(day.description == "2026-12-01")
        #expect(day < CalendarDay(2026, 12, 2))
        #expect(CalendarDay("2026-13-01") == nil)
        #expect(CalendarDay("2026-1-01") == nil)
        #expect(CalendarDay("") == nil)
    }
}
