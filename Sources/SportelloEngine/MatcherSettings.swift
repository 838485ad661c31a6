/// The matcher's thresholds and the bot's own messages, from impostazioni.txt.
///
/// Every value has a built-in default, so the file is optional.
public struct MatcherSettings: Sendable, Equatable {
  /// The rule set's version (`versione`); nil means a hash of the files' contents.
  public var version: String?

  /// The minimum score to answer automatically (`soglia_risposta`, 0...1).
  public var answerThreshold: Double = 0.55

  /// The minimum lead of the best candidate over the runner-up to answer (`margine`).
  public var margin: Double = 0.05

  /// The minimum score of a candidate offered in a "which one?" menu (`soglia_scelta`).
  public var choiceThreshold: Double = 0.35

  /// How long a "which one?" question stays pending, in minutes (`scadenza_scelta_minuti`).
  public var choiceExpiryMinutes: Int = 10

  /// Above this probability of a person's case, the learned model hands over an answer
  /// (`soglia_appreso_operatore`, 0...1; 1 switches it off).
  public var learnedHandoverThreshold: Double = 0.5

  /// Above this probability, the learned model answers a "which one?" question whose first
  /// option is its likeliest intent (`soglia_appreso_risposta`, 0...1; 1 switches it off).
  public var learnedAnswerThreshold: Double = 0.5

  /// The bot's messages by template key, such as `messaggio_scelta`.
  public var templates: [String: String] = MatcherSettings.defaultTemplates

  /// Creates settings with the defaults.
  public init() {}

  /// How long a "which one?" question stays pending, in seconds.
  public var choiceExpiry: Double { Double(choiceExpiryMinutes) * 60 }

  /// The template keys, with the placeholders each may use besides the profile's.
  public static let templatePlaceholders: [String: Set<String>] = [
    "messaggio_scelta": ["opzioni"],
    "messaggio_conferma": ["opzione"],
    "messaggio_operatore_in_orario": [],
    "messaggio_operatore_fuori_orario": ["riapertura"],
    "messaggio_non_testo": [],
    "messaggio_iscrizione": [],
    "messaggio_cancellazione": [],
  ]

  /// The built-in messages, in Italian.
  public static let defaultTemplates: [String: String] = [
    "messaggio_scelta": "Intendi: {opzioni}? Rispondi con il numero, 0 per un operatore",
    "messaggio_conferma": "Intendi *{opzione}*? Rispondi *sì*, oppure *0* per un operatore",
    "messaggio_operatore_in_orario":
      "Grazie, ho passato il tuo messaggio a una persona dello Sportello Unico: ti risponderà "
      + "qui il prima possibile.",
    "messaggio_operatore_fuori_orario":
      "Grazie, ho passato il tuo messaggio a una persona dello Sportello Unico. Ora l'ufficio è "
      + "chiuso: ti risponderemo qui da {riapertura}.",
    "messaggio_non_testo":
      "Per ora leggo solo messaggi di testo: scrivimi la tua domanda in un messaggio, per favore.",
    "messaggio_iscrizione":
      "Fatto! Sei iscritto alla lista di Unico online: riceverai qui le notizie del Comune. "
      + "Per uscire scrivi *Cancellami*.",
    "messaggio_cancellazione":
      "Fatto: non riceverai più le notizie di Unico online. Per tornare scrivi *Iscrivimi*.",
  ]

  /// Keys that are not templates.
  static let numericKeys = [
    "soglia_risposta", "margine", "soglia_scelta", "scadenza_scelta_minuti",
    "soglia_appreso_operatore", "soglia_appreso_risposta",
  ]

  /// Every key of impostazioni.txt.
  static var allKeys: [String] { ["versione"] + numericKeys + templatePlaceholders.keys.sorted() }

  /// Reads impostazioni.txt's text.
  static func parse(_ text: String, path: String) -> (MatcherSettings, KeyValueFile, [Diagnostic]) {
    let file = KeyValueFile.parse(text, path: path)
    var diagnostics = file.diagnostics
    var settings = MatcherSettings()
    func report(_ line: Int, _ column: Int, _ message: String) {
      diagnostics.append(
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
    }
    for entry in file.entries {
      let start = entry.valueLines.first ?? (entry.line, entry.column)
      switch entry.key {
      case "versione":
        settings.version = entry.value.isEmpty ? nil : entry.value
      case "soglia_risposta", "margine", "soglia_scelta", "soglia_appreso_operatore",
        "soglia_appreso_risposta":
        guard let number = Double(entry.value.replacingOccurrences(of: ",", with: ".")),
          (0...1).contains(number)
        else {
          report(
            start.line, start.column,
            "invalid value '\(entry.value)' for '\(entry.key)': "
              + "expected a number from 0 to 1")
          continue
        }
        switch entry.key {
        case "soglia_risposta": settings.answerThreshold = number
        case "margine": settings.margin = number
        case "soglia_appreso_operatore": settings.learnedHandoverThreshold = number
        case "soglia_appreso_risposta": settings.learnedAnswerThreshold = number
        default: settings.choiceThreshold = number
        }
      case "scadenza_scelta_minuti":
        guard let minutes = Int(entry.value), (1...10_080).contains(minutes) else {
          report(
            start.line, start.column,
            "invalid value '\(entry.value)' for '\(entry.key)': "
              + "expected whole minutes from 1 to 10080")
          continue
        }
        settings.choiceExpiryMinutes = minutes
      default:
        guard templatePlaceholders[entry.key] != nil else {
          report(
            entry.line, entry.column,
            "unknown key '\(entry.key)'"
              + Suggestion.phrase(for: entry.key, in: allKeys))
          continue
        }
        if entry.value.allSatisfy(\.isWhitespace) {
          report(entry.line, entry.column, "empty message for '\(entry.key)'")
          continue
        }
        settings.templates[entry.key] = entry.value
      }
    }
    return (settings, file, diagnostics)
  }
}
