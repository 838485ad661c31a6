import Foundation
import SportelloText

/// Everything the matcher precomputes from a rule set: terms, weights, postings.
///
/// Built once in ``Matcher/init(ruleSet:)``; scoring a message then touches
/// only the FAQs and examples that share a content term with it.
struct MatcherIndex: Sendable {
  /// A keyword, required word or exclusion, compiled to term ids.
  struct Pattern: Sendable {
    /// The content terms as written (before synonyms).
    var plain: [Int32]
    /// The content terms after synonyms were applied.
    var conceptual: [Int32]
    /// The phrase as the rule wrote it.
    var label: String
    /// The FAQ it belongs to.
    var faq: Int32
    /// What it does for its FAQ.
    var role: Role
    /// For an exclusion written without synonyms, its words as folded, stop words
    /// included: it leaves the FAQ out only when these words occur in the message in this
    /// order (``Query/contains(_:in:)``), so that `trovato` does not exclude on
    /// `trovare`, nor `a casa` on any `casa`. Nil for every other pattern.
    var words: [String]? = nil
  }

  /// What a pattern does for its FAQ.
  enum Role: Sendable, Equatable {
    /// An alternative of the FAQ's keyword group with this number (from 0).
    case keyword(group: Int)
    /// An alternative of the FAQ's required group with this number (from 0).
    case required(group: Int)
    /// An exclusion: when it occurs, the FAQ is left out.
    case exclusion
  }

  /// An example question (or a title) ready for scoring.
  struct Example: Sendable {
    /// The FAQ it belongs to.
    var faq: Int32
    /// Its terms, sorted, unique.
    var terms: [Int32]
    /// The sum of its terms' weights.
    var norm: Double
    /// Adjacent content-term pairs, sorted, unique.
    var bigrams: [Int64]
    /// The text, for explanations.
    var text: String
  }

  /// An FAQ ready for scoring.
  struct Entry: Sendable {
    var examples: Range<Int>
    /// Each keyword group's alternatives, as a range of ``MatcherIndex/patterns``.
    var keywordGroups: [Range<Int>]
    /// Each required group's alternatives, as a range of ``MatcherIndex/patterns``.
    var requiredGroups: [Range<Int>]
    /// The exclusions, as a range of ``MatcherIndex/patterns``.
    var exclusions: Range<Int>
    var isSmallTalk: Bool
    /// Terms of the keyword groups, sorted (for the overlap lint's leave-one-out).
    var keywordTerms: [Int32] = []
    /// Content terms of the answer, sorted.
    var answerTerms: [Int32] = []
  }

  /// What the score bound of an FAQ needs, kept apart from ``Entry`` so that bounding
  /// every FAQ a message touches reads plain numbers.
  struct BoundShape: Sendable {
    /// Whether the FAQ is small talk (scored against the full norm of the message).
    var isSmallTalk = false
    /// The largest share of an example's norm that a message can cover: 1, unless an
    /// example has a small-talk stop word, whose weight counts in full when shared but
    /// lowered in the norm.
    var coverableNormRatio = 1.0
    /// The smallest norm of its examples.
    var smallestNorm = 0.0
    /// The largest norm of its examples.
    var largestNorm = 0.0
  }

  var terms = TermTable()
  var concepts = ConceptMap()
  var entries: [Entry] = []
  var examples: [Example] = []
  /// Each FAQ's bound shape, by FAQ.
  var boundShapes: [BoundShape] = []
  /// The largest coverable ratio of any FAQ (see ``BoundShape``).
  var largestCoverableNormRatio = 1.0
  /// Every example's norm, ascending, for a score bound that holds for every FAQ.
  var sortedExampleNorms: [Double] = []
  /// Term -> the examples that have it, ascending; stop words included.
  var examplePostings = PostingLists<Int32>([])
  /// The most examples (title included) that one FAQ has.
  var mostExamples = 0
  /// Every keyword alternative, required alternative and exclusion, FAQ by FAQ.
  var patterns: [Pattern] = []
  /// Content term -> the patterns whose plain or conceptual form starts with it, ascending.
  var patternsByFirstTerm = PostingLists<Int32>([])
  /// Two-word phrase -> the FAQs with an example that has it, ascending.
  var faqsByBigram: [Int64: [Int32]] = [:]
  /// Each FAQ's place when intent ids are sorted by their UTF-8 bytes: the tie-break.
  var idRanks: [Int32] = []
  /// Content term -> the FAQs that have it, ascending, with its credit there; empty for
  /// stop words.
  var faqPostings = PostingLists<FAQPosting>([])
  /// Terms of small-talk FAQs (greetings, thanks): weighted low when scoring the other
  /// FAQs, since "buongiorno" never says which office a message is for.
  var isSmallTalkTerm: [Bool] = []
  /// The analyzer for messages: the one the index was built with, plus typo correction
  /// against every word of the rules (folded).
  var messageAnalyzer: Analyzer
  /// The idf of a term found in one FAQ only: the rarest possible.
  var rarestIDF = 1.0

  /// The credit of a term found only in an FAQ's answer.
  static let answerCredit = 0.5

  /// The credit of a term in an FAQ's postings: `credit` (1, or ``answerCredit`` for a
  /// term of its answer only), lowered for a small-talk term in another FAQ.
  static func postingCredit(
    _ credit: Double, isRegularFAQ: Bool, isSmallTalkTerm: Bool
  ) -> Double {
    credit * (isRegularFAQ && isSmallTalkTerm ? smallTalkTermFactor : 1)
  }

  /// How many FAQs are analysed together, on all cores, while the index is built.
  static let analysisBatch = 256

  /// The weight factor of a small-talk term when scoring the other FAQs.
  static let smallTalkTermFactor = 0.15

  /// Builds the index of `ruleSet`, analysing every text with `analyzer`.
  init(ruleSet: RuleSet, analyzer: Analyzer) {
    // The message analyzer needs the built-in Italian word list, which nothing else here
    // does: it is split out now, on a thread of its own, rather than at the end, where
    // the index would wait for it.
    let italianWords = BackgroundTask { ItalianLexicon.count }
    var table = TermTable()

    var words: Set<String> = []
    func units(_ text: String) -> [TermUnit] {
      var found: [String] = []
      let units = MatcherIndex.units(of: text, with: analyzer, addingWordsTo: &found)
      words.formUnion(found)
      return units
    }
    // The content units, or every unit when all are stop words, numbered in order: one
    // pass into an array of the right size (building the index calls it for every pattern).
    func content(_ units: [TermUnit]) -> [Int32] {
      let hasContent = units.contains { !$0.isStop }
      var ids: [Int32] = []
      ids.reserveCapacity(units.count)
      for unit in units where !hasContent || !unit.isStop {
        ids.append(table.intern(unit.name, isStop: unit.isStop))
      }
      return ids
    }

    // Concepts first, so that FAQ content is rewritten with them.
    var conceptMap = ConceptMap()
    for word in ruleSet.synonyms.protectedWords { words.insert(word) }
    for concept in ruleSet.synonyms.concepts {
      guard let name = concept.first else { continue }
      let conceptID = table.intern("=" + name.lowercased(), isStop: false)
      for phrase in concept {
        conceptMap.add(content(units(phrase)), concept: conceptID)
      }
    }

    var entries: [Entry] = []
    var examples: [Example] = []
    var strongTerms: [[Int32]] = []
    var answerTerms: [[Int32]] = []

    var patterns: [Pattern] = []
    func compile(
      _ texts: [String], _ analysed: [[TermUnit]], words: [[String]] = [], faq: Int, role: Role
    ) -> Range<Int> {
      let start = patterns.count
      for (number, (text, units)) in zip(texts, analysed).enumerated() {
        let plain = content(units)
        let conceptual = conceptMap.apply(to: plain).sequence
        patterns.append(
          Pattern(
            plain: plain, conceptual: conceptual, label: text, faq: Int32(faq), role: role,
            words: conceptual == plain && number < words.count ? words[number] : nil))
      }
      return start..<patterns.count
    }

    // Analysing the texts is most of the work and needs nothing shared: it runs on all
    // cores, a batch of FAQs at a time (so that few analyses are held at once), and the
    // terms are then numbered in rule order, as if analysed one by one. The next batch is
    // analysed in the background while this thread numbers the terms of the current one.
    // The vocabulary words are gathered there too, batch after batch into the set of the
    // batches before: numbering is the longer job, and hashing every word of every FAQ
    // into a set here doubled it. Each word is added in rule order, so the set keeps the
    // spelling first met of equal strings, as adding them one by one here would.
    // Each batch is analysed by an analyzer that knows the words of the batches before it
    // (``Analyzer/knowing(_:)``): FAQs share most of their words, and stemming every word
    // of every text was a fifth of the analysis.
    @Sendable func analyseBatch(
      startingAt start: Int, with batchAnalyzer: Analyzer, after wordsBefore: Set<String>
    ) -> AnalysedBatch {
      let end = min(ruleSet.faqs.count, start + Self.analysisBatch)
      let faqs = Array(ruleSet.faqs[start..<end]).concurrentMap { faq in
        AnalysedFAQ(faq, ruleSet: ruleSet, analyzer: batchAnalyzer)
      }
      var words = wordsBefore
      words.reserveCapacity(words.count + faqs.reduce(0) { $0 + $1.words.count } / 4)
      var newWords: Set<String> = []
      for faq in faqs {
        for word in faq.words where words.insert(word).inserted { newWords.insert(word) }
      }
      let nextAnalyzer =
        end < ruleSet.faqs.count ? batchAnalyzer.knowing(newWords) : batchAnalyzer
      return AnalysedBatch(faqs: faqs, words: words, nextAnalyzer: nextAnalyzer)
    }
    var analysedFAQs: [AnalysedFAQ] = []
    var nextBatch: BackgroundTask<AnalysedBatch>?
    for (faqIndex, faq) in ruleSet.faqs.enumerated() {
      let batch = faqIndex % Self.analysisBatch
      if batch == 0 {
        let analysedBatch =
          nextBatch?.value() ?? analyseBatch(startingAt: faqIndex, with: analyzer, after: words)
        analysedFAQs = analysedBatch.faqs
        words = analysedBatch.words
        let next = faqIndex + Self.analysisBatch
        // The next batch copies the set once before adding to it, which costs a small part
        // of adding a batch's words.
        let (nextAnalyzer, wordsSoFar) = (analysedBatch.nextAnalyzer, words)
        nextBatch =
          next < ruleSet.faqs.count
          ? BackgroundTask {
            analyseBatch(startingAt: next, with: nextAnalyzer, after: wordsSoFar)
          } : nil
      }
      let analysedFAQ = analysedFAQs[batch]
      // Term sets are kept as arrays, sorted and made unique when complete: cheaper than
      // hashing each term into a set, with the same sorted result.
      // Arrays get their room up front: growing them step by step reallocated them
      // hundreds of thousands of times.
      var strong: [Int32] = []
      strong.reserveCapacity(analysedFAQ.examples.reduce(0) { $0 + $1.count })
      let start = examples.count
      for (text, analysed) in zip([faq.title] + faq.examples, analysedFAQ.examples) {
        var all: [Int32] = []
        all.reserveCapacity(analysed.count)
        var sequence: [Int32] = []
        sequence.reserveCapacity(analysed.count)
        for unit in analysed {
          let id = table.intern(unit.name, isStop: unit.isStop)
          all.append(id)
          if !unit.isStop { sequence.append(id) }
        }
        let (conceptual, found) = conceptMap.apply(to: sequence)
        all += found
        let terms = SortedTerms.replacingPhrases(
          SortedTerms.unique(all), sequence: sequence, conceptual: conceptual)
        strong += terms
        examples.append(
          Example(
            faq: Int32(faqIndex), terms: terms, norm: 0,
            bigrams: MatcherIndex.bigrams(of: conceptual), text: text))
      }
      let keywordGroups = faq.keywordGroups.enumerated().map { group, texts in
        compile(
          texts, analysedFAQ.keywordGroups[group], faq: faqIndex, role: .keyword(group: group))
      }
      var keywordTerms: [Int32] = []
      // By index: a copy of each pattern would retain and release its arrays and label.
      for group in keywordGroups {
        for index in group {
          keywordTerms += patterns[index].plain
          keywordTerms += patterns[index].conceptual
        }
      }
      keywordTerms = SortedTerms.unique(keywordTerms)
      strong += keywordTerms
      strong = SortedTerms.unique(strong)
      let requiredGroups = faq.requiredGroups.enumerated().map { group, texts in
        compile(
          texts, analysedFAQ.requiredGroups[group], faq: faqIndex,
          role: .required(group: group))
      }
      var answerAll: [Int32] = []
      if let answer = analysedFAQ.answer {
        var sequence: [Int32] = []
        sequence.reserveCapacity(answer.count)
        for unit in answer where !unit.isStop {
          sequence.append(table.intern(unit.name, isStop: false))
        }
        let conceptual = conceptMap.apply(to: sequence)
        answerAll = sequence
        answerAll += conceptual.concepts
        answerAll = SortedTerms.unique(answerAll)
      }
      let answerOnly = SortedTerms.subtracting(strong, from: answerAll)
      strongTerms.append(strong)
      answerTerms.append(answerOnly)
      entries.append(
        Entry(
          examples: start..<examples.count, keywordGroups: keywordGroups,
          requiredGroups: requiredGroups,
          exclusions: compile(
            faq.exclusions, analysedFAQ.exclusions, words: analysedFAQ.exclusionWords,
            faq: faqIndex, role: .exclusion),
          isSmallTalk: faq.action == .smallTalk,
          keywordTerms: keywordTerms, answerTerms: answerAll))
    }

    // The words are all known now: their typo index, and the message analyzer that
    // corrects typos with it, are built in the background while the postings are here.
    let vocabularyWords = words
    let messageAnalyzer = BackgroundTask {
      var configuration = analyzer.configuration
      configuration.vocabulary = TypoVocabulary(words: vocabularyWords.sorted())
      return Analyzer(configuration: configuration)
    }

    // Document frequencies over FAQs, then the BM25 idf.
    let count = Double(max(1, entries.count))
    var smallTalkTerms = Array(repeating: false, count: table.names.count)
    for index in entries.indices where entries[index].isSmallTalk {
      for id in strongTerms[index] { smallTalkTerms[Int(id)] = true }
    }
    var frequency = Array(repeating: 0, count: table.names.count)
    // Stop words count in the frequencies but have no FAQ postings.
    var postings: [(term: Int32, element: FAQPosting)] = []
    for index in entries.indices {
      let isRegular = !entries[index].isSmallTalk
      for (terms, credit) in [(strongTerms[index], 1.0), (answerTerms[index], Self.answerCredit)] {
        for id in terms {
          frequency[Int(id)] += 1
          guard !table.isStop[Int(id)] else { continue }
          let credit = Self.postingCredit(
            credit, isRegularFAQ: isRegular, isSmallTalkTerm: smallTalkTerms[Int(id)])
          postings.append((id, FAQPosting(faq: Int32(index), credit: credit)))
        }
      }
    }
    table.idf = frequency.map { df in
      log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5))
    }
    var examplePostings: [(term: Int32, element: Int32)] = []
    var shapes = entries.map { BoundShape(isSmallTalk: $0.isSmallTalk) }
    for index in examples.indices {
      let faq = Int(examples[index].faq)
      let isRegular = !entries[faq].isSmallTalk
      var coverable = 0.0
      examples[index].norm = examples[index].terms.reduce(0) { sum, id in
        let factor = isRegular && smallTalkTerms[Int(id)] ? MatcherIndex.smallTalkTermFactor : 1
        coverable += table.weight(id) * (table.isStop[Int(id)] ? 1 : factor)
        return sum + table.weight(id) * factor
      }
      let norm = examples[index].norm
      if norm > 0 {
        shapes[faq].coverableNormRatio = max(shapes[faq].coverableNormRatio, coverable / norm)
      }
      let isFirst = index == entries[faq].examples.lowerBound
      shapes[faq].smallestNorm = isFirst ? norm : min(shapes[faq].smallestNorm, norm)
      shapes[faq].largestNorm = isFirst ? norm : max(shapes[faq].largestNorm, norm)
      for id in examples[index].terms { examplePostings.append((id, Int32(index))) }
      // One lookup per phrase: the list is changed in place, made when new (an FAQ's
      // examples come together, so a repeated phrase of the FAQ is its list's last entry).
      for bigram in examples[index].bigrams {
        MatcherIndex.append(Int32(faq), unlessLastOf: &faqsByBigram[bigram, default: []])
      }
    }
    var patternsByFirst: [(term: Int32, element: Int32)] = []
    patternsByFirst.reserveCapacity(patterns.count)
    for index in patterns.indices {
      let plainFirst = patterns[index].plain.first
      if let first = plainFirst { patternsByFirst.append((first, Int32(index))) }
      // A pattern is listed once under a term, even when both forms start with it.
      if let first = patterns[index].conceptual.first, first != plainFirst {
        patternsByFirst.append((first, Int32(index)))
      }
    }
    // The ids' bytes are read out once: comparing two `String.UTF8View`s walks them
    // through their indices, which cost more than the sort.
    let idBytes = ruleSet.faqs.map { Array($0.id.utf8) }
    let idOrder = ruleSet.faqs.indices.sorted { lhs, rhs in
      idBytes[lhs].lexicographicallyPrecedes(idBytes[rhs])
    }
    var idRanks = [Int32](repeating: 0, count: ruleSet.faqs.count)
    for (rank, faq) in idOrder.enumerated() { idRanks[faq] = Int32(rank) }

    _ = italianWords.value()
    self.messageAnalyzer = messageAnalyzer.value()
    self.terms = table
    self.concepts = conceptMap
    self.entries = entries
    self.examples = examples
    self.examplePostings = PostingLists(
      termCount: table.names.count, postings: examplePostings)
    self.boundShapes = shapes
    self.largestCoverableNormRatio = shapes.map(\.coverableNormRatio).max() ?? 1
    self.sortedExampleNorms = examples.map(\.norm).filter { $0 > 0 }.sorted()
    self.mostExamples = entries.map(\.examples.count).max() ?? 0
    self.patterns = patterns
    self.idRanks = idRanks
    self.patternsByFirstTerm = PostingLists(
      termCount: table.names.count, postings: patternsByFirst)
    self.faqPostings = PostingLists(termCount: table.names.count, postings: postings)
    self.isSmallTalkTerm = smallTalkTerms
    self.rarestIDF = log(1 + (count - 0.5) / 1.5)
  }

  /// The units of `text`; the vocabulary words it adds (its content words, folded) are
  /// appended to `words`.
  static func units(
    of text: String, with analyzer: Analyzer, addingWordsTo words: inout [String]
  ) -> [TermUnit] {
    units(of: analyzer.analyze(text), addingWordsTo: &words)
  }

  /// The units of an analysed text; the vocabulary words it adds are appended to `words`,
  /// straight into the FAQ's list rather than through a list of each text's own.
  static func units(
    of analysed: AnalyzedMessage, addingWordsTo words: inout [String]
  ) -> [TermUnit] {
    // By index, reading the fields it needs: `for token in` copies each token, with a
    // retain of each of its strings.
    let tokens = analysed.tokens
    for index in tokens.indices where tokens[index].kind == .word && !tokens[index].isStopWord {
      words.append(tokens[index].folded)
    }
    return TermUnit.units(of: analysed)
  }

  /// A batch of FAQs analysed together (see ``analysisBatch``).
  private struct AnalysedBatch: Sendable {
    /// Each FAQ's analysis, in rule order.
    var faqs: [AnalysedFAQ]
    /// The vocabulary words of all of them and of the batches before.
    var words: Set<String>
    /// The analyzer of the batch after it: this batch's, knowing its words too.
    var nextAnalyzer: Analyzer
  }

  /// Every text of one FAQ analysed, before its terms are numbered.
  private struct AnalysedFAQ: Sendable {
    /// The title, then each example question.
    var examples: [[TermUnit]]
    /// Each keyword group's alternatives.
    var keywordGroups: [[[TermUnit]]]
    /// Each required group's alternatives.
    var requiredGroups: [[[TermUnit]]]
    /// The answer with its placeholders filled.
    var answer: [TermUnit]?
    /// The exclusions.
    var exclusions: [[TermUnit]]
    /// The exclusions' words, as ``Query/words(of:)`` reads a message's.
    var exclusionWords: [[String]]
    /// The vocabulary words of all of them.
    var words: [String] = []

    init(_ faq: FAQ, ruleSet: RuleSet, analyzer: Analyzer) {
      var words: [String] = []
      func units(_ text: String) -> [TermUnit] {
        MatcherIndex.units(of: text, with: analyzer, addingWordsTo: &words)
      }
      // A phrase often comes back within an FAQ (a required word is usually a keyword
      // too): each is analysed once. Its words need adding only once, since the
      // vocabulary is a set.
      var phrases: [String: [TermUnit]] = [:]
      func phraseUnits(_ text: String) -> [TermUnit] {
        if let known = phrases[text] { return known }
        let found = units(text)
        phrases[text] = found
        return found
      }
      examples = ([faq.title] + faq.examples).map(units)
      keywordGroups = faq.keywordGroups.map { $0.map(phraseUnits) }
      requiredGroups = faq.requiredGroups.map { $0.map(phraseUnits) }
      answer = faq.answer.map { units(ruleSet.fill($0)) }
      // One analysis of an exclusion gives both its units and its words.
      var exclusions: [[TermUnit]] = []
      var exclusionWords: [[String]] = []
      for exclusion in faq.exclusions {
        let analysed = analyzer.analyze(exclusion)
        exclusions.append(MatcherIndex.units(of: analysed, addingWordsTo: &words))
        exclusionWords.append(Query.words(of: analysed.tokens))
      }
      self.exclusions = exclusions
      self.exclusionWords = exclusionWords
      self.words = words
    }
  }

  /// Appends `faq` to `list` unless it is its last entry already.
  private static func append(_ faq: Int32, unlessLastOf list: inout [Int32]) {
    if list.last != faq { list.append(faq) }
  }

  /// Adjacent pairs of a content sequence as sorted, unique 64-bit keys.
  static func bigrams(of sequence: [Int32]) -> [Int64] {
    var keys: [Int64] = []
    formBigrams(of: sequence, into: &keys)
    return keys
  }

  /// Makes `keys` the ``bigrams(of:)`` of `sequence`, in its own storage: a message's
  /// pairs go to storage kept from one message to the next.
  static func formBigrams(of sequence: [Int32], into keys: inout [Int64]) {
    keys.removeAll(keepingCapacity: true)
    guard sequence.count > 1 else { return }
    keys.reserveCapacity(sequence.count - 1)
    for index in 1..<sequence.count where sequence[index - 1] >= 0 && sequence[index] >= 0 {
      keys.append(Int64(sequence[index - 1]) << 32 | Int64(sequence[index]))
    }
    SortedTerms.formUnique(&keys)
  }
}
