import Foundation

/// A message prepared for scanning: its scalars after NFKC, and the way back
/// from each scalar to the message as written (byte range and `Character`
/// offset).
///
/// Most messages are plain ASCII or Latin-1 letters, where NFKC changes nothing
/// and every scalar is its own `Character`; they skip normalisation and the
/// `Character` walk entirely. Messages that NFKC leaves alone but where some
/// scalars join into one `Character` (emoji with a skin tone or a variation
/// selector, flags, keycaps, ZWJ sequences) get the way back from a walk of
/// those `Character`s only (see ``joining(_:)``). Other messages are
/// normalised one `Character` at a time, which keeps the way back exact.
struct SourceText {
  /// The scalars to scan, after NFKC (not yet lowercased).
  var scalars: [UInt32] = []

  /// Where a scalar comes from: the byte range and the offset of its
  /// `Character` in the message.
  struct Origin {
    var byteStart: Int32
    var byteEnd: Int32
    var characterOffset: Int32
  }

  /// The message's UTF-8 bytes, for surfaces; empty when ``scalars`` are the
  /// message's own scalars (no normalisation happened).
  private var bytes: [UInt8] = []

  /// Where each scalar comes from; empty with ``bytes``.
  private var origins: [Origin] = []

  /// Whether ``scalars`` are the message's own scalars, with nothing normalised.
  var isVerbatim: Bool { bytes.isEmpty }

  /// Prepares `text`.
  ///
  /// - Complexity: O(*n*).
  init(_ text: String) {
    if let simple = Self.simpleScalars(of: text) {
      scalars = simple
    } else if let joining = Self.joining(text) {
      self = joining
    } else {
      prepareByCharacter(text)
    }
  }

  /// A message's tables as they are, for ``joining(_:)``.
  init(scalars: [UInt32], bytes: [UInt8], origins: [Origin]) {
    self.scalars = scalars
    self.bytes = bytes
    self.origins = origins
  }

  /// Prepares `text` by normalising it one `Character` at a time, for a
  /// message that ``decodeSimple(_:into:)`` found not to be simple.
  ///
  /// - Complexity: O(*n*).
  init(normalizing text: String) {
    prepareByCharacter(text)
  }

  /// The scalars of a simple message, decoded straight from its UTF-8; `nil`
  /// for any other message.
  private static func simpleScalars(of text: String) -> [UInt32]? {
    var text = text
    text.makeContiguousUTF8()
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt32]? in
      var isSimple = true
      let scalars = [UInt32](unsafeUninitializedCapacity: bytes.count) { buffer, count in
        guard let base = buffer.baseAddress, let decoded = decodeSimple(bytes, into: base) else {
          isSimple = false
          count = 0
          return
        }
        count = decoded
      }
      return isSimple ? scalars : nil
    }
    return result ?? nil
  }

  /// Decodes the UTF-8 of a simple message into `scalars`, which has room for
  /// one scalar per byte, and returns how many there are; `nil` (with
  /// `scalars` partly written) for any other message.
  ///
  /// A message is simple when NFKC leaves every scalar unchanged and every
  /// scalar is a `Character` of its own (no CR LF, no combining marks, no
  /// joined emoji), so scalar offsets are `Character` offsets. `bytes` must be
  /// valid UTF-8, as the bytes of a `String` are.
  static func decodeSimple(
    _ bytes: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutablePointer<UInt32>
  ) -> Int? {
    var written = 0
    var index = 0
    var previous: UInt32 = 0
    while index < bytes.count {
      if previous != 0x0D, let chunk = Self.asciiChunk(bytes, at: index),
        let base = bytes.baseAddress
      {
        let eight = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD8<UInt8>.self)
        UnsafeMutableRawPointer(scalars + written).storeBytes(
          of: SIMD8<UInt32>(truncatingIfNeeded: eight), as: SIMD8<UInt32>.self)
        written += 8
        index += 8
        previous = UInt32(truncatingIfNeeded: chunk >> 56)
        continue
      }
      let lead = UInt32(bytes[index])
      var value: UInt32
      if lead < 0x80 {
        value = lead
        index += 1
        if value == 0x0A, previous == 0x0D { return nil }
      } else {
        if lead < 0xE0 {
          value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
          index += 2
        } else if lead < 0xF0 {
          value =
            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
            | UInt32(bytes[index + 2] & 0x3F)
          index += 3
        } else {
          value =
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
          index += 4
        }
        if !(TextFolding.isStableUnderNFKC(value) || TextFolding.isApostrophe(value))
          || !TextFolding.isOwnGrapheme(value)
        {
          return nil
        }
      }
      scalars[written] = value
      written += 1
      previous = value
    }
    return written
  }

  /// The eight bytes at `index` as one little-endian word, when there are
  /// eight and they are ASCII without a carriage return; `nil` otherwise.
  ///
  /// Most messages are ASCII, so decoding takes eight bytes at a time.
  @inline(__always)
  private static func asciiChunk(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
    guard index + 8 <= bytes.count, let base = bytes.baseAddress else { return nil }
    let chunk = UInt64(
      littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    guard chunk & highBits == 0 else { return nil }
    // A byte of `chunk ^ CR` is zero where `chunk` has a carriage return.
    let carriageReturns = chunk ^ (ones &* 0x0D)
    guard (carriageReturns &- ones) & ~carriageReturns & highBits == 0 else { return nil }
    return chunk
  }

  /// Normalises one `Character` at a time, recording where each scalar came from.
  private mutating func prepareByCharacter(_ text: String) {
    scalars.removeAll(keepingCapacity: true)
    bytes = Array(text.utf8)
    origins.reserveCapacity(bytes.count)
    var byteOffset: Int32 = 0
    var characterOffset: Int32 = 0
    for character in text {
      let length = Int32(character.utf8.count)
      let unicodeScalars = character.unicodeScalars
      var needsNormalization = false
      for scalar in unicodeScalars where !TextFolding.isStableUnderNFKC(scalar.value) {
        needsNormalization = !TextFolding.isApostrophe(scalar.value) || unicodeScalars.count > 1
        if needsNormalization { break }
      }
      func append(_ value: UInt32) {
        scalars.append(value)
        origins.append(
          Origin(
            byteStart: byteOffset, byteEnd: byteOffset + length, characterOffset: characterOffset))
      }
      if needsNormalization {
        for scalar in String(character).precomposedStringWithCompatibilityMapping.unicodeScalars {
          append(scalar.value)
        }
      } else {
        for scalar in unicodeScalars { append(scalar.value) }
      }
      byteOffset += length
      characterOffset += 1
    }
  }

  /// The `Character` offset in the message of scalar `index`.
  @inline(__always)
  func characterOffset(of index: Int) -> Int {
    origins.isEmpty ? index : Int(origins[index].characterOffset)
  }

  /// The message as written from scalar `start` up to scalar `end` (exclusive).
  func surface(from start: Int, to end: Int) -> String {
    if bytes.isEmpty {
      return ScalarString.make(scalars[start..<end])
    }
    let byteStart = Int(origins[start].byteStart)
    let byteEnd = Int(origins[end - 1].byteEnd)
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[byteStart..<byteEnd]), as: UTF8.self)
    }
  }
}
