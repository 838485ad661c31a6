/// The header fields of a request or response, in the order received.
///
/// Names compare case-insensitively, as HTTP requires; values are kept as sent
/// (bytes outside ASCII decoded as UTF-8 with replacement).
public struct HTTPHeaders: Sendable, Equatable, Sequence {
  /// The fields, in order, with names as written.
  public private(set) var fields: [(name: String, value: String)] = []

  /// Creates headers from name-value pairs.
  public init(_ fields: [(String, String)] = []) {
    self.fields = fields.map { (name: $0.0, value: $0.1) }
  }

  /// The number of fields.
  public var count: Int { fields.count }

  /// The first value of the field `name`, or `nil` when absent.
  public subscript(name: String) -> String? {
    let lowered = name.lowercased()
    return fields.first { $0.name.lowercased() == lowered }?.value
  }

  /// Every value of the field `name`, in order.
  public func values(_ name: String) -> [String] {
    let lowered = name.lowercased()
    return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
  }

  /// Appends a field (a repeated name adds another value).
  public mutating func add(_ name: String, _ value: String) {
    fields.append((name: name, value: value))
  }

  /// Replaces every value of `name` with one value.
  public mutating func set(_ name: String, _ value: String) {
    let lowered = name.lowercased()
    fields.removeAll { $0.name.lowercased() == lowered }
    fields.append((name: name, value: value))
  }

  /// Iterates the fields in order.
  public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
    fields.makeIterator()
  }

  /// Two header lists are equal when they hold the same fields in the same order.
  public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
    lhs.fields.count == rhs.fields.count
      && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }
}
