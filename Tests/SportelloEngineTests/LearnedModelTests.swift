import Foundation
import SportelloText
import Testing

@testable import SportelloEngine

@Suite struct LearnedModelTests {
  /// Two FAQs whose rules answer "quando si paga la tari" and ask which one for
  /// "quando si paga" (IMU first, on a tie broken by id).
  static let faqs =
    faqText("tributi.tari", examples: ["quando si paga la tari", "come pago la tassa rifiuti"])
    + faqText("tributi.imu", examples: ["quando si paga l'imu", "aliquote imu prima casa"])

  /// A model with the classes `-`, tributi.imu and tributi.tari and the given weights.
  static func model(_ weights: [String: [(String, Double)]]) -> LearnedModel {
    let classes = ["-", "tributi.imu", "tributi.tari"]
    let features = weights.keys.sorted().map { key in
      LearnedModel.Feature(
        key: key,
        weights: weights[key]!.map { name, value in
          LearnedModel.Weight(classIndex: classes.firstIndex(of: name)!, value: value)
        })
    }
    return LearnedModel(classes: classes, biases: [0, 0, 0], features: features)
  }

  /// The shipped-format rules of ``faqs`` with `model` and `settings` in their files.
  static func matcher(model: LearnedModel?, settings: String = "") throws -> Matcher {
    var files = ["tributi.faq": faqs, "impostazioni.txt": settings]
    if let model { files[LearnedModel.fileName] = model.fileText(header: ["prova"]) }
    let rules = try TemporaryRules(files)
    defer { rules.remove() }
    let result = RuleSet.load(from: rules.url)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    return Matcher(ruleSet: try #require(result.ruleSet))
  }

  @Test func theHashedFeaturesAreTheHashesOfTheWrittenOnes() {
    let analyzer = Analyzer()
    for message in [
      "ho pagato la TARI il 3/10 😅 prot. 2027/45812", "ciao", "", "è è è",
      "cmq nn ho capito xké alle 15:30 costa 20 euro, scrivete a a@b.it o www.comune.it",
    ] {
      let tokens = analyzer.analyze(message).tokens
      let keys = LearnedFeatures.keys(of: tokens)
      #expect(Set(keys).count == keys.count)
      #expect(
        LearnedFeatures.hashes(of: tokens) == keys.map(LearnedFeatures.hash(ofKey:)).sorted(),
        "\(message)")
    }
    let keys = LearnedFeatures.keys(of: analyzer.analyze("ho pagato il 3/10").tokens)
    #expect(
      keys == [
        "ho", "pagato", "il", "#data", "ho pagato", "pagato il", "il #data",
        "#lunghezza:1",
      ])
  }

  @Test func aModelFileReadsBackAsTheSameModel() {
    var model = Self.model([
      "ho pagato": [("-", 1.2034), ("tributi.tari", -0.05)], "imu": [("tributi.imu", 2.5)],
      "è": [("-", 0.0001)],
    ])
    model.biases = [0.4127, -0.0311, 0]
    model.sources = [LearnedModel.Source(path: "Corpus/t.tsv", messageCount: 3, contentHash: "ab")]
    let (read, diagnostics) = LearnedModel.parse(model.fileText(header: ["a", "b"]), path: "m")
    #expect(diagnostics.isEmpty)
    #expect(read == model)
    #expect(model.fileText(header: []).hasPrefix("fonte\tCorpus/t.tsv\t3\tab\nclasse\t-\t0.4127\n"))
  }

  @Test func everyProblemOfAModelFileHasItsLineAndColumn() {
    let text = [
      "# commento", "classe\t-\t0.5", "classe\tx.y\tabc", "peso\tciao\t-:0.1\tzz:0.2",
      "pesi\tx", "peso\tciao\t-:1", "classe\tz\t0", "peso\tè\tx", "peso\tok\t-:1e400",
      "fonte\tCorpus\tmolti\th", "peso\tsolo",
    ].joined(separator: "\n")
    let (model, diagnostics) = LearnedModel.parse(text, path: "Rules/modello.txt")
    #expect(model == nil)
    #expect(
      diagnostics.map(\.description) == [
        "Rules/modello.txt:3:12: error: invalid number 'abc'",
        "Rules/modello.txt:4:17: error: unknown class 'zz'",
        "Rules/modello.txt:5:1: error: unknown record 'pesi' (did you mean 'peso'?)",
        "Rules/modello.txt:6:6: error: duplicate feature 'ciao' (first at line 4)",
        "Rules/modello.txt:7:1: error: class 'z' comes after the first 'peso' line",
        "Rules/modello.txt:8:8: error: expected class:weight, found 'x'",
        "Rules/modello.txt:9:11: error: invalid number '1e400'",
        "Rules/modello.txt:10:14: error: invalid message count 'molti'",
        "Rules/modello.txt:11:1: error: 'peso' takes a feature and at least one weight",
      ])
    let (empty, found) = LearnedModel.parse("# niente\n", path: "m")
    #expect(empty == nil)
    #expect(
      found.map(\.description) == [
        "m:1:1: error: the model has no 'classe' line; relearn it with 'sportello learn'"
      ])
  }

  @Test func learningTellsOwnCasesFromGeneralQuestionsTheSameWayEveryTime() {
    let analyzer = Analyzer()
    func example(_ message: String, _ intents: [String]) -> LearnedModel.Example {
      LearnedModel.Example(tokens: analyzer.analyze(message).tokens, intents: intents)
    }
    let examples = [
      example("quando si paga la tari", ["tributi.tari"]),
      example("come si paga la tari online", ["tributi.tari"]),
      example("scadenze tari", ["tributi.tari"]),
      example("ho pagato la tari ma mi è arrivato il sollecito", []),
      example("ho pagato due volte la tari, mi ridate i soldi?", []),
      example("ho pagato l'imu ma risulta non pagata", []),
      example("quando si paga l'imu", ["tributi.imu"]),
      example("aliquote imu seconda casa", ["tributi.imu"]),
      example("tari e imu quando si pagano", ["tributi.tari", "tributi.imu"]),
    ]
    let model = LearnedModel.learn(from: examples)
    #expect(model == LearnedModel.learn(from: examples))
    #expect(model.classes == ["-", "tributi.imu", "tributi.tari"])
    let person = LearnedModel.personClass
    func likeliest(_ message: String) -> String {
      let keys = LearnedFeatures.keys(of: analyzer.analyze(message).tokens)
      return model.classes[LearnedScorer.likeliest(model.probabilities(forKeys: keys))]
    }
    #expect(likeliest("ho pagato la tari e mi è arrivato un avviso") == person)
    #expect(likeliest("la tari quando si paga?") == "tributi.tari")
    #expect(likeliest("imu seconda casa aliquote") == "tributi.imu")
    #expect(
      model.features.allSatisfy { feature in
        feature.weights.allSatisfy { abs($0.value) >= 0.02 }
      })
  }

  @Test func theModelHandsOverAnAnswerThatLooksLikeAPersonsCase() throws {
    let message = "quando si paga la tari"
    let plain = try Self.matcher(model: nil).decide(message)
    #expect(plain.outcome == .answer)
    #expect(plain.explanation.learned == nil)
    let model = Self.model(["tari": [("-", 5)]])
    let decision = try Self.matcher(model: model).decide(message)
    #expect(decision.outcome == .handover)
    #expect(decision.handoverReason == .learned)
    #expect(decision.confidence > 0.9)
    #expect(decision.candidates.first?.intent == "tributi.tari")
    let learned = try #require(decision.explanation.learned)
    #expect(learned.changedDecision)
    #expect(learned.likeliest == "-")
    #expect(learned.signs == ["tari +5.00"])
    #expect(
      decision.explanation.reason.hasPrefix(
        "handover: the learned model gives a person's case 0.99 > 0.50 "
          + "(soglia_appreso_operatore); the rules alone: answer: "))
    let switchedOff = try Self.matcher(model: model, settings: "soglia_appreso_operatore: 1\n")
    #expect(switchedOff.decide(message).outcome == .answer)
  }

  @Test func theModelAnswersAQuestionWhoseFirstOptionItIsSureOf() throws {
    let message = "quando si paga"
    let plain = try Self.matcher(model: nil).decide(message)
    #expect(plain.outcome == .ask)
    #expect(plain.options == ["tributi.imu", "tributi.tari"])
    let sure = try Self.matcher(model: Self.model(["paga": [("tributi.imu", 4)]]))
    let answered = sure.decide(message)
    #expect(answered.outcome == .answer)
    #expect(answered.intent == "tributi.imu")
    #expect(answered.confidence == plain.candidates[0].score)
    #expect(answered.explanation.reason.hasPrefix("answer: the first option is also"))
    // The second option, however sure the model is, is not the rules' best.
    let second = try Self.matcher(model: Self.model(["paga": [("tributi.tari", 4)]]))
    #expect(second.decide(message).outcome == .ask)
    let unsure = try Self.matcher(model: Self.model(["paga": [("tributi.imu", 0.2)]]))
    #expect(unsure.decide(message).outcome == .ask)
    #expect(unsure.decide(message).explanation.learned?.changedDecision == false)
    let switchedOff = try Self.matcher(
      model: Self.model(["paga": [("tributi.imu", 4)]]), settings: "soglia_appreso_risposta: 1")
    #expect(switchedOff.decide(message).outcome == .ask)
  }

  @Test func aClassOutscoredByAnotherCannotPassAThresholdOfOneHalf() {
    let scores = [1.0, 1.5, 0.2]
    #expect(!LearnedScorer.mayPass(0.5, classIndex: 0, scores: scores))
    #expect(!LearnedScorer.mayPass(0.9, classIndex: 2, scores: scores))
    #expect(LearnedScorer.mayPass(0.5, classIndex: 1, scores: scores))
    // Below one half, the softmax must say.
    #expect(LearnedScorer.mayPass(0.4, classIndex: 0, scores: scores))
    // A tie, or a rival higher by less than the margin, leaves it to the softmax.
    #expect(LearnedScorer.mayPass(0.5, classIndex: 0, scores: [1.0, 1.0]))
    #expect(LearnedScorer.mayPass(0.5, classIndex: 0, scores: [1.0, 1.0 + 1e-12]))
    #expect(!LearnedScorer.mayPass(0.5, classIndex: 0, scores: [1.0, 1.0 + 1e-6]))
  }

  @Test func decidingWithoutAnExplanationGivesTheSameDecisions() throws {
    // Ties and near ties between `-` and the FAQ's class, on both sides of one half.
    let models = [
      Self.model(["tari": [("-", 1), ("tributi.tari", 1)]]),
      Self.model(["tari": [("-", 1), ("tributi.tari", 1.2)]]),
      Self.model(["tari": [("-", 2)], "paga": [("tributi.imu", 1), ("tributi.tari", 1)]]),
      Self.model(["paga": [("tributi.imu", 1.5), ("-", 1.5)]]),
    ]
    for model in models {
      for threshold in ["0.3", "0.5", "0.7"] {
        let matcher = try Self.matcher(
          model: model,
          settings:
            "soglia_appreso_operatore: \(threshold)\nsoglia_appreso_risposta: \(threshold)\n")
        for message in ["quando si paga la tari", "quando si paga", "tari"] {
          let explained = matcher.decide(message, explains: true)
          let plain = matcher.decide(message, explains: false)
          #expect(plain.outcome == explained.outcome, "\(message) \(threshold)")
          #expect(plain.intent == explained.intent, "\(message) \(threshold)")
          #expect(plain.confidence == explained.confidence, "\(message) \(threshold)")
          #expect(plain.handoverReason == explained.handoverReason, "\(message) \(threshold)")
        }
      }
    }
    // The tie is handed over below one half and answered from one half on.
    let tie = Self.model(["tari": [("-", 1), ("tributi.tari", 1)]])
    let low = try Self.matcher(model: tie, settings: "soglia_appreso_operatore: 0.3\n")
    #expect(low.decide("quando si paga la tari", explains: false).outcome == .handover)
    let high = try Self.matcher(model: tie)
    #expect(high.decide("quando si paga la tari", explains: false).outcome == .answer)
  }

  @Test func aBrokenModelStopsTheRulesAndAStaleOneIsWarnedOf() throws {
    let broken = try TemporaryRules([
      "tributi.faq": Self.faqs, LearnedModel.fileName: "classe\t-\tzero\n",
    ])
    defer { broken.remove() }
    let result = RuleSet.load(from: broken.url)
    #expect(result.ruleSet == nil)
    #expect(
      result.diagnostics.map(\.description) == [
        "\(broken.path(LearnedModel.fileName)):1:10: error: invalid number 'zero'"
      ])
    let withoutModel = RuleSet.load(
      from: broken.url, now: Date(), checksOverlaps: false, readsModel: false)
    #expect(withoutModel.ruleSet?.model == nil)
    #expect(!withoutModel.hasErrors)
    let stale = try TemporaryRules([
      "tributi.faq": Self.faqs,
      LearnedModel.fileName: "classe\t-\t0\nclasse\ttributi.tasi\t0\nclasse\ttributi.imu\t0\n",
    ])
    defer { stale.remove() }
    let staleResult = RuleSet.load(from: stale.url)
    #expect(staleResult.ruleSet?.model?.classes.count == 3)
    #expect(
      staleResult.diagnostics.map(\.description) == [
        "\(stale.path(LearnedModel.fileName)):1:1: warning: the model knows intents the rules "
          + "lack ('tributi.tasi'); relearn it with 'sportello learn'"
      ])
  }

  @Test func theLearnedThresholdsAreReadAndChecked() {
    let (settings, _, diagnostics) = MatcherSettings.parse(
      "soglia_appreso_operatore: 0,7\nsoglia_appreso_risposta: 0.9\n", path: "i.txt")
    #expect(diagnostics.isEmpty)
    #expect(settings.learnedHandoverThreshold == 0.7)
    #expect(settings.learnedAnswerThreshold == 0.9)
    let (_, _, found) = MatcherSettings.parse("soglia_appreso_risposta: 2\n", path: "i.txt")
    #expect(
      found.map(\.description) == [
        "i.txt:1:26: error: invalid value '2' for 'soglia_appreso_risposta': expected a number "
          + "from 0 to 1"
      ])
  }
}
