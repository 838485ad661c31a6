import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes imported FAQs as `*.faq` files in the staff rule format.
///
/// The FAQs of one office go into one file named after the spreadsheet:
/// `DIR/<name>.faq`, or `DIR/<office>/<name>.faq` for FAQs with an office, in
/// spreadsheet order, each under a comment with its line. One file per office keeps a
/// large import fast (creating thousands of files costs seconds on some file systems)
/// and matches the layout of hand-written rules. The writer refuses to replace existing
/// files unless told to, and checks every target before writing any, so a refused
/// import writes nothing. A written FAQ looks like this:
///
///     # faq.csv, riga 12
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

  /// The path the FAQs of `office` from the spreadsheet `source` are written to.
  public func path(forOffice office: String?, source: String) -> String {
    var path = directory as NSString
    if let office {
      let folder = FAQImporter.intentID(from: office)
      if !folder.isEmpty { path = path.appendingPathComponent(folder) as NSString }
    }
    let base = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
    let name = FAQImporter.intentID(from: base)
    return path.appendingPathComponent((name.isEmpty ? "importate" : name) + ".faq")
  }

  /// Writes every FAQ.
  ///
  /// - Parameters:
  ///   - faqs: The FAQs to write.
  ///   - source: The spreadsheet's path; its name names the files and their comments.
  /// - Returns: The paths written, in order of first use.
  /// - Throws: ``EvaluationError/wouldOverwrite(paths:)`` before writing anything when a
  ///   file exists and ``overwrites`` is false; ``EvaluationError/unwritable(path:reason:)``.
  @discardableResult
  public func write(_ faqs: [ImportedFAQ], source: String) throws -> [String] {
    var paths: [String] = []
    var texts: [String: [String]] = [:]
    let sourceName = (source as NSString).lastPathComponent
    var pathOfOffice: [String?: String] = [:]
    for faq in faqs {
      let path =
        pathOfOffice[faq.office]
        ?? { () -> String in
          let path = self.path(forOffice: faq.office, source: source)
          pathOfOffice[faq.office] = path
          return path
        }()
      if texts[path] == nil { paths.append(path) }
      texts[path, default: []].append(Self.ruleText(for: faq, source: sourceName))
    }
    if !overwrites {
      let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
      if !existing.isEmpty { throw EvaluationError.wouldOverwrite(paths: existing) }
    }
    for path in paths {
      do {
        try FileManager.default.createDirectory(
          atPath: (path as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try Self.writeFile((texts[path] ?? []).joined(separator: "\n"), to: path)
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
    var lines = ["# \(source), riga \(faq.line)", "[\(faq.id)]"]
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
