import Foundation
import SportelloText

/// The intent matcher: reads a message and decides to answer, ask which one, or hand over.
///
/// Built once per rule set (it analyses and indexes every FAQ), then pure and
/// safe to share between threads.
///
///     let matcher = Matcher(ruleSet: rules)
///     let decision = matcher.decide("cm faccio x la carta d'identità?")
///     // decision.outcome == .answer, decision.intent == "anagrafe.carta_identita"
///
/// How a message is scored against an FAQ (all weights are BM25 idf over FAQs,
/// stop words at 0.15, words no rule uses at 0.6 of the rarest):
/// - the best example question (or the title): the geometric mean of the share of
///   the message's weight it covers and the share of its own weight the message
///   covers, plus 0.05 per shared two-word phrase (at most 2);
/// - the coverage: the share of the message's weight found anywhere in the FAQ
///   (examples, title and keywords in full, the answer at half), times 0.8;
/// - the score is the larger of the two, plus 0.08 per matched keyword group (at
///   most 2), capped at 1.
/// `escludi` removes an FAQ, a missing `richiede` group stops it from being
/// answered (it may still be offered), and expired FAQs are never considered.
public struct Matcher: Sendable {
  /// The rules the matcher was built from.
  public internal(set) var ruleSet: RuleSet

  /// The analyzer used for messages, with typo correction against the rules' words.
  public let analyzer: Analyzer

  /// The index and what scoring reads of it, shared by every copy of the matcher.
  let tables: ScoringTables

  /// The index of the rules.
  var index: MatcherIndex { tables.index }

  /// The scoring constants.
  var weights: ScoringWeights { tables.weights }

  /// The other Comuni the rules name, whose matters go to a person.
  let otherComunes: OtherComunes

  /// The stems of the rules' `[parole_generiche]`, and of the small-talk FAQs' keywords,
  /// which a message of only generic words may also have (`ciao, mi serve aiuto`).
  let genericWords: GenericWords

  /// The model learned from recorded questions, laid out for lookups, if the rules have one.
  let learned: LearnedScorer?

  /// When each FAQ expires (the start of the day after its `scadenza`), if it does.
  var expiryInstants: [Date?] { tables.expiryInstants }

  /// Whether every FAQ that shares a term with a message is scored in full, instead of
  /// only those whose bound can change the decision: slower, with the same result. Tests
  /// compare the two.
  var scoresEveryFAQ = false

  /// How scoring adds up the weight each example shares with a message: the cheaper way
  /// for each message, or one way always (tests compare the two; the sums are the same).
  enum ExampleWeighing: Sendable {
    /// By ``Scoring/weighsEveryExample(_:tables:)``.
    case chosenPerMessage
    /// Each FAQ's examples when it is scored in full.
    case faqByFAQ
    /// Every example at once, at the first FAQ scored in full.
    case everyExampleAtOnce
  }

  /// How scoring adds up the examples' shared weights.
  var exampleWeighing = ExampleWeighing.chosenPerMessage

  /// Indexes `ruleSet`.
  ///
  /// - Complexity: O(n) in the total size of the rules' text.
  public init(ruleSet: RuleSet) {
    self.init(ruleSet: ruleSet, weights: ScoringWeights())
  }

  /// Indexes `ruleSet` with other scoring constants (for measurements).
  init(ruleSet: RuleSet, weights: ScoringWeights) {
    self.ruleSet = ruleSet
    var configuration = AnalyzerConfiguration()
    configuration.addAbbreviations(ruleSet.synonyms.abbreviations)
    configuration.addProtectedWords(ruleSet.synonyms.protectedWords)
    configuration.addStopWords(ruleSet.synonyms.stopWords)
    otherComunes = OtherComunes(ruleSet.synonyms.otherComunes)
    learned = ruleSet.model.map(LearnedScorer.init(model:))
    OwnCaseReading.prepareTables()
    configuration.addProtectedWords(otherComunes.words)
    let plainAnalyzer = Analyzer(configuration: configuration)
    genericWords = GenericWords(ruleSet: ruleSet, analyzer: plainAnalyzer)
    let index = MatcherIndex(ruleSet: ruleSet, analyzer: plainAnalyzer)
    // The same configuration with a typo vocabulary of the rules' words.
    self.analyzer = index.messageAnalyzer
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = ruleSet.profile.officeHours.timeZone
    let expiryInstants = ruleSet.faqs.map { faq -> Date? in
      guard let day = faq.expiresOn else { return nil }
      let start = calendar.date(
        from: DateComponents(year: day.year, month: day.month, day: day.day))
      return start.flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
    }
    tables = ScoringTables(
      index: index, weights: weights, expiryInstants: expiryInstants,
      isHandover: ruleSet.faqs.map { $0.action == .handover })
  }

  /// The thresholds in force.
  var thresholds: Explanation.Thresholds {
    let settings = ruleSet.settings
    return .init(
      answer: settings.answerThreshold, margin: settings.margin, choice: settings.choiceThreshold)
  }

  /// Decides what to do with `message`.
  ///
  /// - Parameters:
  ///   - message: The citizen's text as received.
  ///   - now: The current time (expired FAQs are left out).
  ///   - explains: Whether to build the decision's ``Decision/explanation``; without it
  ///     the explanation is empty and the decision is the same.
  /// - Returns: The decision, its candidates and, when asked, its explanation.
  public func decide(_ message: String, now: Date = Date(), explains: Bool = true) -> Decision {
    decide(analyzed: analyzer.analyze(message), now: now, explains: explains)
  }

  /// Decides on an already analysed message (analysed with ``analyzer``).
  public func decide(
    analyzed message: AnalyzedMessage, now: Date = Date(), explains: Bool = true
  ) -> Decision {
    decide(analyzed: message, now: now, skipping: nil, explains: explains)
  }

  /// Decides with one example left out of the index (for the overlap lint).
  func decide(
    analyzed message: AnalyzedMessage, now: Date, skipping example: Int?, explains: Bool = false
  ) -> Decision {
    let query = Query(message: message, tables: tables, unknownFactor: weights.unknown)
    let scored = score(query, now: now, skipping: example)
    let rulesDecision = choose(scored, tokens: message.tokens)
    // Without an explanation the rules' decision is handed on, not copied.
    guard explains else {
      return reviewed(rulesDecision, tokens: message.tokens, explains: false).0
    }
    var (decision, opinion) = reviewed(rulesDecision, tokens: message.tokens, explains: true)
    decision.explanation = explain(
      message, query: query, scored: scored, decision: rulesDecision, now: now)
    decision.explanation.learned = opinion
    if let opinion, opinion.changedDecision {
      decision.explanation.reason =
        learnedReason(decision, opinion: opinion)
        + "; the rules alone: \(decision.explanation.reason)"
    }
    return decision
  }

  /// Applies the thresholds to the scored FAQs.
  private func choose(_ scored: ScoredFAQs, tokens: [Token]) -> Decision {
    let settings = ruleSet.settings
    // The closures below read local copies: capturing `self` would copy the whole
    // matcher, with a retain of each of its arrays, once per message.
    let faqs = ruleSet.faqs
    // Filled in a loop into room made once: mapping a slice builds the array twice.
    var candidates: [Candidate] = []
    candidates.reserveCapacity(min(scored.ranked.count, 5))
    for item in scored.ranked.prefix(5) {
      candidates.append(
        Candidate(intent: faqs[item.faq].id, title: faqs[item.faq].title, score: item.score))
    }
    let reading = OwnCaseReading(tokens)
    if OwnCaseDetector.ownCaseEvidence(in: tokens, reading: reading) != nil {
      return Decision(
        outcome: .handover, confidence: 1, candidates: candidates, handoverReason: .ownCase)
    }
    if otherComunes.mention(in: reading.words) != nil {
      return Decision(
        outcome: .handover, confidence: 1, candidates: candidates, handoverReason: .otherComune)
    }
    if OwnCaseDetector.requestsPerson(reading) {
      if let person = faqs.firstIndex(where: { $0.action == .handover }) {
        return Decision(
          outcome: .answer, intent: faqs[person].id, confidence: 1,
          candidates: candidates, handoverReason: .operatorRequested)
      }
      return Decision(
        outcome: .handover, confidence: 1, candidates: candidates,
        handoverReason: .operatorRequested)
    }
    if genericWords.onlyGenericWords(in: tokens) != nil {
      // Thanks for the help is thanks; any other such message is for a person.
      if let talk = answeringSmallTalk(scored) { return answer(talk, candidates: candidates) }
      return Decision(
        outcome: .handover, confidence: 1, candidates: candidates, handoverReason: .noMatch)
    }
    let regular = regularFAQs(scored)
    let best = regular.first
    if let best, best.score >= settings.choiceThreshold {
      if best.score >= settings.answerThreshold, best.missingRequiredGroups == 0,
        let lead = Matcher.lead(of: best, over: regular.dropFirst()), lead >= settings.margin
      {
        return answer(best, candidates: candidates)
      }
      // An FAQ without its required words is not offered: its author said it cannot be
      // meant without them, and a menu of such FAQs only delays the person who answers.
      let options = regular.filter { item in
        item.score >= settings.choiceThreshold && item.score >= best.score - Matcher.optionWindow
          && faqs[item.faq].action != .handover && item.missingRequiredGroups == 0
      }.prefix(3)
      if !options.isEmpty {
        return Decision(
          outcome: .ask, options: options.map { faqs[$0.faq].id },
          confidence: best.score, candidates: candidates)
      }
      // A message that came close to an office's FAQ is more than a greeting: a person
      // reads it rather than the bot saying hello.
      return Decision(
        outcome: .handover, confidence: 1 - best.score, candidates: candidates,
        handoverReason: .noMatch)
    }
    if let talk = answeringSmallTalk(scored) { return answer(talk, candidates: candidates) }
    return Decision(
      outcome: .handover, confidence: 1 - (scored.ranked.first?.score ?? 0),
      candidates: candidates, handoverReason: .noMatch)
  }

  /// The best small-talk FAQ when it may answer: it scores the answer threshold and covers
  /// most of the message. A long question that only ends with "grazie" is one no FAQ
  /// knows, and goes to a person.
  func answeringSmallTalk(_ scored: ScoredFAQs) -> ScoredFAQ? {
    let shapes = tables.index.boundShapes
    guard let talk = scored.ranked.first(where: { shapes[$0.faq].isSmallTalk }),
      talk.score >= ruleSet.settings.answerThreshold, talk.coverage >= Matcher.smallTalkCoverage
    else { return nil }
    return talk
  }

  /// The scored FAQs other than small talk, in ranking order: those the thresholds, the
  /// margin and the menus are about.
  func regularFAQs(_ scored: ScoredFAQs) -> [ScoredFAQ] {
    let shapes = tables.index.boundShapes
    // Most rankings have no small talk: they are handed on as they are, sharing storage.
    guard scored.ranked.contains(where: { shapes[$0.faq].isSmallTalk }) else {
      return scored.ranked
    }
    // Room for all up front: a filter grows the array step by step.
    var regular: [ScoredFAQ] = []
    regular.reserveCapacity(scored.ranked.count)
    for item in scored.ranked where !shapes[item.faq].isSmallTalk { regular.append(item) }
    return regular
  }

  /// How far `best` leads the regular FAQs ranked after it, for the margin: its lead over
  /// the first of them that has its required words, since only such an FAQ could be
  /// answered or offered instead. Nil when one of them ties with it: an FAQ missing its
  /// required words that scores as much is still no evidence for either.
  static func lead(of best: ScoredFAQ, over others: ArraySlice<ScoredFAQ>) -> Double? {
    if let next = others.first, next.score >= best.score { return nil }
    let contender = others.first { $0.missingRequiredGroups == 0 }
    return best.score - (contender?.score ?? 0)
  }

  private func answer(_ item: ScoredFAQ, candidates: [Candidate]) -> Decision {
    // Two fields, not a copy of the whole FAQ with its texts.
    Decision(
      outcome: .answer, intent: ruleSet.faqs[item.faq].id, confidence: item.score,
      candidates: candidates,
      handoverReason: tables.isHandover[item.faq] ? .operatorRequested : nil)
  }

}
