import Foundation
import Testing

@testable import TrellisPreview

/// The events hub sends without waiting for anyone: a client whose writes never finish holds up
/// neither the sender nor the other clients.
@Suite(.timeLimit(.minutes(1))) struct EventHubTests {
    private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func aClientThatNeverTakesItsMessagesHoldsUpNoOne() async throws {
        let hub = EventHub()
        // Never iterated: as a client whose first write hangs for ever.
        let stuck = hub.subscribe(generation: 0)
        let reader = hub.subscribe(generation: 0)
        let received = Task {
            var last = ""
            for await message in reader.messages {
                last = text(message)
                if last == "event: reload\ndata: 100000\n\n" { break }
            }
            return last
        }
        for generation in 1...100_000 { hub.reload(generation: generation) }
        #expect(await received.value == "event: reload\ndata: 100000\n\n")
        #expect(hub.clientCount == 2)

        // The stuck client kept only the newest few messages, not all 100,000.
        hub.close()
        var kept: [String] = []
        for await message in stuck.messages { kept.append(text(message)) }
        #expect(kept.count <= 4)
        #expect(kept.last == "event: reload\ndata: 100000\n\n")
        #expect(hub.clientCount == 0)
    }

    @Test func aClientStartsWithRetryAndHelloAndLeavesWhenItsStreamEnds() async throws {
        let hub = EventHub()
        let client = hub.subscribe(generation: 41)
        hub.keepAlive()
        hub.reload(generation: 42)
        var messages: [String] = []
        for await message in client.messages {
            messages.append(text(message))
            if messages.count == 4 { break }
        }
        #expect(messages == ["retry: 1000\n\n", "event: hello\ndata: 41\n\n", ": keep-alive\n\n", "event: reload\ndata: 42\n\n"])
        #expect(hub.clientCount == 1)
        hub.unsubscribe(client)
        #expect(hub.clientCount == 0)
        hub.close()
        let late = hub.subscribe(generation: 43)
        var count = 0
        for await _ in late.messages { count += 1 }
        #expect(count == 2)
        #expect(hub.clientCount == 0)
    }
}
