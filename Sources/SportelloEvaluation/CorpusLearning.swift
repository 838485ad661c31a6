import Foundation
import SportelloEngine

/// Learns a ``LearnedModel`` from recorded, labelled questions: what `sportello learn` does.
///
///     let learning = try CorpusLearning(corpusPaths: ["Corpus"], ruleSet: rules)
///     try learning.model.fileText(header: ...).write(...)
public struct CorpusLearning: Sendable {
  /// The model learned.
  public var model: LearnedModel

  /// How many messages it was learned from.
  public var messageCount: Int

  /// Messages left out because a label names no FAQ of the rules, as
  /// `path:line: unknown intent 'x'`.
  public var skipped: [String]

  /// Reads the corpus and learns.
  ///
  /// - Parameters:
  ///   - corpusPaths: Corpus files, or directories of `*.tsv` files.
  ///   - excluding: Files or directories to leave out, to measure the model on them.
  ///   - ruleSet: The rules the model is for: their analyzer reads the messages, and only
  ///     their intents are learned.
  ///   - options: How to learn.
  /// - Throws: ``CorpusErrors`` when a corpus file can't be read or has malformed lines.
  public init(
    corpusPaths: [String], excluding: [String] = [], ruleSet: RuleSet,
    options: LearnedModel.LearningOptions = .init()
  ) throws {
    let excluded = excluding.map(Self.standardized)
    let entries = try CorpusReader.read(paths: corpusPaths).filter { entry in
      let file = Self.standardized(entry.file)
      return !excluded.contains { file == $0 || file.hasPrefix($0 + "/") }
    }
    let intents = Set(ruleSet.faqs.map(\.id))
    var skipped: [String] = []
    let known = entries.filter { entry in
      guard let unknown = entry.expected.first(where: { !intents.contains($0) }) else {
        return true
      }
      skipped.append("\(entry.file):\(entry.line): unknown intent '\(unknown)'")
      return false
    }
    let analyzer = Matcher(ruleSet: ruleSet).analyzer
    let examples = known.concurrentMap { entry in
      LearnedModel.Example(tokens: analyzer.analyze(entry.message).tokens, intents: entry.expected)
    }
    // The reader returns each file's entries together, in path order.
    var sources: [LearnedModel.Source] = []
    for entry in known {
      if sources.last?.path == entry.file {
        sources[sources.count - 1].messageCount += 1
        continue
      }
      let data = try? Data(contentsOf: URL(fileURLWithPath: entry.file))
      sources.append(
        LearnedModel.Source(
          path: entry.file, messageCount: 1,
          contentHash: data.map(LearnedModel.Source.contentHash(of:)) ?? ""))
    }
    model = LearnedModel.learn(from: examples, sources: sources, options: options)
    messageCount = known.count
    self.skipped = skipped
  }

  /// `path` without a trailing slash or a leading `./`, for comparing paths as given.
  static func standardized(_ path: String) -> String {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }
}
