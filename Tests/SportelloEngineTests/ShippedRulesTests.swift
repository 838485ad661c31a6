import Foundation
import Testing

@testable import SportelloEngine

/// The Comune's shipped rules (Rules/) and recorded questions (Corpus/).
@Suite struct ShippedRulesTests {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let result = RuleSet.load(from: root.appendingPathComponent("Rules"))

  /// One recorded question: the acceptable intents (empty: must not be answered).
  struct Case {
    var location: String
    var expected: Set<String>
    var message: String
  }

  /// Reads every `*.tsv` in Corpus/ (`expected<TAB>message`, `#` comments, `-` for none).
  static func corpus() throws -> [Case] {
    let directory = root.appendingPathComponent("Corpus")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".tsv") }.sorted()
    var cases: [Case] = []
    for file in files {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.split(
        omittingEmptySubsequences: false, whereSeparator: \.isNewline
      )
      .enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        let fields = line.split(separator: "\t", maxSplits: 1)
        guard fields.count == 2 else { continue }
        let expected = fields[0] == "-" ? [] : Set(fields[0].split(separator: "|").map(String.init))
        cases.append(
          Case(location: "\(file):\(number + 1)", expected: expected, message: String(fields[1])))
      }
    }
    return cases
  }

  @Test func shippedRulesLintWithoutErrors() {
    let errors = Self.result.diagnostics.filter(\.isError).map(\.description)
    #expect(errors == [])
    #expect(Self.result.ruleSet != nil)
  }

  /// The shipped model learned from Corpus/ as it is: a file added, removed or edited
  /// without `sportello learn` fails here, so the model never drifts from its questions.
  @Test func theShippedModelLearnedFromTheCorpusAsItIs() throws {
    let model = try #require(Self.result.ruleSet?.model)
    let directory = Self.root.appendingPathComponent("Corpus")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".tsv") }.sorted()
    let current = try files.map { file in
      let data = try Data(contentsOf: directory.appendingPathComponent(file))
      return "Corpus/\(file) " + LearnedModel.Source.contentHash(of: data)
    }
    let learned = model.sources.map { "\($0.path) \($0.contentHash)" }.sorted()
    #expect(learned == current, "run 'sportello learn' and commit Rules/modello.txt")
  }

  /// The shipped rules have required words and exclusions, which the generated rules of
  /// ``MatcherScoringTests`` lack, so the bound-and-cutoff scoring is checked on them too.
  @Test func boundedScoringDecidesTheCorpusAsScoringEveryFAQ() throws {
    let bounded = Matcher(ruleSet: try #require(Self.result.ruleSet))
    var exhaustive = bounded
    exhaustive.scoresEveryFAQ = true
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    for item in try Self.corpus() {
      let lhs = bounded.decide(item.message, now: now, explains: false)
      let rhs = exhaustive.decide(item.message, now: now, explains: false)
      #expect(
        MatcherScoringTests.summary(lhs) == MatcherScoringTests.summary(rhs), "\(item.location)")
    }
  }

  /// "gentilissimi grazie" is an example of the thanks: a question that only ends with
  /// thanks scores well against it, but is no thanks.
  @Test func smallTalkAnswersOnlyAMessageThatIsMostlySmallTalk() throws {
    let matcher = Matcher(ruleSet: try #require(Self.result.ruleSet))
    let thanks = matcher.decide("gentilissimi, grazie x l'info")
    #expect(thanks.intent == "smalltalk.grazie", "\(thanks.explanation.reason)")

    let question = matcher.decide(
      "Gentilissimi, vorrei sapere se la mia pensione minima può essere integrata, a chi devo "
        + "rivolgermi? Grazie, Dino")
    #expect(question.outcome == .handover, "\(question.explanation.reason)")
    #expect(
      question.explanation.reason.hasSuffix("of the message, less than the 0.50 small talk needs"))
    let talk = try #require(question.candidates.first { $0.intent == "smalltalk.grazie" })
    #expect(talk.score >= Self.result.ruleSet?.settings.answerThreshold ?? 1)
  }

  /// `[parole_generiche]`: a message of only such words goes to a person, who asks what
  /// it is about, unless it is thanks; any other word lets the FAQs answer.
  @Test(arguments: [
    ("aiuto", nil), ("mi può aiutare?", nil), ("mi serve un documento", nil),
    ("ciao, ho bisogno di aiuto", nil), ("aiuto per pagare l'affitto", "sociale.contributi"),
    ("grazie per l'aiuto", "smalltalk.grazie"),
  ])
  func genericWordsAloneGoToAPerson(message: String, intent: String?) throws {
    let matcher = Matcher(ruleSet: try #require(Self.result.ruleSet))
    let decision = matcher.decide(message)
    #expect(decision.intent == intent, "\(message): \(decision.explanation.reason)")
    if intent == nil {
      #expect(decision.outcome == .handover)
      #expect(decision.explanation.reason.contains("only generic words"))
    }
  }

  /// The shipped rules are few enough that, for most messages, their examples' weights are
  /// added up at once (``Scoring/weighsEveryExample(_:tables:)``); FAQ by FAQ must give the
  /// same decisions.
  @Test func everyExampleWeighedAtOnceDecidesTheCorpusAsFAQByFAQ() throws {
    var byFAQ = Matcher(ruleSet: try #require(Self.result.ruleSet))
    byFAQ.exampleWeighing = .faqByFAQ
    var atOnce = byFAQ
    atOnce.exampleWeighing = .everyExampleAtOnce
    let now = Date(timeIntervalSince1970: 1_796_288_400)
    for item in try Self.corpus() {
      #expect(
        byFAQ.decide(item.message, now: now) == atOnce.decide(item.message, now: now),
        "\(item.location)")
    }
  }

  @Test func everyCorpusIntentExistsInTheRules() throws {
    let rules = try #require(Self.result.ruleSet)
    let unknown = try Self.corpus().flatMap(\.expected).filter { rules.faq(withID: $0) == nil }
    #expect(Set(unknown) == [])
  }

  @Test func corpusMeetsThePrecisionAndAutomationTargets() throws {
    let rules = try #require(Self.result.ruleSet)
    let responder = Responder(matcher: Matcher(ruleSet: rules))
    let cases = try Self.corpus()
    try #require(cases.count >= 250)
    var answered = 0
    var correct = 0
    var answerable = 0
    var unanswerable = 0
    var unanswerableAnswered = 0
    var report: [String] = []
    for item in cases {
      let decision = responder.respond(to: item.message, pending: nil).decision
      // The operatore FAQ's answer to a `-` message is the handover it needed.
      let isAnswered =
        decision.outcome == .answer
        && !(item.expected.isEmpty && decision.handoverReason == .operatorRequested)
      let isRight = isAnswered && item.expected.contains(decision.intent ?? "")
      if item.expected.isEmpty {
        unanswerable += 1
        if isAnswered { unanswerableAnswered += 1 }
      } else {
        answerable += 1
      }
      if isAnswered { answered += 1 }
      if isRight { correct += 1 }
      if !isRight && !(item.expected.isEmpty && !isAnswered) {
        let got =
          decision.outcome == .answer
          ? decision.intent ?? ""
          : decision.outcome == .ask
            ? "ask(\(decision.options.joined(separator: ",")))"
            : "handover(\(decision.handoverReason?.rawValue ?? ""))"
        let score = decision.candidates.first.map { "\($0.intent) \($0.score)" } ?? "-"
        report.append(
          "\(item.location)\t\(item.expected.sorted().joined(separator: "|"))\t\(got)\t\(score)\t"
            + item.message)
      }
    }
    let precision = Double(correct) / Double(max(1, answered))
    let automation = Double(correct) / Double(max(1, answerable))
    let outOfScope = Double(unanswerableAnswered) / Double(max(1, unanswerable))
    let summary =
      "precision \(precision), automation \(automation), out of scope answered "
      + "\(outOfScope) (\(cases.count) messages)"
    if let path = ProcessInfo.processInfo.environment["SPORTELLO_CORPUS_REPORT"] {
      try (summary + "\n" + report.joined(separator: "\n") + "\n")
        .write(toFile: path, atomically: true, encoding: .utf8)
    }
    #expect(precision >= 0.95, "\(summary)")
    #expect(automation >= 0.85, "\(summary)")
    #expect(outOfScope <= 0.05, "\(summary)")
  }
}
