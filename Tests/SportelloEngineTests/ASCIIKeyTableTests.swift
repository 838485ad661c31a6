import Testing

@testable import SportelloEngine

@Suite struct ASCIIKeyTableTests {
  @Test func findsTheValueOfEveryStoredKeyAndNoOther() {
    var table = ASCIIKeyTable()
    table.insert("cart", value: 3)
    table.insert("ident", value: 7)
    table.insert("", value: 9)
    #expect(table.value(of: "cart") == 3)
    #expect(table.value(of: "ident") == 7)
    #expect(table.value(of: "") == 9)
    #expect(table.value(of: "carta") == nil)
    #expect(table.value(of: "car") == nil)
    #expect(table.count == 3)
  }

  @Test func aKeyStoredTwiceKeepsItsFirstValue() {
    var table = ASCIIKeyTable()
    table.insert("tari", value: 1)
    table.insert("tari", value: 2)
    #expect(table.value(of: "tari") == 1)
    #expect(table.count == 1)
  }

  @Test func keysThatAreNotASCIIAreLeftOut() {
    var table = ASCIIKeyTable()
    table.insert("perché", value: 4)
    #expect(table.value(of: "perché") == nil)
    #expect(table.count == 0)
  }

  @Test func keysLongerThanOneHashWordAreTellApart() {
    var table = ASCIIKeyTable()
    table.insert("abcdefgh1", value: 1)
    table.insert("abcdefgh2", value: 2)
    table.insert("abcdefghijklmnopqrstuvwxyz", value: 3)
    #expect(table.value(of: "abcdefgh1") == 1)
    #expect(table.value(of: "abcdefgh2") == 2)
    #expect(table.value(of: "abcdefghijklmnopqrstuvwxyz") == 3)
    #expect(table.value(of: "abcdefgh") == nil)
  }

  @Test func growingKeepsEveryKey() {
    var table = ASCIIKeyTable()
    for number in 0..<10_000 { table.insert("term\(number)", value: Int32(number)) }
    #expect(table.count == 10_000)
    #expect((0..<10_000).allSatisfy { table.value(of: "term\($0)") == Int32($0) })
    #expect(table.value(of: "term10000") == nil)
  }
}

@Suite struct TermTableTests {
  @Test func numbersNamesInOrderOfFirstUseAndFindsThemAgain() {
    var table = TermTable()
    #expect(table.intern("cart", isStop: false) == 0)
    #expect(table.intern("perché", isStop: true) == 1)
    #expect(table.intern("cart", isStop: true) == 0)
    #expect(table.intern("perché", isStop: true) == 1)
    #expect(table.id(of: "cart") == 0)
    #expect(table.id(of: "perché") == 1)
    #expect(table.id(of: "carta") == nil)
    #expect(table.names == ["cart", "perché"])
  }

  @Test func aTermIsAStopWordOnlyWhileEveryUseIsOne() {
    var table = TermTable()
    _ = table.intern("di", isStop: true)
    #expect(table.isStop == [true])
    _ = table.intern("di", isStop: false)
    _ = table.intern("di", isStop: true)
    #expect(table.isStop == [false])
  }

  @Test func canonicallyEquivalentSpellingsAreOneTerm() {
    // "K" and the Kelvin sign are one string for Swift: the term table agrees, whichever
    // spelling comes first, and then answers for both.
    var table = TermTable()
    let kelvin = "\u{212A}m"
    #expect(table.intern(kelvin, isStop: false) == 0)
    #expect(table.intern("Km", isStop: false) == 0)
    #expect(table.id(of: "Km") == 0)
    #expect(table.id(of: kelvin) == 0)
    #expect(table.names.count == 1)
  }
}
