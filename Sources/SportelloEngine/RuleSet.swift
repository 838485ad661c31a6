import Foundation

/// A loaded, linted rule set: the FAQs, the profile, the settings and the synonyms.
///
/// A value: load a new one on reload and swap it whole; the previous one stays
/// valid for callers that still hold it.
///
///     let result = RuleSet.load(from: URL(fileURLWithPath: "Rules"))
///     for diagnostic in result.diagnostics { print(diagnostic) }
///     guard let rules = result.ruleSet else { return }   // errors: keep the old set
public struct RuleSet: Sendable {
  /// The FAQs, in file path order, then in order within each file.
  public var faqs: [FAQ]

  /// The Comune's facts.
  public var profile: Profile

  /// Thresholds and message templates.
  public var settings: MatcherSettings

  /// Concepts, abbreviations and protected words.
  public var synonyms: Synonyms

  /// The version: `versione` from impostazioni.txt, or a hash of the files' contents.
  public var version: String

  /// The directory the rules were read from.
  public var directory: URL

  /// The model learned from recorded questions (`modello.txt`), if the rules have one.
  public var model: LearnedModel?

  private var indexByID: [String: Int]

  /// Creates a rule set from parts (for tests and generated rule sets).
  public init(
    faqs: [FAQ], profile: Profile = Profile(), settings: MatcherSettings = MatcherSettings(),
    synonyms: Synonyms = Synonyms(), version: String = "",
    directory: URL = URL(fileURLWithPath: "."), model: LearnedModel? = nil
  ) {
    self.faqs = faqs
    self.profile = profile
    self.settings = settings
    self.synonyms = synonyms
    self.version = version
    self.directory = directory
    self.model = model
    var index: [String: Int] = [:]
    for (position, faq) in faqs.enumerated() where index[faq.id] == nil { index[faq.id] = position }
    indexByID = index
  }

  /// The FAQ with the intent id `id`, or nil.
  public func faq(withID id: String) -> FAQ? {
    indexByID[id].map { faqs[$0] }
  }

  /// Fills `{placeholders}` from the profile and `extra` values; unknown ones stay as written.
  public func fill(_ text: String, extra: [String: String] = [:]) -> String {
    Placeholders.fill(text) { extra[$0] ?? profile.values[$0] }
  }

  /// A template from the settings with placeholders filled.
  public func message(_ key: String, extra: [String: String] = [:]) -> String {
    fill(settings.templates[key] ?? MatcherSettings.defaultTemplates[key] ?? "", extra: extra)
  }

  /// The answer text of `faq` as the citizen gets it: placeholders filled, link on its own line.
  public func renderedAnswer(of faq: FAQ) -> String? {
    guard let answer = faq.answer else { return faq.link }
    let text = fill(answer)
    guard let link = faq.link else { return text }
    return text + "\n" + link
  }
}

/// What loading a rule directory produced.
public struct RuleSetLoadResult: Sendable {
  /// The rule set, or nil when any diagnostic is an error.
  public var ruleSet: RuleSet?

  /// Every diagnostic, in file path order, then by line and column.
  public var diagnostics: [Diagnostic]

  /// Paths that could not be read (the directory itself or files in it).
  public var unreadablePaths: [String]

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

  /// Whether any diagnostic is a warning.
  public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }

  /// Creates a result.
  public init(ruleSet: RuleSet?, diagnostics: [Diagnostic], unreadablePaths: [String] = []) {
    self.ruleSet = ruleSet
    self.diagnostics = diagnostics
    self.unreadablePaths = unreadablePaths
  }
}
