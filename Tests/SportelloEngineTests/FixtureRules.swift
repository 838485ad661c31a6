import Foundation

@testable import SportelloEngine

/// The fixture rule set in Fixtures/comune, loaded once.
enum FixtureRules {
  /// A Monday morning in December 2026, while the office is open.
  static let mondayMorning = ISO8601DateFormatter().date(from: "2026-12-07T09:00:00Z") ?? Date()

  /// The fixture directory.
  static var directory: URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
      .appendingPathComponent("comune") ?? URL(fileURLWithPath: "/nonexistent")
  }

  /// The loaded rules (nil when the fixture has errors, which a test reports).
  static let result = RuleSet.load(from: directory, now: mondayMorning)

  /// The matcher over the fixture.
  static let matcher: Matcher? = result.ruleSet.map { Matcher(ruleSet: $0) }
}
