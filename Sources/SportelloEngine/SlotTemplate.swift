/// A template with its placeholders filled but one, whose value changes each time it is
/// sent: the next opening in `messaggio_operatore_fuori_orario`, the options of
/// `messaggio_scelta`.
///
/// Filling a template reads it byte by byte and looks up each placeholder. A reply sent
/// with every handover or menu is read once instead, when the responder is made: the
/// profile's values do not change while a rule set is loaded.
///
///     let template = SlotTemplate("Apre {riapertura} ({sede})", slot: "riapertura") {
///       ["sede": "Piazza Grande"][$0]
///     }
///     template.filled(with: "lunedì alle 8:30")  // "Apre lunedì alle 8:30 (Piazza Grande)"
struct SlotTemplate: Sendable {
  /// The text between the slots, with the other placeholders filled; one more than the
  /// slots.
  private(set) var pieces: [String]

  /// Reads `text`, filling every placeholder but `slot` from `values` (see
  /// ``Placeholders/pieces(of:around:with:)``).
  init(_ text: String, slot: String, values: (String) -> String?) {
    pieces = Placeholders.pieces(of: text, around: slot, with: values)
  }

  /// Whether the slot occurs: when it does not, its value need not be worked out.
  var hasSlot: Bool { pieces.count > 1 }

  /// The text with `value` in each slot.
  func filled(with value: String) -> String {
    pieces.count == 1 ? pieces[0] : pieces.joined(separator: value)
  }

  /// The template followed by `text`, written as is.
  func appending(_ text: String) -> SlotTemplate {
    var template = self
    template.pieces[template.pieces.count - 1] += text
    return template
  }
}
