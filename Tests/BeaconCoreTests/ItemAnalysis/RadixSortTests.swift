import Testing

@testable import BeaconCore

@Suite struct RadixSortTests {
    func sorted(_ values: [Double]) -> [Double] {
        var keys = values.map(sortKey)
        var scratch = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeMutableBufferPointer { keys in
            scratch.withUnsafeMutableBufferPointer { radixSort(keys, scratch: $0) }
        }
        return keys.map(value(ofSortKey:))
    }

    @Test func sortsLikeTheStandardLibrary() {
        var random = SplitMix(seed: 3)
        let awkward: [Double] = [
            0, -0.0, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e-300, 1e300,
        ]
        let values = awkward + (0..<5000).map { _ in Double(Int64(bitPattern: random.next())) / 1e15 }
        #expect(sorted(values) == values.sorted())
    }

    @Test func sortsFewDistinctMarks() {
        var random = SplitMix(seed: 4)
        let values = (0..<10_000).map { _ in Double(random.next() % 5) / 2 }
        #expect(sorted(values) == values.sorted())
        #expect(sorted([2, 2, 2]) == [2, 2, 2])
        #expect(sorted([]) == [])
    }

    @Test func carriesThePayloadStably() {
        let keys0: [UInt64] = [3, 1, 2, 1, 3, 0, 1 << 40, 1]
        var keys = keys0
        var payload = keys0.indices.map { Int32($0) }
        var keyScratch = keys, payloadScratch = payload
        keys.withUnsafeMutableBufferPointer { keys in
            keyScratch.withUnsafeMutableBufferPointer { keyScratch in
                payload.withUnsafeMutableBufferPointer { payload in
                    payloadScratch.withUnsafeMutableBufferPointer { payloadScratch in
                        radixSort(keys, scratch: keyScratch, payload: payload, payloadScratch: payloadScratch)
                    }
                }
            }
        }
        #expect(keys == [0, 1, 1, 1, 2, 3, 3, 1 << 40])
        #expect(payload == [5, 1, 3, 7, 2, 0, 4, 6])
    }
}
