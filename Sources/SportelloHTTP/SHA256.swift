/// The SHA-256 hash function of FIPS 180-4, written here because Foundation on Linux has none.
///
/// Feed bytes with ``update(_:)`` as they arrive, then read the digest with
/// ``finalize()``; or hash a whole buffer with ``hash(_:)``.
///
///     let digest = SHA256.hash(Array("abc".utf8))
///     // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
///
/// - Complexity: O(n) in the number of bytes hashed.
public struct SHA256: Sendable {
  /// The length of a digest, in bytes.
  public static let digestLength = 32

  /// The length of one input block, in bytes.
  public static let blockLength = 64

  // The round constants of FIPS 180-4 section 4.2.2.
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  // The working hash value H(0) of FIPS 180-4 section 5.3.3, then the running state.
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19
  )
  private var pending: [UInt8] = []
  private var totalLength: UInt64 = 0

  /// Creates a hasher with nothing fed yet.
  public init() {
    pending.reserveCapacity(SHA256.blockLength)
  }

  /// Hashes a whole buffer at once.
  ///
  /// - Parameter bytes: The message.
  /// - Returns: The 32-byte digest.
  public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Feeds more of the message.
  ///
  /// - Parameter bytes: The next bytes of the message, in order.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    totalLength &+= UInt64(bytes.count)
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      absorb(buffer)
    }
    if handled == nil {
      Array(bytes).withUnsafeBufferPointer { absorb($0) }
    }
  }

  /// Pads the message, processes the last blocks and returns the digest.
  ///
  /// - Returns: The 32-byte digest, big-endian words in order.
  public mutating func finalize() -> [UInt8] {
    let bitLength = totalLength &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % SHA256.blockLength != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    pending = []
    tail.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        compress(UnsafeBufferPointer(rebasing: buffer[offset..<offset + SHA256.blockLength]))
        offset += SHA256.blockLength
      }
    }
    var digest: [UInt8] = []
    digest.reserveCapacity(SHA256.digestLength)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  private mutating func absorb(_ buffer: UnsafeBufferPointer<UInt8>) {
    var offset = 0
    if !pending.isEmpty {
      let needed = min(SHA256.blockLength - pending.count, buffer.count)
      pending.append(contentsOf: buffer[0..<needed])
      offset = needed
      guard pending.count == SHA256.blockLength else { return }
      let block = pending
      block.withUnsafeBufferPointer { compress($0) }
      pending.removeAll(keepingCapacity: true)
    }
    while buffer.count - offset >= SHA256.blockLength {
      compress(UnsafeBufferPointer(rebasing: buffer[offset..<offset + SHA256.blockLength]))
      offset += SHA256.blockLength
    }
    if offset < buffer.count {
      pending.append(contentsOf: buffer[offset...])
    }
  }

  // One application of the compression function of FIPS 180-4 section 6.2.2.
  private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
      for index in 0..<16 {
        let base = index * 4
        schedule[index] =
          UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16
          | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
      }
      for index in 16..<64 {
        let early = schedule[index - 15]
        let late = schedule[index - 2]
        let sigma0 = rotate(early, 7) ^ rotate(early, 18) ^ (early >> 3)
        let sigma1 = rotate(late, 17) ^ rotate(late, 19) ^ (late >> 10)
        schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
      }
      var (a, b, c, d, e, f, g, h) = state
      SHA256.roundConstants.withUnsafeBufferPointer { constants in
        for index in 0..<64 {
          let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
          let choice = (e & f) ^ (~e & g)
          let temporary1 = h &+ sum1 &+ choice &+ constants[index] &+ schedule[index]
          let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
          let majority = (a & b) ^ (a & c) ^ (b & c)
          let temporary2 = sum0 &+ majority
          h = g
          g = f
          f = e
          e = d &+ temporary1
          d = c
          c = b
          b = a
          a = temporary1 &+ temporary2
        }
      }
      state = (
        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
        state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
      )
    }
  }
}

@inline(__always)
private func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
  (value >> count) | (value << (32 - count))
}
