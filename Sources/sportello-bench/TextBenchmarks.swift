import Foundation
import SportelloText

/// The text-analysis figures: analysing a typical message, correcting a typo
/// against 20,000 words, building that index, and analysing 1 MB.
///
/// Times are the benchmark thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), so
/// other processes competing for the machine's two cores do not inflate them.
/// Each median is taken after a quarter of a second of warm-up on the same
/// work: on this machine the first 0.1 s or so of a fresh process runs at about
/// half speed (measured: 6.3 µs a message, then 2.9 µs; unrelated busy work
/// beforehand removes it), which made the first figure bimodal. One-off
/// figures (index build, 1 MB) are medians of several runs. What remains is
/// contention for the host's cores, which can slow a whole run down.
let textBenchmarks = Benchmark(name: "text") {
  // Typical WhatsApp messages of 60 to 100 characters, analysed in turn.
  let messages = [
    "Buongiorno, cmq x la carta d'identità cosa devo portare?? grazie",
    "ciaooo volevo sapere quando posso pagare la TARI di quest'anno grazie",
    "salve dov'è l'ufficio anagrafe? ho bisogno del certificato di residenza",
    "nn riesco ad accedere con lo SPID al portale, mi date una mano x favore",
    "quanto costa il rinnovo della CIE? ho l'appuntamento il 3/12 alle 8:30",
  ]
  let analyzer = Analyzer()
  var call = 0
  var tokens = 0
  let analyzeMedian = CPUTime.medianMicroseconds(samples: 201, batch: 200) {
    tokens &+= analyzer.analyze(messages[call % messages.count]).tokens.count
    call &+= 1
  }

  let vocabularyWords = TextBenchmarkData.vocabulary(count: 20_000)
  var vocabulary = TypoVocabulary(words: [])
  let buildSeconds = CPUTime.medianSeconds(runs: 5) {
    vocabulary = TypoVocabulary(words: vocabularyWords)
  }
  let typos = TextBenchmarkData.typos(of: vocabularyWords, count: 200)
  var corrected = 0
  let correctionMedian = CPUTime.medianMicroseconds(samples: 51, batch: typos.count) {
    if vocabulary.correction(for: typos[call % typos.count]) != nil { corrected &+= 1 }
    call &+= 1
  }
  // Unknown words that are no typo of a vocabulary word: the messages' own
  // words of four letters or more, none of which the synthetic vocabulary
  // holds. A word of 8 letters or more costs the most: no correction at
  // distance 1 means looking at two deletions too.
  let unknownWords = TextBenchmarkData.unknownWords(in: messages, vocabulary: vocabulary)
  let unknownMedian = CPUTime.medianMicroseconds(samples: 51, batch: unknownWords.count) {
    if vocabulary.correction(for: unknownWords[call % unknownWords.count]) != nil {
      corrected &+= 1
    }
    call &+= 1
  }

  // The engine's matcher analyses every message with a vocabulary. Against
  // this one every word of the messages is unknown and looked up, the worst
  // case for that path.
  var configuration = AnalyzerConfiguration()
  configuration.vocabulary = vocabulary
  var correctingAnalyzer = analyzer
  let analyzerBuildSeconds = CPUTime.medianSeconds(runs: 5) {
    correctingAnalyzer = Analyzer(configuration: configuration)
  }
  let correctingMedian = CPUTime.medianMicroseconds(samples: 201, batch: 200) {
    tokens &+= correctingAnalyzer.analyze(messages[call % messages.count]).tokens.count
    call &+= 1
  }

  var megabyte = ""
  while megabyte.utf8.count < 1_000_000 {
    megabyte += messages[megabyte.utf8.count % messages.count] + " 😀 "
  }
  let megabyteSeconds = CPUTime.medianSeconds(runs: 3) {
    tokens &+= analyzer.analyze(megabyte).tokens.count
  }
  let twoMegabytes = megabyte + megabyte
  let twoMegabyteSeconds = CPUTime.medianSeconds(runs: 3) {
    tokens &+= analyzer.analyze(twoMegabytes).tokens.count
  }
  CPUTime.keep(tokens &+ corrected)

  return [
    Measure.atMost("analyze_median_us", analyzeMedian, "µs", 5),
    Measure.info("analyze_with_vocabulary_median_us", correctingMedian, "µs"),
    Measure.atMost("typo_correction_us", correctionMedian, "µs", 5),
    Measure.atMost("typo_unknown_word_us", unknownMedian, "µs", 5),
    Measure.atMost("typo_index_build_ms", buildSeconds * 1000, "ms", 200),
    Measure.info("analyzer_build_20k_words_ms", analyzerBuildSeconds * 1000, "ms"),
    Measure.atMost("analyze_1mb_ms", megabyteSeconds * 1000, "ms", 1000),
    Measure.info("analyze_2mb_ms", twoMegabyteSeconds * 1000, "ms"),
  ]
}

/// Deterministic data for the text benchmarks.
enum TextBenchmarkData {
  /// `count` distinct Italian-looking words of 4 to 14 letters, from a fixed
  /// pseudo-random sequence of syllables.
  static func vocabulary(count: Int) -> [String] {
    let syllables = [
      "ca", "re", "si", "den", "za", "to", "ri", "ta", "mo", "ne", "li", "co", "pa", "gan",
      "te", "ra", "zio", "ni", "ve", "sta", "do", "cu", "men", "ti", "fi", "sca", "le", "ar",
      "es", "in", "on", "ur", "bi", "lo", "gi", "pro", "tra", "per", "con", "so",
    ]
    var generator = SplitMix(seed: 2026)
    var words: [String] = []
    var seen = Set<String>()
    while words.count < count {
      let parts = 2 + Int(generator.next() % 4)
      var word = ""
      for _ in 0..<parts {
        word += syllables[Int(generator.next() % UInt64(syllables.count))]
      }
      if word.count >= 4, seen.insert(word).inserted { words.append(word) }
    }
    return words
  }

  /// The distinct words of four letters or more of `messages`, lowercase,
  /// that `vocabulary` does not hold.
  static func unknownWords(in messages: [String], vocabulary: TypoVocabulary) -> [String] {
    var words: [String] = []
    for message in messages {
      for word in message.lowercased().split(whereSeparator: { !$0.isLetter }) {
        let word = String(word)
        if word.count >= 4, !vocabulary.contains(word), !words.contains(word) {
          words.append(word)
        }
      }
    }
    return words
  }

  /// Unknown words made from vocabulary words by one edit (a swap, a deletion,
  /// an insertion or a substitution), in turn.
  static func typos(of words: [String], count: Int) -> [String] {
    var generator = SplitMix(seed: 7)
    var typos: [String] = []
    let known = Set(words)
    while typos.count < count {
      var letters = Array(words[Int(generator.next() % UInt64(words.count))])
      let position = Int(generator.next() % UInt64(letters.count - 1))
      switch typos.count % 4 {
      case 0: letters.swapAt(position, position + 1)
      case 1: letters.remove(at: position)
      case 2: letters.insert("x", at: position)
      default: letters[position] = "q"
      }
      let typo = String(letters)
      if typo.count >= 4, !known.contains(typo) { typos.append(typo) }
    }
    return typos
  }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// Timing by the calling thread's CPU time rather than the wall clock.
enum CPUTime {
  /// The calling thread's CPU time so far, in seconds.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Makes `value` observable, so that the work that computed it cannot be
  /// optimised away.
  @inline(never)
  static func keep(_ value: Int) {
    withExtendedLifetime(value) {}
  }

  /// Runs `body` once and returns the CPU seconds it took.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return now() - start
  }

  /// The median CPU time of `runs` runs of `body`, in seconds.
  static func medianSeconds(runs: Int, _ body: () -> Void) -> Double {
    var durations = (0..<runs).map { _ in seconds(body) }
    durations.sort()
    return durations[durations.count / 2]
  }

  /// The median CPU time of one call of `body`, in microseconds, over
  /// `samples` batches of `batch` calls, after calling `body` for
  /// `warmUpSeconds` of CPU time.
  static func medianMicroseconds(
    samples: Int, batch: Int, warmUpSeconds: Double = 0.25, _ body: () -> Void
  ) -> Double {
    let warmUpStart = now()
    while now() - warmUpStart < warmUpSeconds {
      for _ in 0..<batch { body() }
    }
    var durations: [Double] = []
    durations.reserveCapacity(samples)
    for _ in 0..<samples {
      let elapsed = seconds {
        for _ in 0..<batch { body() }
      }
      durations.append(elapsed * 1e6 / Double(batch))
    }
    durations.sort()
    return durations[durations.count / 2]
  }

  /// The CPU time of single calls, in microseconds: what a latency figure describes.
  struct Latencies {
    /// Every call's time, ascending.
    var sorted: [Double]

    /// The time that `fraction` of the calls took at most, such as 0.5 for the median.
    func quantile(_ fraction: Double) -> Double {
      sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }

    /// The mean time per call.
    var mean: Double { sorted.reduce(0, +) / Double(sorted.count) }
  }

  /// Times each of `rounds × inputs.count` calls of `body` on its own, cycling through
  /// `inputs`, after one warm-up round.
  ///
  /// Each call is timed by the thread's CPU clock, whose reading costs about 0.1 µs (the
  /// `clock_cost_us` figure), so a call is timed a little long rather than short.
  static func latencies<Input>(
    of inputs: [Input], rounds: Int, _ body: (Input) -> Void
  ) -> Latencies {
    for input in inputs { body(input) }
    var times: [Double] = []
    times.reserveCapacity(rounds * inputs.count)
    for _ in 0..<rounds {
      for input in inputs {
        let start = now()
        body(input)
        times.append((now() - start) * 1e6)
      }
    }
    times.sort()
    return Latencies(sorted: times)
  }
}
