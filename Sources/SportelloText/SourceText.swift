import Foundation

/// A message prepared for scanning: its scalars after NFKC, and the way back
/// from each scalar to the message as written (byte range and `Character`
/// offset).
///
/// Most messages are plain ASCII or Latin-1 letters, where NFKC changes nothing
/// and every scalar is its own `Character`; they skip normalisation and the
/// `Character` walk entirely. Other messages are normalised one `Character` at
/// a time, which keeps the way back exact.
struct SourceText {
  /// The scalars to scan, after NFKC (not yet lowercased).
  var scalars: [UInt32] = []

  /// The message's UTF-8 bytes, for surfaces.
  let bytes: [UInt8]

  /// Byte start of each scalar's source; empty when the message is ASCII.
  private var byteStarts: [Int32] = []

  /// Byte end of each scalar's source; empty when it is the next scalar's start.
  private var byteEnds: [Int32] = []

  /// `Character` offset of each scalar's source; empty when it is the scalar's index.
  private var characterOffsets: [Int32] = []

  /// Prepares `text`.
  ///
  /// - Complexity: O(*n*).
  init(_ text: String) {
    bytes = Array(text.utf8)
    scalars.reserveCapacity(bytes.count)
    var isASCII = true
    var isSimple = true
    var previous: UInt32 = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x80 {
        isASCII = false
        if !TextFolding.isStableUnderNFKC(value) && !TextFolding.isApostrophe(value)
          || !TextFolding.isOwnGrapheme(value)
        {
          isSimple = false
          break
        }
      } else if value == 0x0A, previous == 0x0D {
        isSimple = false
        break
      }
      scalars.append(value)
      previous = value
    }
    if isSimple {
      if !isASCII { mapSimpleBytes() }
    } else {
      prepareByCharacter(text)
    }
  }

  /// Records byte starts for a simple, non-ASCII message.
  private mutating func mapSimpleBytes() {
    byteStarts.reserveCapacity(scalars.count + 1)
    var offset: Int32 = 0
    for value in scalars {
      byteStarts.append(offset)
      offset += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }
    byteStarts.append(offset)
  }

  /// Normalises one `Character` at a time, recording where each scalar came from.
  private mutating func prepareByCharacter(_ text: String) {
    scalars.removeAll(keepingCapacity: true)
    byteStarts.reserveCapacity(bytes.count)
    byteEnds.reserveCapacity(bytes.count)
    characterOffsets.reserveCapacity(bytes.count)
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
        byteStarts.append(byteOffset)
        byteEnds.append(byteOffset + length)
        characterOffsets.append(characterOffset)
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
    characterOffsets.isEmpty ? index : Int(characterOffsets[index])
  }

  /// The message as written from scalar `start` up to scalar `end` (exclusive).
  func surface(from start: Int, to end: Int) -> String {
    let byteStart: Int
    let byteEnd: Int
    if byteStarts.isEmpty {
      byteStart = start
      byteEnd = end
    } else if byteEnds.isEmpty {
      byteStart = Int(byteStarts[start])
      byteEnd = Int(byteStarts[end])
    } else {
      byteStart = Int(byteStarts[start])
      byteEnd = Int(byteEnds[end - 1])
    }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[byteStart..<byteEnd]), as: UTF8.self)
    }
  }
}
