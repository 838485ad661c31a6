import Testing

@testable import SportelloEvaluation

@Suite struct TitleMakerTests {
  @Test(arguments: [
    ("Come posso pagare la bolletta dell'acqua?", "Pagare la bolletta"),
    ("Cosa devo fare per attivare un nuovo contatore della luce?", "Attivare un nuovo"),
    ("Orari dello sportello", "Orari dello sportello"),
    ("Quando passa il camion per la raccolta del vetro?", "Passa il camion"),
    ("È possibile rateizzare una bolletta molto alta?", "Rateizzare una bolletta"),
    ("Precipitevolissimevolmente?", "Precipitevolissimevolmen"),
    ("Come?", "Come"),
  ])
  func titleKeepsWholeWordsWithinTwentyFourCharacters(question: String, title: String) {
    let made = TitleMaker.title(from: question)
    #expect(made == title)
    #expect(made.count <= 24)
  }
}
