import Testing

@testable import SportelloEngine

@Suite struct ConcurrentMapTests {
  @Test(arguments: [0, 1, 2, 3, 20, 31, 32, 1_000])
  func resultsComeInOrderWhateverTheChunks(count: Int) {
    let numbers = Array(0..<count)
    let expected = numbers.map { $0 * $0 }
    #expect(numbers.concurrentMap { $0 * $0 } == expected)
    #expect(numbers.concurrentMap(minimumCount: 2, smallestChunk: 1) { $0 * $0 } == expected)
  }
}
