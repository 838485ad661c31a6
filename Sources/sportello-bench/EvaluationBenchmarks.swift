import Foundation
import SportelloEvaluation

/// The `evaluation` group: `sportello test` on 100,000 recorded messages against the
/// shipped rules, and `sportello import` of a generated 5,000-row FAQ list.
enum EvaluationBenchmarks {
  /// The group as the runner lists it.
  static let benchmark = Benchmark(name: "evaluation") {
    try batchTestFigures() + importFigures()
  }

  /// Imports a generated 5,000-row CSV (quoted multi-line answers, tags) into a fresh
  /// temporary directory, reading and writing included.
  static func importFigures() throws -> [Figure] {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-bench-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let csvPath = directory.appendingPathComponent("faq.csv").path
    try Data(generatedCSV(rows: 5_000).utf8).write(to: URL(fileURLWithPath: csvPath))
    var written = 0
    let seconds = try Measure.seconds {
      let result = try FAQImporter(prefix: "faq-").read(file: csvPath)
      try RuleFileWriter(directory: directory.appendingPathComponent("out").path)
        .write(result.faqs, source: csvPath)
      written = result.faqs.count
    }
    guard written == 5_000 else {
      throw EvaluationError.unwritable(path: directory.path, reason: "wrote \(written) of 5000")
    }
    return [Measure.atMost("import_5000_rows_s", seconds, "s", 1)]
  }

  /// A semicolon CSV of `rows` FAQs about public services, every row different.
  static func generatedCSV(rows: Int) -> String {
    let topics = [
      "bolletta", "contatore", "voltura", "rifiuti", "ingombranti", "tari", "residenza",
      "carta d'identità", "mensa", "parcheggio", "ztl", "multa",
    ]
    let verbs = ["pagare", "rinnovare", "richiedere", "disdire", "spostare", "controllare"]
    var csv = "id;domanda;risposta;tag\n"
    for row in 1...rows {
      let topic = topics[row % topics.count]
      let verb = verbs[(row / topics.count) % verbs.count]
      csv += "\(row);Come posso \(verb) \(topic) numero \(row)?;"
      csv += "\"Per \(verb) \(topic) vai allo sportello; porta un documento.\n"
      csv += "Dettagli sulla pratica \(row): *\(topic)*, con \"\"modulo\"\" \(row % 17).\";"
      csv += "\(topic), \(verb), pratica \(row)\n"
    }
    return csv
  }
}
