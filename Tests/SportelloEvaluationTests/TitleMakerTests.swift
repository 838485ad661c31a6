import Testing

@testable import SportelloEvaluation

@Suite struct TitleMakerTests {
  @Test(arguments: [
    ("Come posso pagare la bolletta dell'acqua?", "Pagare la bolletta"),
    ("Quali sono gli orari degli sportelli?", "Orari degli sportelli"),
    ("Cosa devo fare se sento odore di gas?", "Sento odore di gas"),
    ("Perché manca l'acqua nella mia zona?", "Manca l'acqua"),
    ("Che cos'è il deposito cauzionale in bolletta?", "Deposito cauzionale"),
    ("Come faccio un reclamo?", "Reclamo"),
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
