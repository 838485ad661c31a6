import Testing

@testable import SportelloEngine

@Suite struct PostingListsTests {
  /// Every term's postings, read back in order.
  static func lists(_ postings: PostingLists<Int32>, termCount: Int) -> [[Int32]] {
    (0..<termCount).map { term in postings.positions(of: Int32(term)).map { postings[$0] } }
  }

  @Test func countedPostingsKeepTheirOrderWithinEachTerm() {
    let postings = PostingLists<Int32>(
      termCount: 4, postings: [(2, 10), (0, 11), (2, 12), (3, 13), (2, 14)])
    #expect(Self.lists(postings, termCount: 4) == [[11], [], [10, 12, 14], [13]])
    #expect(postings.count(of: 1) == 0)
  }

  @Test func noPostingsGiveAnEmptyListForEveryTerm() {
    let postings = PostingLists<Int32>(termCount: 3, postings: [])
    #expect(Self.lists(postings, termCount: 3) == [[], [], []])
  }

  @Test func randomPostingsGiveWhatFlatteningListsGives() {
    var random = SeededRandom(seed: 41)
    for _ in 0..<300 {
      let termCount = random.next(in: 1...30)
      var lists = [[Int32]](repeating: [], count: termCount)
      var pairs: [(term: Int32, element: Int32)] = []
      for element in 0..<random.next(in: 0...200) {
        let term = random.next(in: 0...(termCount - 1))
        lists[term].append(Int32(element))
        pairs.append((Int32(term), Int32(element)))
      }
      let counted = PostingLists(termCount: termCount, postings: pairs)
      let flattened = PostingLists(lists)
      #expect(
        Self.lists(counted, termCount: termCount) == Self.lists(flattened, termCount: termCount))
      #expect(Self.lists(counted, termCount: termCount) == lists)
    }
  }
}
