import Foundation

/// Finds overlaps: example questions of one FAQ that the matcher answers with another.
///
/// Each example is decided as if it were not written (its own entry left out of
/// the index, since it would always match itself): when another FAQ is then
/// answered, citizens who write something close to it may get that other answer.
/// The fix is usually a keyword, an `escludi` line or a clearer example.
enum OverlapLint {
  /// A warning for each example question answered by another FAQ.
  static func diagnostics(for matcher: Matcher, now: Date) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (faqIndex, faq) in matcher.ruleSet.faqs.enumerated() {
      let firstExample = matcher.index.entries[faqIndex].examples.lowerBound + 1
      for (offset, example) in faq.examples.enumerated() {
        let decision = matcher.decide(
          analyzed: matcher.analyzer.analyze(example), now: now, skipping: firstExample + offset)
        guard decision.outcome == .answer, let other = decision.intent, other != faq.id else {
          continue
        }
        let position =
          offset < faq.sourceMap.examples.count
          ? faq.sourceMap.examples[offset] : .init(line: faq.location.line, column: 1)
        diagnostics.append(
          Diagnostic(
            path: faq.location.path, line: position.line, column: position.column,
            severity: .warning,
            message: "example question '\(example)' of '\(faq.id)' is answered by '\(other)'"))
      }
    }
    return diagnostics
  }
}
