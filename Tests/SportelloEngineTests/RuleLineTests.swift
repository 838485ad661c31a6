import Foundation
import Testing

@testable import SportelloEngine

@Suite struct RuleLineTests {
  /// The lines as a walk over the text's characters finds them.
  private func referenceLines(_ text: String) -> [String] {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    return body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(
      String.init)
  }

  private func describe(_ line: RuleLine) -> String {
    "\(line.number):\(line.column) \(line.content) \(line.kind)"
  }

  @Test(arguments: [
    "", "\n", "a\nb", "a\r\nb\r\n", "a\rb", "a\u{0B}b\u{0C}c", "a\u{85}b", "a\u{2028}b\u{2029}c",
    "\u{FEFF}[id]\ntitolo: x", "é\u{301}\n> ciao 😀\r\n- uno, due", "\r\r\n\n",
  ])
  func linesEndWhereCharactersSayANewLineIs(text: String) {
    let lines = RuleLine.lines(of: text)
    let reference = referenceLines(text)
    #expect(lines.count == reference.count)
    for (line, raw) in zip(lines, reference) {
      #expect(describe(line) == describe(RuleLine(number: line.number, raw: Substring(raw))))
    }
  }

  @Test func randomTextsSplitLikeTheCharacterWalk() {
    let pieces = [
      "a", " ", "\t", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "é", "😀",
      "#", "[", "]", "-", ">", ":", "\u{E2}", "\u{A0}", "\u{301}",
    ]
    var random = SeededRandom(seed: 3)
    for _ in 0..<500 {
      let text = (0..<random.next(in: 0...30)).map { _ in
        pieces[random.next(in: 0...pieces.count - 1)]
      }.joined()
      let lines = RuleLine.lines(of: text)
      let reference = referenceLines(text)
      #expect(
        lines.map(\.content) == reference.map { String($0).trimmed() }, "\(text.debugDescription)")
    }
  }
}
