/// HMAC-SHA256 of RFC 2104, as WhatsApp signs webhook bodies with the app secret.
///
///     let tag = HMAC.sha256(key: Array("test_app_secret".utf8), message: body)
///     let header = "sha256=" + Hex.encode(tag)
public enum HMAC {
  /// Computes the HMAC-SHA256 of a message.
  ///
  /// - Parameters:
  ///   - key: The secret key, of any length (keys longer than a block are hashed first).
  ///   - message: The bytes to authenticate.
  /// - Returns: The 32-byte tag.
  public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>)
    -> [UInt8]
  {
    var block = key.count > SHA256.blockLength ? SHA256.hash(key) : Array(key)
    block += [UInt8](repeating: 0, count: SHA256.blockLength - block.count)
    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    inner.update(message)
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5c })
    outer.update(inner.finalize())
    return outer.finalize()
  }

  /// Compares two byte strings in time that depends only on their lengths.
  ///
  /// Used for signatures and tokens so that the time taken does not reveal how
  /// many leading bytes of a guess were right.
  ///
  /// - Returns: Whether the two are equal.
  public static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices {
      difference |= lhs[index] ^ rhs[index]
    }
    return difference == 0
  }
}
