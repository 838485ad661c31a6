/// Builds strings from Unicode scalar values without going through `Character`.
enum ScalarString {
  /// The string made of `scalars`, which must be valid Unicode scalar values.
  ///
  /// - Complexity: O(*n*); one allocation for strings longer than 15 UTF-8 bytes.
  static func make<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
    var byteCount = 0
    for value in scalars {
      byteCount += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }
    return String(unsafeUninitializedCapacity: byteCount) { buffer in
      var index = 0
      for value in scalars {
        if value < 0x80 {
          buffer[index] = UInt8(value)
          index += 1
        } else if value < 0x800 {
          buffer[index] = UInt8(0xC0 | (value >> 6))
          buffer[index + 1] = UInt8(0x80 | (value & 0x3F))
          index += 2
        } else if value < 0x10000 {
          buffer[index] = UInt8(0xE0 | (value >> 12))
          buffer[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
          buffer[index + 2] = UInt8(0x80 | (value & 0x3F))
          index += 3
        } else {
          buffer[index] = UInt8(0xF0 | (value >> 18))
          buffer[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
          buffer[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
          buffer[index + 3] = UInt8(0x80 | (value & 0x3F))
          index += 4
        }
      }
      return index
    }
  }

  /// The string made of `scalars`, which must be valid Unicode scalar values.
  ///
  /// Plain ASCII, most of what the analyzer makes, is copied byte for byte.
  ///
  /// - Complexity: O(*n*); one allocation for strings longer than 15 UTF-8 bytes.
  static func make(_ scalars: UnsafeBufferPointer<UInt32>) -> String {
    var combined: UInt32 = 0
    for value in scalars { combined |= value }
    guard combined < 0x80 else { return make(scalars[...]) }
    return String(unsafeUninitializedCapacity: scalars.count) { buffer in
      for (index, value) in scalars.enumerated() {
        buffer[index] = UInt8(truncatingIfNeeded: value)
      }
      return scalars.count
    }
  }

  /// The Unicode scalar values of `text`.
  static func scalars(of text: String) -> [UInt32] {
    var values: [UInt32] = []
    values.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      values.append(scalar.value)
    }
    return values
  }
}
