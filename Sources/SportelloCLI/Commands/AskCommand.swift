import Foundation
import SportelloEngine

/// `sportello ask "message"`: what Sportello would reply to one message.
struct AskCommand: Command {
  static let spec = CommandSpec(
    name: "ask",
    abstract: "Show what Sportello decides and replies for one message.",
    discussion: """
      Prints the decision (answer, ask or handover), then the reply exactly as the
      citizen would get it. --explain adds the analysed words, the candidates with
      their scores, the thresholds and the reason; --json prints one JSON object.
      """,
    arguments: [ArgumentSpec("message", help: "The citizen's message.")],
    options: [
      .option("rules", value: "DIR", help: "The rules directory (default: Rules)."),
      .flag("explain", help: "Show why the decision was taken."),
      .flag("json", help: "Print the decision and the replies as JSON."),
    ]
  )

  static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> Int32 {
    let message = arguments.positionals[0]
    let ruleSet = try RulesDirectory.load(arguments.value("rules") ?? "Rules", io: io)
    let responder = Responder(
      matcher: Matcher(ruleSet: ruleSet), explainsDecisions: arguments.flag("explain"))
    let response = responder.respond(to: message, pending: nil)
    if arguments.flag("json") {
      io.writeOutput(try ResponseFormatter.json(response, explain: arguments.flag("explain")))
      return ExitStatus.success
    }
    io.print(ResponseFormatter.decisionLine(response.decision))
    if arguments.flag("explain") {
      io.writeOutput(ResponseFormatter.explanation(response.decision))
    }
    for reply in response.replies {
      io.print()
      io.print(reply.text)
    }
    return ExitStatus.success
  }
}

/// Renders responses for `ask` and `chat`.
enum ResponseFormatter {
  /// `decision: answer anagrafe.carta_identita (confidence 0.86)`.
  static func decisionLine(_ decision: Decision) -> String {
    var line = "decision: \(decision.outcome.rawValue)"
    switch decision.outcome {
    case .answer: line += " \(decision.intent ?? "")"
    case .ask: line += " \(decision.options.joined(separator: ", "))"
    case .handover: break
    }
    if let reason = decision.handoverReason { line += " [\(reason.rawValue)]" }
    return line + " (confidence \(twoDecimals(decision.confidence)))"
  }

  /// The explanation as indented text.
  static func explanation(_ decision: Decision) -> String {
    let explanation = decision.explanation
    var text = "tokens:"
    for token in explanation.tokens {
      var item = " \(token.surface)"
      if token.folded != token.surface.lowercased() { item += "→\(token.folded)" }
      item += "[\(token.stem)\(token.isStopWord ? ",stop" : "")]"
      text += item
    }
    text += "\n"
    for token in explanation.tokens where !token.changes.isEmpty {
      text += "  \(token.surface): \(token.changes.joined(separator: ", "))\n"
    }
    if !explanation.concepts.isEmpty {
      text += "synonyms: \(explanation.concepts.joined(separator: ", "))\n"
    }
    text += "candidates:\n"
    if explanation.candidates.isEmpty { text += "  (none)\n" }
    for (rank, candidate) in explanation.candidates.enumerated() {
      text +=
        "  \(rank + 1). \(candidate.intent)  score \(twoDecimals(candidate.score))"
        + "  example \(twoDecimals(candidate.exampleScore))"
        + "  coverage \(twoDecimals(candidate.coverage))\n"
      if let example = candidate.bestExample { text += "     closest example: '\(example)'\n" }
      if !candidate.matchedKeywords.isEmpty {
        text += "     keywords: \(candidate.matchedKeywords.joined(separator: "; "))\n"
      }
      if !candidate.matchedPhrases.isEmpty {
        text += "     phrases: \(candidate.matchedPhrases.joined(separator: "; "))\n"
      }
      if !candidate.missingRequired.isEmpty {
        text += "     missing required: \(candidate.missingRequired.joined(separator: "; "))\n"
      }
    }
    for excluded in explanation.excluded { text += "  left out: \(excluded)\n" }
    let thresholds = explanation.thresholds
    text +=
      "thresholds: answer \(twoDecimals(thresholds.answer)), margin "
      + "\(twoDecimals(thresholds.margin)), choice \(twoDecimals(thresholds.choice))\n"
    if let learned = explanation.learned {
      text +=
        "learned model: a person's case \(twoDecimals(learned.personProbability)), likeliest "
        + "\(learned.likeliest) \(twoDecimals(learned.likeliestProbability))"
        + (learned.signs.isEmpty ? "" : "; signs: \(learned.signs.joined(separator: ", "))")
        + "\n"
    }
    text += "reason: \(explanation.reason)\n"
    return text
  }

  /// One JSON object: the decision's fields, the action, the replies, the pending options
  /// and, with `explain`, the explanation; keys in snake case.
  static func json(_ response: Response, explain: Bool) throws -> String {
    struct Output: Encodable {
      var outcome: Decision.Outcome
      var intent: String?
      var options: [String]
      var confidence: Double
      var candidates: [Candidate]
      var handoverReason: HandoverReason?
      var action: IntentAction
      var replies: [OutgoingReply]
      var pendingOptions: [String]?
      var explanation: Explanation?
    }
    let decision = response.decision
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let output = Output(
      outcome: decision.outcome, intent: decision.intent, options: decision.options,
      confidence: decision.confidence, candidates: decision.candidates,
      handoverReason: decision.handoverReason, action: response.action,
      replies: response.replies, pendingOptions: response.pending?.options,
      explanation: explain ? decision.explanation : nil)
    return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
  }

  /// A number with two decimals.
  static func twoDecimals(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let cents = abs(hundredths) % 100
    return (hundredths < 0 ? "-" : "") + "\(abs(hundredths) / 100)." + (cents < 10 ? "0" : "")
      + "\(cents)"
  }
}
