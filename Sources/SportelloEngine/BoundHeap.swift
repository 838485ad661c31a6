/// FAQs waiting to be scored, the one with the highest score bound on top.
///
/// A binary max-heap: built in O(n) from the bounds of every FAQ that shares a term
/// with the message, then popped only as long as a bound can still change the decision,
/// so most FAQs of a large rule set are never scored in full.
struct BoundHeap {
  /// An FAQ and the most it can score.
  struct Item {
    var bound: Double
    var faq: Int
  }

  private var items: [Item]

  /// Arranges `items` as a heap.
  ///
  /// - Complexity: O(n).
  init(_ items: [Item]) {
    self.items = items
    var parent = items.count / 2 - 1
    while parent >= 0 {
      siftDown(from: parent)
      parent -= 1
    }
  }

  /// The highest bound, or nil when the heap is empty.
  var top: Item? { items.first }

  /// Removes and returns the item with the highest bound.
  ///
  /// - Complexity: O(log n).
  mutating func pop() -> Item? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      siftDown(from: 0)
    }
    return first
  }

  /// Empties the heap and returns its storage, with its capacity, for reuse.
  mutating func emptiedStorage() -> [Item] {
    var storage: [Item] = []
    swap(&storage, &items)
    storage.removeAll(keepingCapacity: true)
    return storage
  }

  private mutating func siftDown(from start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < items.count else { return }
      var largest = left
      let right = left + 1
      if right < items.count, items[right].bound > items[left].bound { largest = right }
      guard items[largest].bound > items[parent].bound else { return }
      items.swapAt(parent, largest)
      parent = largest
    }
  }
}
