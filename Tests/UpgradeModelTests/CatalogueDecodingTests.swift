import Foundation
import Testing
@testable import UpgradeModel

@Suite struct CatalogueDecodingTests {
    /// The brand YAML of the doc comment, as the dictionary Yams hands to Decodable (here JSON).
    let brandConfig = """
    {"kubernetes": [
        {"version": "1.26.12", "classification": "deprecated", "expiration": "2026-12-01"},
        {"version": "1.27.8", "classification": "supported"},
        {"version": "1.28.5", "classification": "preview"},
        {"version": "1.29.0"}],
     "machine_images": [
        {"name": "gardenlinux", "update_strategy": "minor", "versions": [
            {"version": "1312.0.0", "classification": "deprecated"},
            {"version": "1312.1.0", "kubelet_constraint": ">= 1.26"}]},
        {"name": "ubuntu", "versions": []}]}
    """

    @Test func decodesTheBrandShapeWithDefaults() throws {
        let catalogue = try JSONDecoder().decode(VersionCatalogue.self, from: Data(brandConfig.utf8))
        #expect(catalogue.kubernetes.count == 4)
        #expect(catalogue.kubernetes[0].expiration == CalendarDay(2026, 12, 1))
        #expect(catalogue.kubernetes[3].classification == nil)
        #expect(catalogue.kubernetes[3].classification(on: CalendarDay(2026, 1, 1)) == .supported)
        #expect(catalogue.image(named: "gardenlinux")?.updateStrategy == .minor)
        #expect(catalogue.image(named: "ubuntu")?.updateStrategy == .major)
        #expect(catalogue.image(named: "gardenlinux")?.versions[1].kubeletConstraint?.description == ">= 1.26")
    }

    @Test func roundTripsThroughCodable() throws {
        let catalogue = try JSONDecoder().decode(VersionCatalogue.self, from: Data(brandConfig.utf8))
        let encoded = try JSONEncoder().encode(catalogue)
        #expect(try JSONDecoder().decode(VersionCatalogue.self, from: encoded) == catalogue)
        let fixture = try JSONEncoder().encode(Scenario.guideCatalogue)
        #expect(try JSONDecoder().decode(VersionCatalogue.self, from: fixture) == Scenario.guideCatalogue)
    }

    @Test func missingTopLevelKeysGiveAnEmptyCatalogue() throws {
        let catalogue = try JSONDecoder().decode(VersionCatalogue.self, from: Data("{}".utf8))
        #expect(catalogue.kubernetes.isEmpty && catalogue.machineImages.isEmpty)
    }

    @Test func timestampExpirationsKeepTheirDay() throws {
        let json = #"{"kubernetes": [{"version": "1.27.8", "expiration": "2027-03-01T00:00:00Z"}]}"#
        let catalogue = try JSONDecoder().decode(VersionCatalogue.self, from: Data(json.utf8))
        #expect(catalogue.kubernetes[0].expiration == CalendarDay(2027, 3, 1))
        let spaced = #"{"kubernetes": [{"version": "1.27.8", "expiration": "2027-03-01 00:00:00"}]}"#
        #expect(try JSONDecoder().decode(VersionCatalogue.self, from: Data(spaced.utf8)).kubernetes[0].expiration == CalendarDay(2027, 3, 1))
    }

    @Test(arguments: [
        #"{"kubernetes": [{"version": "1.x"}]}"#,
        #"{"kubernetes": [{"version": "1.27.8", "classification": "beta"}]}"#,
        #"{"kubernetes": [{"version": "1.27.8", "expiration": "March"}]}"#,
        #"{"kubernetes": [{"version": "1.27.8", "expiration": "2027-03-012"}]}"#,
        #"{"kubernetes": [{"version": "1.27.8", "expiration": "2027-03-01x"}]}"#,
        #"{"machine_images": [{"name": "g", "update_strategy": "sideways"}]}"#,
        #"{"machine_images": [{"name": "g", "versions": [{"version": "1.0.0", "kubelet_constraint": ">="}]}]}"#,
    ])
    func rejectsInvalidEntriesWithADecodingError(_ json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(VersionCatalogue.self, from: Data(json.utf8))
        }
    }
}
