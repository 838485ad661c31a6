/// Trimming without Foundation, for every layer of the package.
extension StringProtocol {
  /// The text without leading and trailing characters that satisfy `shouldTrim`.
  ///
  /// A native replacement for Foundation's `trimmingCharacters(in:)`, which bridges to
  /// `NSString` and dominated the time of a large import and of loading large rule sets.
  /// Within one line, `isWhitespace` is what `.whitespaces` and `.whitespacesAndNewlines`
  /// both mean.
  package func trimmed(where shouldTrim: (Character) -> Bool = \.isWhitespace) -> String {
    guard let first = firstIndex(where: { !shouldTrim($0) }),
      let last = lastIndex(where: { !shouldTrim($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// The text without trailing characters that satisfy `shouldTrim`.
  package func trimmedAtEnd(where shouldTrim: (Character) -> Bool = \.isWhitespace) -> String {
    guard let last = lastIndex(where: { !shouldTrim($0) }) else { return "" }
    return String(self[...last])
  }
}
