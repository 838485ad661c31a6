import Foundation

/// A deterministic rule set of many FAQs, written in the staff's file format, for the
/// engine's scale figures.
///
/// Shaped like a large Comune's or a region's rules: 20 offices of one file each, every
/// FAQ with a title, 8 example questions of 5 to 14 words, three keyword groups, a required
/// group, two exclusions and an answer of about 60 words with a placeholder. The words
/// come from a 20,000-word generated vocabulary: each FAQ has four topic words of its own,
/// and every question mixes them with common Italian question words and with words drawn
/// from the whole vocabulary, the frequent ones more often.
struct GeneratedRules {
  /// How many FAQs.
  let faqCount: Int

  /// The FAQs' topic words, four each.
  private let topics: [[String]]

  /// The shared vocabulary, most frequent first.
  private let vocabulary: [String]

  /// The words citizens wrap their questions in.
  private static let questionWords = [
    "come", "posso", "per", "il", "la", "di", "quando", "dove", "devo", "fare", "vorrei",
    "sapere", "un", "una", "del", "della", "con", "mi", "serve", "quanto", "costa", "cosa",
    "non", "ho", "se", "a", "che", "è", "buongiorno", "grazie",
  ]

  private static let offices = 20

  /// Generates `faqCount` FAQs.
  init(faqCount: Int) {
    self.faqCount = faqCount
    let vocabulary = TextBenchmarkData.vocabulary(count: 20_000)
    self.vocabulary = vocabulary
    topics = (0..<faqCount).map { faq in
      (0..<4).map { vocabulary[(faq * 4 + $0 + 500) % vocabulary.count] }
    }
  }

  /// Writes `profilo.txt` and one `.faq` file per office under `directory`.
  func write(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let profile = "telefono: 0575 000000\norari_sportello: lunedì-venerdì 8:30-13:00\n"
    try Data(profile.utf8).write(to: directory.appendingPathComponent("profilo.txt"))
    var generator = SplitMix(seed: 2_000)
    for office in 0..<Self.offices {
      let folder = directory.appendingPathComponent("ufficio\(office)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var text = "# FAQ generate per le misure dell'ufficio \(office).\n"
      for faq in stride(from: office, to: faqCount, by: Self.offices) {
        text += faqText(faq, office: office, generator: &generator)
      }
      try Data(text.utf8).write(to: folder.appendingPathComponent("faq.faq"))
    }
  }

  /// `count` questions in the citizens' words: an example of some FAQ with a word left out,
  /// the question words changed, and every third one with a typo in a topic word.
  func rewordedQuestions(count: Int) -> [String] {
    var generator = SplitMix(seed: 4_242)
    var questions: [String] = []
    for number in 0..<count {
      let faq = Int(generator.next() % UInt64(faqCount))
      var words = question(about: faq, generator: &generator).split(separator: " ").map(String.init)
      words.remove(at: Int(generator.next() % UInt64(words.count)))
      words.append(Self.questionWords[Int(generator.next() % UInt64(Self.questionWords.count))])
      if number % 3 == 0, let at = words.firstIndex(where: topics[faq].contains),
        words[at].count > 4
      {
        var letters = Array(words[at])
        letters.swapAt(1, 2)
        words[at] = String(letters)
      }
      questions.append(words.joined(separator: " "))
    }
    return questions
  }

  private func faqText(_ faq: Int, office: Int, generator: inout SplitMix) -> String {
    let topic = topics[faq]
    let other = topics[(faq + 7) % faqCount]
    var text = "\n[ufficio\(office).argomento_\(faq)]\n"
    text += "titolo: \(String((topic[0] + " " + topic[1]).prefix(24)))\n"
    text += "ufficio: ufficio\(office)\n"
    text += "domande:\n"
    for _ in 0..<8 { text += "- \(question(about: faq, generator: &generator))\n" }
    text += "parole:\n"
    text += "- \(topic[0]), \(topic[1]) \(topic[2])\n"
    text += "- \(topic[2]), \(topic[3]), \(commonWord(&generator))\n"
    text += "- \(commonWord(&generator)), \(commonWord(&generator))\n"
    text += "richiede:\n- \(topic[0]), \(topic[1]), \(topic[2]), \(topic[3])\n"
    text += "escludi:\n- \(other[0]) \(other[1])\n- \(other[3])\n"
    text += "risposta:\n"
    text += "> Per *\(topic[0]) \(topic[1])* rivolgiti all'ufficio \(office): "
    text += (0..<24).map { _ in commonWord(&generator) }.joined(separator: " ") + ".\n>\n"
    text += "> Porta *\(topic[2])* e *\(topic[3])*; "
    text += (0..<30).map { _ in commonWord(&generator) }.joined(separator: " ")
    text += ". Informazioni: {telefono}.\n"
    return text
  }

  private func question(about faq: Int, generator: inout SplitMix) -> String {
    let length = 5 + Int(generator.next() % 10)
    var words: [String] = []
    for position in 0..<length {
      switch generator.next() % 10 {
      case 0...3: words.append(topics[faq][Int(generator.next() % 4)])
      case 4...7 where position > 0:
        words.append(Self.questionWords[Int(generator.next() % UInt64(Self.questionWords.count))])
      default: words.append(commonWord(&generator))
      }
    }
    return words.joined(separator: " ")
  }

  /// A vocabulary word, the first ones far more often (the square of a uniform draw).
  private func commonWord(_ generator: inout SplitMix) -> String {
    let uniform = Double(generator.next() % 1_000_000) / 1_000_000
    return vocabulary[Int(uniform * uniform * Double(vocabulary.count - 1))]
  }
}
