import Foundation
import Testing
import TrellisTestSupport

@_spi(Fuzzing) import TrellisBuild

/// Every input the fuzzers found (`scripts/fuzz.py` stores them in `FuzzRegressions/<target>/`),
/// replayed through the same entry the fuzzer drives, with its invariants; a crash here is the
/// bug coming back. Runs on a 512 KiB stack, as the fuzzers do.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "FuzzRegressions")

    /// `target/file` for every stored input.
    static let inputs: [String] = FuzzTarget.allCases.flatMap { target in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appending(path: target.rawValue).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { target.rawValue + "/" + $0 }
    }

    @Test func everyTargetHasAFolder() {
        for target in FuzzTarget.allCases {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: Self.folder.appending(path: target.rawValue).path, isDirectory: &isFolder)
            #expect(exists && isFolder.boolValue, "FuzzRegressions/\(target.rawValue) is missing")
        }
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashing(_ input: String) throws {
        let parts = input.split(separator: "/", maxSplits: 1).map(String.init)
        let target = try #require(FuzzTarget(rawValue: parts[0]))
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appending(path: input)))
        // A crash or broken invariant traps the process: the test run fails with the input named.
        onSmallStack { target.run(bytes) }
    }
}
