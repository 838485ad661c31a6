/// The contents of sinonimi.txt: concepts, chat-speak abbreviations, protected words and
/// stop words.
///
///     [sinonimi]
///     cie = carta d'identità elettronica = carta identità = documento d'identità
///     [abbreviazioni]
///     cdi = carta d'identità
///     [protette]
///     CUDE, SUAP, CILA, SCIA
///     [parole_vuote]
///     the, please, where
///     [altri_comuni]
///     Cortona, Montevarchi, Castiglion Fiorentino
///     [parole_generiche]
///     aiuto, informazioni, documento
public struct Synonyms: Sendable, Equatable {
  /// Concepts: each lists equivalent phrases, the first being the concept's name.
  public var concepts: [[String]] = []

  /// Abbreviations to expand, lowercase abbreviation to expansion.
  public var abbreviations: [String: String] = [:]

  /// Words never stemmed or corrected, lowercase.
  public var protectedWords: [String] = []

  /// Words that say nothing about what a message asks, lowercase, added to the built-in
  /// Italian stop words: they weigh little and are never corrected as typos.
  public var stopWords: [String] = []

  /// Other Comuni, lowercase, possibly of several words: a message about one of their
  /// offices or rules goes to a person. Their words are never corrected as typos.
  public var otherComunes: [String] = []

  /// Words that ask for something without saying what, lowercase: a message of only these
  /// (`aiuto`, `mi serve un documento`) goes to a person, who asks what it is about.
  public var genericWords: [String] = []

  /// Creates an empty set of synonyms.
  public init() {}

  /// The section names.
  static let sections = [
    "sinonimi", "abbreviazioni", "protette", "parole_vuote", "altri_comuni", "parole_generiche",
  ]

  /// Reads sinonimi.txt's text.
  static func parse(_ text: String, path: String) -> (Synonyms, [Diagnostic]) {
    var synonyms = Synonyms()
    var diagnostics: [Diagnostic] = []
    var section: String?
    func report(_ line: Int, _ column: Int, _ message: String) {
      diagnostics.append(
        Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
    }
    for line in RuleLine.lines(of: text) {
      if case .ignorable = line.kind { continue }
      if case .header(let name, let column, let isClosed) = line.kind {
        guard isClosed, Synonyms.sections.contains(name) else {
          report(
            line.number, column,
            "unknown section '[\(name)]'"
              + Suggestion.phrase(for: name, in: Synonyms.sections))
          section = nil
          continue
        }
        section = name
        continue
      }
      guard let section else {
        report(
          line.number, line.column,
          "line outside a section: start with '[sinonimi]', "
            + "'[abbreviazioni]', '[protette]', '[parole_vuote]', '[altri_comuni]' or "
            + "'[parole_generiche]'")
        continue
      }
      let content = line.content.hasPrefix("-") ? String(line.content.dropFirst()) : line.content
      switch section {
      case "protette", "parole_vuote", "altri_comuni", "parole_generiche":
        for word in content.split(separator: ",") {
          let trimmed = word.trimmed().lowercased()
          guard !trimmed.isEmpty else { continue }
          switch section {
          case "protette": synonyms.protectedWords.append(trimmed)
          case "parole_vuote": synonyms.stopWords.append(trimmed)
          case "altri_comuni": synonyms.otherComunes.append(trimmed)
          default: synonyms.genericWords.append(trimmed)
          }
        }
      default:
        let phrases = content.split(separator: "=", omittingEmptySubsequences: false)
          .map { $0.trimmed() }
        if phrases.contains(where: \.isEmpty) || phrases.count < 2 {
          report(
            line.number, line.column,
            section == "sinonimi"
              ? "expected 'phrase = phrase [= phrase ...]' with no empty phrase"
              : "expected 'abbreviation = expansion'")
          continue
        }
        if section == "sinonimi" {
          synonyms.concepts.append(phrases)
        } else if phrases.count == 2 {
          synonyms.abbreviations[phrases[0].lowercased()] = phrases[1]
        } else {
          report(line.number, line.column, "expected 'abbreviation = expansion'")
        }
      }
    }
    return (synonyms, diagnostics)
  }
}
