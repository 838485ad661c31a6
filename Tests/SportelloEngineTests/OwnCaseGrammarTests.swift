import Foundation
import Testing

@testable import SportelloEngine

/// Messages about the citizen's own file in the citizen's own words go to a person;
/// general questions with the same words do not.
@Suite struct OwnCaseGrammarTests {
  private func decide(_ message: String) throws -> Decision {
    try #require(FixtureRules.matcher).decide(
      message, now: FixtureRules.mondayMorning, explains: true)
  }

  @Test(arguments: [
    ("scusate il mio passaporto è pronto?", "'mio' with 'pronto'"),
    ("è stata registrata la nascita di mio figlio?", "'stata registrat*'"),
    ("mio figlio è in graduatoria per il nido?", "'mio' with 'graduatoria'"),
    ("avete ricevuto la mia pec per il cambio di residenza?", "'avete ricevuto'"),
    ("vi ho inviato i documenti, li avete visti?", "'ho inviato'"),
    ("lo avete già rinnovato il permesso ztl?", "'avete rinnovato'"),
    ("la tessera elettorale nuova l'avete fatta?", "'avete fatta'"),
    ("mi confermate l'appuntamento di giovedì alle 10?", "'mi confermate'"),
    ("sono 3 mesi che aspetto la risposta per il nido", "'aspetto'"),
    ("sono due settimane che ho prenotato e nessuno è venuto", "'sono due settimane che'"),
    ("il vigile per la residenza non è ancora passato", "'non … ancora passato'"),
    ("non è ancora stata spedita la tessera", "'non … ancora spedita'"),
    ("ancora niente per la cittadinanza", "'ancora niente'"),
    ("la ricarica della mensa di ieri non risulta", "'non risulta'"),
    ("siamo in posizione 14 per il nido", "'posizione 14'"),
    ("mi hanno bocciato la richiesta di riduzione, perché?", "'mi hanno bocciato'"),
    ("ho pagato due volte la rata, rivoglio i soldi", "'pagato due volte'"),
    ("l'assistente sociale doveva venire giovedì", "'doveva venire'"),
    ("in che posizione è mia figlia?", "'in che posizione'"),
    ("siamo al posto 12 della graduatoria del nido", "'posto 12'"),
    ("perche mi e arrivata questa multa? ero a roma", "'mi e arrivata' with 'perché'"),
    ("perché mi è arrivata la tari?", "'mi è arrivata' with 'perché'"),
    ("la tari mi e arrivata doppia", "'mi e arrivata' with 'doppia'"),
  ])
  func ownCaseInTheCitizensWords(message: String, evidence: String) throws {
    let decision = try decide(message)
    #expect(decision.outcome == .handover, "\(message)")
    #expect(decision.handoverReason == .ownCase, "\(message)")
    #expect(decision.explanation.reason.hasSuffix(evidence), "\(decision.explanation.reason)")
  }

  @Test(arguments: [
    "la mia carta d'identità è scaduta, come la rinnovo?",
    "ho ricevuto la mia prima multa, come pago?",
    "quando è pronta la carta d'identità dopo la richiesta?",
    "le iscrizioni al nido non sono ancora aperte?",
    "non ho ancora capito come si paga la tari",
    "avete trovato un portafoglio marrone?",
    "avete cambiato gli orari dello sportello?",
    "sono 10 anni che abito ad arezzo, posso avere la cittadinanza?",
    "aspetto un bambino, come registro la nascita?",
    "confermate che la tari scade il 16?",
    "quanti giorni ci vogliono per la residenza?",
    "devo aspettare molto per il passaporto?",
    "mi hanno rubato il portafoglio con la carta d'identità, come la rifaccio?",
    "mi hanno detto di scrivere qui per sapere come si paga la tari",
    "mi è arrivata una multa, come la pago?",
    "ho trovato posto 3 in via roma, serve il permesso?",
    "perché la tari è così alta quest'anno?",
    "ho cambiato macchina, devo aggiornare la targa sul permesso?",
    "mi sono arrivate due multe, come le pago?",
    "mi hanno notificato il decreto di cittadinanza, il giuramento come funziona?",
    "ma io non ho capito, il sacco dell'indifferenziato quando si mette?",
    "ma io posso rinnovare la carta d'identità se non sono residente?",
    "scadenza iscrizione mensa elementari anno 2027/28?",
    "mi ha detto l'impiegata di scrivere qui, come si paga la tari?",
    "mi hanno lasciato un foglietto sul parabrezza, è già la multa?",
    "dopo che ho chiesto la residenza passa il vigile a controllare?",
    "chiedo le modalità dell'accesso ai documenti ex L. 241/1990",
    "mi è arrivato un verbale ma guidava mio figlio, cosa devo fare per i punti?",
    "ieri mi hanno fregato il portafoglio con la carta d'identità, come la rifaccio?",
    "abitiamo da mia sorella, posso fare la residenza da lei anche se la casa non è mia?",
  ])
  func generalQuestionsWithTheSameWordsAreNot(message: String) throws {
    let decision = try decide(message)
    #expect(decision.handoverReason != .ownCase, "\(message): \(decision.explanation.reason)")
  }

  @Test(arguments: [
    ("la richiesta di suolo pubblico del 20 e stata autorizzata?", "'stata autorizzat*'"),
    ("ho l'appuntamento giovedì alle 10, e confermato?", "'e confermat*'"),
    ("ho ricaricato la mensa ma il saldo e ancora a zero", "'ancora a zero'"),
    ("il microchip del cane risulta ancora del vecchio padrone", "'risulta ancora'"),
    ("ci sono multe a mio nome?", "'a mio nome'"),
    ("il contributo che ho chiesto quando arriva?", "'che ho chiesto'"),
    ("l'affitto quando me lo pagate?", "'me lo pagate'"),
    ("non mi ha richiamato nessuno", "'non mi ha richiamat*'"),
    ("ho perso un anello, per caso ve l'hanno portato?", "'ve l hanno'"),
    ("mi conviene pagare la multa o fare ricorso?", "'mi conviene'"),
    ("il microchip me lo controllate?", "'lo controllate'"),
    ("il vigile e passato per la residenza?", "'vigile e passato'"),
    ("il muro del vicino è abusivo, venite a controllare", "'venite a controllare'"),
    ("il contrassegno scade domani e il nuovo ancora non c'è", "'ancora non ci è'"),
    ("mi hanno tolto la dieta speciale, perché?", "'mi hanno tolto'"),
    ("il permesso ztl della targa FG123XY è ancora valido?", "plate 'FG123XY'"),
    ("l'atto di nascita di mia figlia è stato trascritto?", "'stato trascritt*'"),
    ("siamo tra gli ammessi al nido?", "'tra gli ammessi'"),
    ("il pagamento pagopa è andato in errore", "'andato in errore'"),
    ("mi è arrivato un sms per una multa, è una truffa?", "'è una truffa'"),
    ("dovevano passare stamani per gli ingombranti", "'dovevano passare'"),
    ("mi sono arrivati due avvisi tari uguali", "'mi sono arrivati' with 'uguali'"),
    ("è arrivata una multa della ztl ma io il permesso ce l'avevo!", "'ma io'"),
    ("la mensa mi ha addebitato 8 pasti ma il bimbo era malato", "'mi ha addebitato'"),
    ("stamani lo scuolabus un è passato a prendere il mi' figliolo", "'un è passat*'"),
    ("il ritiro ingombranti prenotato per oggi non è passato", "'non è passat*'"),
    ("come mai mi chiedete 80 euro di imu?", "'come mai'"),
    ("quanto devo pagare io di tari quest'anno?", "'devo pagare io'"),
    ("ho pagato la multa ieri, vi mando la ricevuta qui?", "'vi mando'"),
    ("la luce votiva è spenta e io l'ho pagata a gennaio", "'io l ho'"),
    ("l'appuntamento è annullato, cosa è successo?", "'cosa è successo'"),
    ("la multa non la pago, l'auto l'avevo venduta", "'non la pago'"),
    ("il sollecito della multa? l'ho già pagata!", "'già pagat*'"),
    ("il contributo che mi avevano detto quando arriva?", "'mi avevano detto'"),
    ("2 ore di fila all'anagrafe, è una vergogna", "'vergogna'"),
    ("il camion della plastica non passa, è la terza volta", "'la terza volta'"),
    ("quando mi arriva il permesso ztl? ho pagato", "'quando mi arriva'"),
    (
      "in mensa gli hanno dato la pasta normale, chi è il responsabile?",
      "'chi è il responsabile'"
    ),
    ("il materasso l'hanno lasciato lì", "'l hanno lasciat*'"),
    ("il cane che ho portato al canile è stato adottato?", "'stato adottat*'"),
    ("sono indietro con la retta del nido, posso pagare a rate?", "'sono indietro'"),
    ("la mia carta d'identità quando arriva?", "'mia' with 'arriva'"),
    ("nell'atto di nascita di mio figlio c'è la data sbagliata", "'mio' with 'sbagliata'"),
    ("ho vinto il ricorso, quando mi ridate i soldi?", "'mi ridate'"),
    ("ho chiesto il contrassegno a giugno, è pronto?", "'ho chiesto'"),
    ("siamo in lista d'attesa al nido, a che posto è mio figlio?", "'a che posto'"),
    ("ho cambiato residenza ma la tari arriva ancora al vecchio indirizzo", "'arriva ancora'"),
    ("la lampada votiva è spenta e io la pago regolarmente", "'io la pago'"),
    ("una cartella per una multa che io ho pagato", "'io ho pagat*'"),
    ("sono in regola con la tari?", "'sono in regola'"),
    ("quante multe ho da pagare?", "'ho da pagare'"),
    ("la carta d'identità doveva arrivarmi 10 giorni fa", "'doveva arrivar*'"),
    ("il ritiro era per stamattina e il divano è ancora lì", "'è ancora lì'"),
    ("sono al 14° posto in graduatoria nido, quante possibilità ho?", "'14 posto'"),
  ])
  func fixedPhrasesOfTheCitizensFile(message: String, evidence: String) throws {
    let decision = try decide(message)
    #expect(decision.handoverReason == .ownCase, "\(message)")
    #expect(decision.explanation.reason.hasSuffix(evidence), "\(decision.explanation.reason)")
  }

  @Test(arguments: [
    ("2027/28", true), ("2026/2027", true), ("2026-27", true), ("1999/00", true),
    ("2027/29", false), ("2026/2028", false), ("12345/2026", false), ("2027/283", false),
    ("88123", false),
  ])
  func schoolYearsAreNoReference(text: String, isSchoolYear: Bool) {
    #expect(OwnCaseDetector.isSchoolYear(text) == isSchoolYear, "\(text)")
  }
}
