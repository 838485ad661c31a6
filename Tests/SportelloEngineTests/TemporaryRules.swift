import Foundation

/// A rules directory written to a fresh temporary folder, removed by `remove()`.
struct TemporaryRules {
  /// The directory.
  let url: URL

  /// Writes `files` (relative path to content) under a new temporary directory.
  init(_ files: [String: String]) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("sportello-rules-\(UUID().uuidString)")
    for (path, content) in files {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: file)
    }
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path diagnostics use for `file`.
  func path(_ file: String) -> String { url.appendingPathComponent(file).relativePath }

  /// Deletes the directory.
  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A small FAQ in the rule format, for tests.
func faqText(
  _ id: String, title: String? = nil, examples: [String], answer: String = "Risposta.",
  extra: String = ""
) -> String {
  "[\(id)]\ntitolo: \(title ?? id)\ndomande:\n" + examples.map { "- \($0)\n" }.joined()
    + extra + "risposta: \(answer)\n"
}
