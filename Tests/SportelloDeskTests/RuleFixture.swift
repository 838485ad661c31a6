import Foundation

/// A small real rule set written to a temporary folder: the Comune's office hours with
/// holidays, a few FAQs, the operator, subscription and small-talk intents.
enum RuleFixture {
  static let files: [String: String] = [
    "impostazioni.txt": """
    versione: fixture-1
    messaggio_operatore_in_orario: Grazie! Un operatore ti risponderà a breve.
    messaggio_operatore_fuori_orario: Grazie! Ora l'ufficio è chiuso: lo Sportello riapre {riapertura}.

    """,
    "profilo.txt": """
    # Sportello Unico, Comune di Arezzo
    orario_lunedi: 8:30-13:00
    orario_martedi: 8:30-13:00, 15:00-17:30
    orario_mercoledi: 8:30-13:00
    orario_giovedi: 8:30-13:00, 15:00-17:30
    orario_venerdi: 8:30-13:00
    orario_sabato: chiuso
    orario_domenica: chiuso
    festivi: 2026-12-08, 2026-12-25
    fuso_orario: Europe/Rome
    informativa_versione: 2026-01
    informativa_link: https://www.comune.arezzo.it/privacy-unico-online
    sito_appuntamenti: https://prenota.comune.arezzo.it

    """,
    "anagrafe/documenti.faq": """
    [anagrafe.carta_identita]
    titolo: Carta d'identità
    ufficio: anagrafe
    domande:
    - come faccio la carta d'identità
    - cm faccio x la cie?
    - ho perso la carta di identità
    parole:
    - cie, carta d'identità, carta identita, documento d'identità
    risposta: La carta d'identità si richiede su appuntamento: {sito_appuntamenti}

    [anagrafe.residenza]
    titolo: Cambio di residenza
    ufficio: anagrafe
    domande:
    - come cambio la residenza
    - mi sono trasferito, come cambio residenza
    parole:
    - residenza, trasferimento, cambio indirizzo
    risposta: Il cambio di residenza si fa online dal sito del Comune.

    """,
    "tributi/tari.faq": """
    [tributi.tari]
    titolo: TARI
    ufficio: tributi
    domande:
    - quanto costa la tari
    - come pago la tassa rifiuti
    parole:
    - tari, tassa rifiuti, spazzatura
    risposta: La TARI si paga con il modello F24 inviato a casa.

    """,
    "servizio/speciali.faq": """
    [operatore]
    titolo: Parlare con un operatore
    domande:
    - voglio parlare con un operatore
    - mi passi una persona
    parole:
    - operatore, persona, umano
    azione: operatore

    [unico.iscrizione]
    titolo: Iscrizione Unico online
    domande:
    - iscrivimi
    - voglio iscrivermi alla lista
    parole:
    - iscrivimi, iscrivermi, iscrizione
    azione: iscrizione

    [unico.cancellazione]
    titolo: Cancellazione
    domande:
    - cancellami
    - stop
    - disiscrivimi
    parole:
    - cancellami, disiscrivimi, stop
    azione: cancellazione

    [convenevoli.saluti]
    titolo: Saluti
    domande:
    - buongiorno
    - ciao
    - grazie
    parole:
    - buongiorno, ciao, grazie, salve
    risposta: Buongiorno! Scrivimi pure la tua domanda.
    azione: convenevoli

    """,
  ]

  /// Writes the rule set into `directory`.
  static func write(to directory: URL) throws {
    for (name, contents) in files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
    }
  }
}
