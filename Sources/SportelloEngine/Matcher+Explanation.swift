import Foundation
import SportelloText

extension Matcher {
  /// Builds the explanation of a decision.
  func explain(
    _ message: AnalyzedMessage, query: Query, scored: ScoredFAQs, decision: Decision, now: Date
  ) -> Explanation {
    var explanation = Explanation()
    explanation.tokens = message.tokens.map { token in
      Explanation.AnalyzedToken(
        surface: token.surface, folded: token.folded, stem: token.stem, kind: token.kind.rawValue,
        isStopWord: token.isStopWord, changes: token.changes.map(Matcher.describe))
    }
    explanation.concepts = query.concepts.map { String(index.terms.name($0).dropFirst()) }
    explanation.candidates = scored.ranked.prefix(5).map { item in
      var phrases: [String] = []
      if let example = item.bestExample {
        let terms = index.examples[example].terms
        for concept in query.concepts where Matcher.contains(terms, concept) {
          let name = String(index.terms.name(concept).dropFirst())
          if !phrases.contains(name) { phrases.append(name) }
        }
        let shared = Set(query.bigrams).intersection(index.examples[example].bigrams).sorted()
        for key in shared {
          let first = index.terms.name(Int32(truncatingIfNeeded: key >> 32))
          let second = index.terms.name(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
          phrases.append("\(first) \(second)")
        }
      }
      return Explanation.CandidateDetail(
        intent: ruleSet.faqs[item.faq].id, score: item.score,
        exampleScore: Matcher.rounded(item.exampleScore),
        bestExample: item.bestExample.map { index.examples[$0].text },
        coverage: Matcher.rounded(item.coverage), matchedKeywords: matchedKeywords(item, query),
        matchedPhrases: phrases, missingRequired: missingRequired(item, query))
    }
    explanation.excluded = exclusions(query, now: now).map { exclusion in
      let id = ruleSet.faqs[exclusion.faq].id
      guard let pattern = exclusion.pattern else { return "\(id): expired" }
      return "\(id): excluded by '\(index.patterns[pattern].label)'"
    }
    explanation.thresholds = thresholds
    explanation.reason = reason(for: decision, scored: scored, tokens: message.tokens)
    return explanation
  }

  /// For each keyword group of the candidate's FAQ that occurs, its first alternative found.
  private func matchedKeywords(_ item: ScoredFAQ, _ query: Query) -> [String] {
    index.entries[item.faq].keywordGroups.compactMap { group in
      group.first { query.contains(index.patterns[$0]) }.map { index.patterns[$0].label }
    }
  }

  /// Each required group of the candidate's FAQ with no alternative in the message.
  private func missingRequired(_ item: ScoredFAQ, _ query: Query) -> [String] {
    index.entries[item.faq].requiredGroups.filter { group in
      !group.contains { query.contains(index.patterns[$0]) }
    }.map { group in group.map { index.patterns[$0].label }.joined(separator: ", ") }
  }

  private func reason(for decision: Decision, scored: ScoredFAQs, tokens: [Token]) -> String {
    let thresholds = self.thresholds
    switch (decision.outcome, decision.handoverReason) {
    case (_, .ownCase?):
      let evidence = OwnCaseDetector.ownCaseEvidence(in: tokens) ?? ""
      return "handover (own_case): the message is about the citizen's own case: \(evidence)"
    case (_, .otherComune?):
      let words = OwnCaseReading(tokens).words
      return "handover (other_comune): the message is about another Comune: "
        + (otherComunes.mention(in: words) ?? "")
    case (_, .operatorRequested?) where OwnCaseDetector.requestsPerson(tokens):
      return "\(decision.outcome.rawValue): the citizen asks for a person"
    case (.answer, _):
      let score = decision.candidates.first { $0.intent == decision.intent }?.score ?? 0
      let regular = regularFAQs(scored)
      let lead =
        regular.first.flatMap { best in
          ruleSet.faqs[best.faq].id == decision.intent
            ? Matcher.lead(of: best, over: regular.dropFirst()) : nil
        } ?? score
      return "answer: score \(Matcher.format(score)) >= \(Matcher.format(thresholds.answer)) "
        + "and margin \(Matcher.format(lead)) >= \(Matcher.format(thresholds.margin)) over the "
        + "next FAQ with its required words"
    case (.ask, _):
      return "ask: " + askReason(scored) + "; options have scores >= "
        + Matcher.format(thresholds.choice)
    default:
      if let words = genericWords.onlyGenericWords(in: tokens) {
        return "handover (no_match): the message has only generic words ("
          + words.map { "'\($0)'" }.joined(separator: ", ") + "): a person asks what it is about"
      }
      return "handover (no_match): " + noMatchReason(scored)
    }
  }

  /// Why the best regular FAQ was offered rather than answered: it lacks its required
  /// words, scored below the answer threshold, tied with the next FAQ, or led the next FAQ
  /// with its required words by less than the margin.
  private func askReason(_ scored: ScoredFAQs) -> String {
    let thresholds = self.thresholds
    let regular = regularFAQs(scored)
    guard let best = regular.first else { return "no FAQ scored" }
    let name = "\(ruleSet.faqs[best.faq].id) (\(Matcher.format(best.score)))"
    if best.missingRequiredGroups > 0 { return "the best FAQ, \(name), lacks its required words" }
    if best.score < thresholds.answer {
      return "the best FAQ, \(name), scored below \(Matcher.format(thresholds.answer))"
    }
    let others = regular.dropFirst()
    guard let lead = Matcher.lead(of: best, over: others) else {
      let next = others.first.map { ruleSet.faqs[$0.faq].id } ?? ""
      return "the best FAQ, \(name), ties with \(next)"
    }
    let contender = others.first { $0.missingRequiredGroups == 0 }
    return "the best FAQ, \(name), leads "
      + (contender.map { ruleSet.faqs[$0.faq].id } ?? "the rest")
      + " by \(Matcher.format(lead)), below the margin \(Matcher.format(thresholds.margin))"
  }

  /// Why nothing could be answered or offered: the best regular FAQ scored too little, or
  /// it and every FAQ near it lack their required words, or only small talk came close
  /// and not close enough.
  private func noMatchReason(_ scored: ScoredFAQs) -> String {
    let thresholds = self.thresholds
    let regular = regularFAQs(scored).first
    if let regular, regular.score >= thresholds.choice {
      return "best score \(Matcher.format(regular.score)) (\(ruleSet.faqs[regular.faq].id)) "
        + "is at least \(Matcher.format(thresholds.choice)), but no FAQ within "
        + "\(Matcher.format(Matcher.optionWindow)) of it has its required words"
    }
    let shapes = index.boundShapes
    let talk = scored.ranked.first { shapes[$0.faq].isSmallTalk }
    if let talk, talk.score > regular?.score ?? 0 {
      let name = "\(Matcher.format(talk.score)) (\(ruleSet.faqs[talk.faq].id))"
      if talk.score >= thresholds.answer {
        return "best score \(name) covers \(Matcher.format(talk.coverage)) of the message, "
          + "less than the \(Matcher.format(Matcher.smallTalkCoverage)) small talk needs"
      }
      return "best score \(name) is below \(Matcher.format(thresholds.answer)), needed to "
        + "answer small talk"
    }
    return "best score \(Matcher.format(regular?.score ?? 0)) is below "
      + "\(Matcher.format(thresholds.choice))"
  }

  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  /// A number with two decimals, such as `0.82`.
  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let cents = magnitude % 100
    return "\(sign)\(magnitude / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
  }

  static func describe(_ change: TokenChange) -> String {
    switch change {
    case .expandedAbbreviation(let from): return "abbreviation '\(from)'"
    case .correctedTypo(let from): return "typo '\(from)'"
    case .squeezedLetters(let from): return "repeated letters '\(from)'"
    case .splitElision(let from): return "elision '\(from)'"
    case .restoredAccent(let from): return "accent '\(from)'"
    }
  }
}
