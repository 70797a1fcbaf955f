import Testing

@testable import TrellisBuild

@Suite struct ParallelMapTests {
    @Test func keepsInputOrderUnderContention() {
        for round in 0..<20 {
            let input = Array(0..<(500 + round))
            #expect(ParallelMap.map(input) { $0 * 2 } == input.map { $0 * 2 })
        }
    }
}
