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

@Suite struct ParallelUpdateTests {
    @Test func updatesEveryItemInPlaceAndReturnsResultsInInputOrder() {
        for round in 0..<20 {
            var items = Array(0..<(500 + round)).map { [$0] }
            let results = ParallelMap.update(&items) { item -> Int in
                item.append(item[0] * 2)
                return item[0] + 1
            }
            #expect(items == Array(0..<(500 + round)).map { [$0, $0 * 2] })
            #expect(results == Array(1...(500 + round)))
        }
        var one = ["a"]
        #expect(ParallelMap.update(&one) { item -> Int in item += "b"; return item.count } == [2])
        #expect(one == ["ab"])
    }
}
