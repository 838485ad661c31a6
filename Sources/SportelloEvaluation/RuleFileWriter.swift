import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes imported FAQs as `*.faq` files in the staff rule format, one file per FAQ.
///
/// An FAQ goes to `DIR/<id>.faq`, or `DIR/<office>/<id>.faq` when it has an office, so
/// staff find it by its id. The writer refuses to replace existing files unless told
/// to, and then checks every target before writing any, so a refused import writes
/// nothing. A written file looks like this:
///
///     # Importata da faq.csv, riga 12.
///     [faq-182]
///     titolo: Pagare la bolletta
///     domande:
///     - Come posso pagare la bolletta dell'acqua?
///     parole:
///     - bolletta
///     - pagamento
///     risposta:
///     > Puoi pagare con *pagoPA*, in banca o alla posta.
public struct RuleFileWriter: Sendable {
  /// The directory the files go into; created when missing.
  public var directory: String

  /// Whether existing files may be replaced.
  public var overwrites: Bool

  /// Creates a writer.
  public init(directory: String, overwrites: Bool = false) {
    self.directory = directory
    self.overwrites = overwrites
  }

  /// The path each FAQ is written to.
  public func path(for faq: ImportedFAQ) -> String {
    var path = directory as NSString
    if let office = faq.office {
      let folder = FAQImporter.intentID(from: office)
      if !folder.isEmpty { path = path.appendingPathComponent(folder) as NSString }
    }
    return path.appendingPathComponent(faq.id + ".faq")
  }

  /// Writes every FAQ.
  ///
  /// - Parameters:
  ///   - faqs: The FAQs to write.
  ///   - source: The name of the spreadsheet, recorded in each file's opening comment.
  /// - Returns: The paths written, in the FAQs' order.
  /// - Throws: ``EvaluationError/wouldOverwrite(paths:)`` before writing anything when a
  ///   file exists and ``overwrites`` is false; ``EvaluationError/unwritable(path:reason:)``.
  @discardableResult
  public func write(_ faqs: [ImportedFAQ], source: String) throws -> [String] {
    let paths = faqs.map(path(for:))
    if !overwrites {
      let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
      if !existing.isEmpty { throw EvaluationError.wouldOverwrite(paths: existing) }
    }
    var folders: Set<String> = []
    for (faq, path) in zip(faqs, paths) {
      let folder = (path as NSString).deletingLastPathComponent
      do {
        if folders.insert(folder).inserted {
          try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        }
        let text = Self.ruleText(for: faq, source: (source as NSString).lastPathComponent)
        try Self.writeFile(text, to: path)
      } catch {
        throw EvaluationError.unwritable(path: path, reason: CorpusReader.reason(for: error))
      }
    }
    return paths
  }

  /// Writes `text` to `path` with plain POSIX calls: Foundation's `Data.write` syncs
  /// every file to disk, which makes a 5,000-file import take seconds.
  static func writeFile(_ text: String, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(errno) }
    defer { close(descriptor) }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw POSIXError(errno)
      }
      offset += written
    }
  }

  /// The rule text of one FAQ.
  public static func ruleText(for faq: ImportedFAQ, source: String) -> String {
    var lines = ["# Importata da \(source), riga \(faq.line).", "[\(faq.id)]"]
    lines.append("titolo: \(faq.title)")
    if let office = faq.office { lines.append("ufficio: \(office)") }
    lines.append("domande:")
    lines.append("- \(faq.question)")
    let keywords = faq.tags.map(keyword(from:)).filter { !$0.isEmpty }
    if !keywords.isEmpty {
      lines.append("parole:")
      lines += keywords.map { "- \($0)" }
    }
    lines.append("risposta:")
    for line in faq.answer.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(line.isEmpty ? ">" : "> \(line)")
    }
    if let link = faq.link { lines.append("link: \(link)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A tag as one keyword: commas would split it into alternatives, so they go.
  static func keyword(from tag: String) -> String {
    tag.replacingOccurrences(of: ",", with: " ").split(separator: " ").joined(separator: " ")
  }
}

extension POSIXError {
  /// The error for an `errno` value, or `EIO` for an unknown one.
  init(_ code: Int32) { self.init(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
