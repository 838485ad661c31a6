/// Turns a citizen's WhatsApp message into analysed tokens.
///
/// Configure it once (it compiles its tables and stems every known word up
/// front), then call ``analyze(_:)`` for each message; it is a value, pure and
/// safe to share between threads.
///
/// The steps, in order:
/// 1. UTF-8 repair, NFKC (only when the message needs it), and removal of
///    zero-width and control characters; any whitespace run separates tokens.
/// 2. Segmentation: URLs, e-mail addresses, emoji, numbers, dates, times, money
///    and codes are kept whole; the rest splits into words, with elided
///    articles split at the apostrophe (`dell'IMU` → `dell` + `imu`).
/// 3. Folding: lowercase, apostrophes and accents unified, runs of three or
///    more identical letters squeezed, a final apostrophe read as an accent
///    (`e'` → `è`, `po'` → `poco`).
/// 4. Protected words stay as they are; chat-speak is expanded (`cmq` →
///    `comunque`); stop words are flagged; unknown words are corrected against
///    the vocabulary, unless they are real Italian words (``ItalianLexicon``).
/// 5. Words are stemmed with the Snowball Italian stemmer.
///
///     let message = Analyzer().analyze("cmq x la carta d'identità?")
///     message.stems   // ["comunqu", "per", "la", "cart", "di", "ident"]
public struct Analyzer: Sendable {
  /// The configuration the analyzer was built with.
  public let configuration: AnalyzerConfiguration

  /// The compiled tables, shared by reference so that each analysis borrows
  /// them instead of copying their arrays.
  let tables: Tables

  /// Builds an analyzer; this compiles the tables and stems every known word.
  ///
  /// - Complexity: O(*n*) in the number of known words (about 1 µs each).
  public init(configuration: AnalyzerConfiguration = .init()) {
    self.configuration = configuration
    tables = Tables(
      lexicon: Lexicon(configuration: configuration, stemmer: ItalianStemmer()),
      vocabulary: configuration.vocabulary)
    // Splitting the built-in lexicon takes milliseconds, once per process: pay
    // it here rather than in the first message that has a typo.
    if configuration.vocabulary != nil { _ = ItalianLexicon.count }
  }

  /// An analyzer with the tables of another, for ``knowing(_:)``.
  private init(configuration: AnalyzerConfiguration, tables: Tables) {
    self.configuration = configuration
    self.tables = tables
  }

  /// An analyzer that gives every text the tokens this one gives, with `words` (folded,
  /// as in ``Token/folded``) stemmed once here rather than in every text that has them.
  ///
  /// For indexing many texts that share their words: the analyses of a batch of texts
  /// give the words to know for the next.
  ///
  /// - Complexity: O(*n*) in the number of known words.
  package func knowing(_ words: Set<String>) -> Analyzer {
    Analyzer(
      configuration: configuration,
      tables: Tables(
        lexicon: tables.lexicon.knowing(words, stemmer: ItalianStemmer()),
        vocabulary: tables.vocabulary))
  }

  /// The lexicon and the vocabulary, compiled once per analyzer.
  ///
  /// Immutable after creation, hence safe to share between threads.
  final class Tables: Sendable {
    let lexicon: Lexicon
    let vocabulary: TypoVocabulary?

    init(lexicon: Lexicon, vocabulary: TypoVocabulary?) {
      self.lexicon = lexicon
      self.vocabulary = vocabulary
    }
  }

  /// Analyses a message.
  ///
  /// - Parameter text: The message as received.
  /// - Returns: The message with its tokens; `invalidUTF8Count` is 0.
  /// - Complexity: O(*n*) in the length of the message.
  public func analyze(_ text: String) -> AnalyzedMessage {
    AnalyzedMessage(text: text, tokens: tokens(of: text), invalidUTF8Count: 0)
  }

  /// Analyses a message given as raw bytes from the wire.
  ///
  /// Each invalid UTF-8 sequence is replaced by U+FFFD and counted in
  /// ``AnalyzedMessage/invalidUTF8Count``; it never stops the analysis.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public func analyze(bytes: [UInt8]) -> AnalyzedMessage {
    let (text, replacements) = UTF8Repair.decode(bytes)
    return AnalyzedMessage(text: text, tokens: tokens(of: text), invalidUTF8Count: replacements)
  }

  /// The tokens of a valid message.
  private func tokens(of text: String) -> [Token] {
    // Most messages need no normalisation: their scalars, decoded onto the
    // stack, are scanned as they are.
    var text = text
    text.makeContiguousUTF8()
    let simple = text.utf8.withContiguousStorageIfAvailable { bytes in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Swift.max(bytes.count, 1)) {
        buffer -> [Token]? in
        guard let base = buffer.baseAddress, let count = SourceText.decodeSimple(bytes, into: base)
        else { return nil }
        return tokens(of: UnsafeBufferPointer(start: base, count: count), normalized: nil)
      }
    }
    if let simple, let tokens = simple { return tokens }
    let source = SourceText.joining(text) ?? SourceText(normalizing: text)
    return source.scalars.withUnsafeBufferPointer { tokens(of: $0, normalized: source) }
  }

  /// The tokens of a message's scalars; `normalized` maps them back to the
  /// message when they are not its own.
  private func tokens(of scalars: Scalars, normalized: SourceText?) -> [Token] {
    var segmenter = Segmenter(scalars: scalars)
    segmenter.run()
    let raw = segmenter.tokens
    // One scratch buffer for the letters of every token; on the stack for any
    // message of ordinary length.
    let capacity = TokenBuilder.letterCapacity(for: raw)
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { letters in
      var builder = TokenBuilder(
        tables: tables, normalized: normalized, scalars: scalars, raw: raw,
        letterStorage: letters)
      builder.run()
      return builder.tokens
    }
  }
}
