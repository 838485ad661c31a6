/// Messages that NFKC leaves as they are but where some scalars join into one
/// `Character`: an emoji with a skin tone or a variation selector (`👍🏻`,
/// `❤️`), a flag, a keycap, a ZWJ sequence, CR LF. They are common in WhatsApp
/// messages.
extension SourceText {
  /// The tables ``init(normalizing:)`` would build for `text`, when no scalar of
  /// it needs normalising; `nil` otherwise.
  ///
  /// Between two scalars that each make a `Character` of their own in any
  /// context (``TextFolding/isOwnGrapheme(_:)``), Unicode always breaks; so
  /// only the short stretches around joining scalars are walked `Character` by
  /// `Character`, with Swift's own grapheme breaking, and every `Character`
  /// there is made only of scalars NFKC leaves alone, so the scalars are the
  /// message's own. The rest is decoded as plain scalars.
  ///
  /// - Complexity: O(*n*).
  static func joining(_ text: String) -> SourceText? {
    let bytes = Array(text.utf8)
    // Where each scalar's bytes start, and one more entry for the end.
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: bytes.count + 1) {
      byteStarts in
      var isJoinable = true
      let scalars = [UInt32](unsafeUninitializedCapacity: bytes.count) { scalars, count in
        var index = 0
        var written = 0
        while index < bytes.count {
          let lead = UInt32(bytes[index])
          if lead < 0x80 {
            // ASCII is plain; CR LF is told apart later.
            scalars[written] = lead
            byteStarts[written] = Int32(index)
            written += 1
            index += 1
            continue
          }
          let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
          var value = lead & (0xFF >> (length + 1))
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          let isPlain =
            (TextFolding.isStableUnderNFKC(value) || TextFolding.isApostrophe(value))
            && TextFolding.isOwnGrapheme(value)
          guard isPlain || isJoining(value) else {
            isJoinable = false
            break
          }
          scalars[written] = value
          byteStarts[written] = Int32(index)
          written += 1
          index += length
        }
        byteStarts[written] = Int32(bytes.count)
        count = written
      }
      guard isJoinable else { return nil }
      return joining(scalars: scalars, bytes: bytes, byteStarts: byteStarts)
    }
  }

  /// ``joining(_:)`` once the scalars are decoded, `byteStarts` giving where
  /// each one's bytes start (and, one past them, where the last one ends).
  private static func joining(
    scalars: [UInt32], bytes: [UInt8], byteStarts: UnsafeMutableBufferPointer<Int32>
  ) -> SourceText? {
    let count = scalars.count
    /// Whether scalar `index` may join the one before it (CR LF included).
    func joinsBefore(_ index: Int) -> Bool {
      isJoining(scalars[index]) || scalars[index] == 0x0A && index > 0 && scalars[index - 1] == 0x0D
    }
    var origins = [Origin](
      repeating: Origin(byteStart: 0, byteEnd: 0, characterOffset: 0), count: count)
    let isExact = origins.withUnsafeMutableBufferPointer { origins in
      var characterOffset: Int32 = 0
      var start = 0
      while start < count {
        guard start + 1 < count, joinsBefore(start + 1) || joinsBefore(start) else {
          origins[start] = Origin(
            byteStart: byteStarts[start], byteEnd: byteStarts[start + 1],
            characterOffset: characterOffset)
          characterOffset += 1
          start += 1
          continue
        }
        // The stretch runs to the next boundary between two scalars neither
        // of which joins: Unicode breaks there whatever came before.
        var end = start + 1
        while end < count, joinsBefore(end) || joinsBefore(end - 1) { end += 1 }
        for scalar in scalars[start..<end]
        where !TextFolding.isStableUnderNFKC(scalar) && !isJoining(scalar) {
          // An apostrophe kept only because it stands alone; with a
          // neighbour in its Character, normalising by Character would
          // change it.
          return false
        }
        let stretchStart = Int(byteStarts[start])
        let stretch = String(decoding: bytes[stretchStart..<Int(byteStarts[end])], as: UTF8.self)
        var byteOffset = Int32(stretchStart)
        var scalar = start
        for character in stretch {
          let length = Int32(character.utf8.count)
          for _ in character.unicodeScalars {
            origins[scalar] = Origin(
              byteStart: byteOffset, byteEnd: byteOffset + length,
              characterOffset: characterOffset)
            scalar += 1
          }
          byteOffset += length
          characterOffset += 1
        }
        start = end
      }
      return true
    }
    guard isExact else { return nil }
    return SourceText(scalars: scalars, bytes: bytes, origins: origins)
  }

  /// Whether the scalar joins the scalar before it into one `Character` and
  /// NFKC leaves it as it is: the zero-width joiner, variation selectors, skin
  /// tones, the keycap mark, tags, and regional indicators (which pair up).
  private static func isJoining(_ value: UInt32) -> Bool {
    switch value {
    case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F, 0x1F1E6...0x1F1FF:
      return true
    default:
      return false
    }
  }
}
