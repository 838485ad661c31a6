/// One recorded citizen message with the intents that may answer it.
///
/// Read from a line `expected<TAB>message` of a recorded-question file:
///
///     tributi.tari|servizi.pagopa	come pago la tari online
///     -	a che punto è la mia pratica 4411?
public struct CorpusEntry: Sendable, Equatable, Codable {
  /// The file the message comes from, as given on the command line.
  public var file: String

  /// The 1-based line of the message in its file.
  public var line: Int

  /// The message as the citizen wrote it.
  public var message: String

  /// The intents any of which is a right answer; empty when the message must not be
  /// answered automatically (`-` in the file).
  public var expected: [String]

  /// Creates an entry.
  public init(file: String, line: Int, message: String, expected: [String]) {
    self.file = file
    self.line = line
    self.message = message
    self.expected = expected
  }

  /// Whether the message has a right answer (its expected column is not `-`).
  public var isAnswerable: Bool { !expected.isEmpty }

  /// Whether `intent` is one of the right answers.
  public func accepts(_ intent: String?) -> Bool {
    guard let intent else { return false }
    return expected.contains(intent)
  }
}
