/// The backward steps of the Snowball Italian stemmer and their suffix lists,
/// transcribed from the Snowball description of the algorithm.
extension StemmerState {
  static let pronouns = SuffixTable([
    "ci", "gli", "la", "le", "li", "lo", "mi", "ne", "si", "ti", "vi",
    "sene", "gliela", "gliele", "glieli", "glielo", "gliene",
    "mela", "mele", "meli", "melo", "mene", "tela", "tele", "teli", "telo", "tene",
    "cela", "cele", "celi", "celo", "cene", "vela", "vele", "veli", "velo", "vene",
  ])

  /// What may precede an attached pronoun: a gerund (dropped pronoun) or an
  /// infinitive stem (pronoun replaced by `e`).
  static let pronounHosts = SuffixTable(["ando", "endo", "ar", "er", "ir"])

  /// The standard suffixes; the index ranges select the action.
  static let standardSuffixes = SuffixTable([
    // 0...28: delete in R2.
    "anza", "anze", "ico", "ici", "ica", "ice", "iche", "ichi", "ismo", "ismi", "abile",
    "abili", "ibile", "ibili", "ista", "iste", "isti", "istà", "istè", "istì", "oso", "osi",
    "osa", "ose", "mente", "atrice", "atrici", "ante", "anti",
    // 29...32: delete in R2, then a preceding `ic` in R2.
    "azione", "azioni", "atore", "atori",
    // 33...34: `log` in R2.
    "logia", "logie",
    // 35...38: `u` in R2.
    "uzione", "uzioni", "usione", "usioni",
    // 39...40: `ente` in R2.
    "enza", "enze",
    // 41...44: delete in RV.
    "amento", "amenti", "imento", "imenti",
    // 45: delete in R1, then iv(at), os, ic or abil in R2.
    "amente",
    // 46: delete in R2, then abil, ic or iv in R2.
    "ità",
    // 47...50: delete in R2, then at and ic in R2.
    "ivo", "ivi", "iva", "ive",
  ])

  static let amenteTails = SuffixTable(["iv", "os", "ic", "abil"])
  static let itaTails = SuffixTable(["abil", "ic", "iv"])

  static let verbSuffixes = SuffixTable([
    "ammo", "ando", "ano", "are", "arono", "asse", "assero", "assi", "assimo", "ata", "ate",
    "ati", "ato", "ava", "avamo", "avano", "avate", "avi", "avo", "emmo", "enda", "ende",
    "endi", "endo", "erà", "erai", "eranno", "ere", "erebbe", "erebbero", "erei", "eremmo",
    "eremo", "ereste", "eresti", "erete", "erò", "erono", "essero", "ete", "eva", "evamo",
    "evano", "evate", "evi", "evo", "Yamo", "iamo", "immo", "irà", "irai", "iranno", "ire",
    "irebbe", "irebbero", "irei", "iremmo", "iremo", "ireste", "iresti", "irete", "irò",
    "irono", "isca", "iscano", "isce", "isci", "isco", "iscono", "issero", "ita", "ite", "iti",
    "ito", "iva", "ivamo", "ivano", "ivate", "ivi", "ivo", "ono", "uta", "ute", "uti", "uto",
    "ar", "ir",
  ])

  static let letterE: [UInt32] = [0x65]
  static let letterU: [UInt32] = [0x75]
  static let letterI: [UInt32] = [0x69]
  static let suffixLog: [UInt32] = [0x6C, 0x6F, 0x67]
  static let suffixEnte: [UInt32] = [0x65, 0x6E, 0x74, 0x65]
  static let suffixIc: [UInt32] = [0x69, 0x63]
  static let suffixAt: [UInt32] = [0x61, 0x74]

  /// `attached_pronoun`: a pronoun after a gerund is dropped, after an
  /// infinitive stem (-ar, -er, -ir) it becomes `e`; the host must lie in RV.
  mutating func attachedPronoun() {
    guard let pronoun = longestSuffix(in: Self.pronouns, endingAt: count) else { return }
    let pronounLength = Self.pronouns.lengths[pronoun]
    let hostEnd = count - pronounLength
    guard let host = longestSuffix(in: Self.pronounHosts, endingAt: hostEnd) else { return }
    guard hostEnd - Self.pronounHosts.lengths[host] >= rv else { return }
    if host <= 1 {
      removeLast(pronounLength)
    } else {
      replaceSuffix(length: pronounLength, with: Self.letterE)
    }
  }

  /// `standard_suffix`.
  ///
  /// - Returns: Whether a suffix matched and its condition held; when not, the
  ///   verb suffixes are tried instead.
  mutating func standardSuffix() -> Bool {
    guard let id = longestSuffix(in: Self.standardSuffixes, endingAt: count) else {
      return false
    }
    let length = Self.standardSuffixes.lengths[id]
    let start = count - length
    switch id {
    case 0...28:
      guard start >= r2 else { return false }
      removeLast(length)
    case 29...32:
      guard start >= r2 else { return false }
      removeLast(length)
      deleteSuffix(Self.suffixIc, ifStartsAtOrAfter: r2)
    case 33...34:
      guard start >= r2 else { return false }
      replaceSuffix(length: length, with: Self.suffixLog)
    case 35...38:
      guard start >= r2 else { return false }
      replaceSuffix(length: length, with: Self.letterU)
    case 39...40:
      guard start >= r2 else { return false }
      replaceSuffix(length: length, with: Self.suffixEnte)
    case 41...44:
      guard start >= rv else { return false }
      removeLast(length)
    case 45:
      guard start >= r1 else { return false }
      removeLast(length)
      if let tail = longestSuffix(in: Self.amenteTails, endingAt: count) {
        let tailLength = Self.amenteTails.lengths[tail]
        if count - tailLength >= r2 {
          removeLast(tailLength)
          if tail == 0 {
            deleteSuffix(Self.suffixAt, ifStartsAtOrAfter: r2)
          }
        }
      }
    case 46:
      guard start >= r2 else { return false }
      removeLast(length)
      if let tail = longestSuffix(in: Self.itaTails, endingAt: count) {
        let tailLength = Self.itaTails.lengths[tail]
        if count - tailLength >= r2 {
          removeLast(tailLength)
        }
      }
    default:
      guard start >= r2 else { return false }
      removeLast(length)
      if deleteSuffix(Self.suffixAt, ifStartsAtOrAfter: r2) {
        deleteSuffix(Self.suffixIc, ifStartsAtOrAfter: r2)
      }
    }
    return true
  }

  /// `verb_suffix`: the longest verb ending that lies wholly in RV is deleted.
  mutating func verbSuffix() {
    guard let id = longestSuffix(in: Self.verbSuffixes, endingAt: count, limit: rv) else {
      return
    }
    removeLast(Self.verbSuffixes.lengths[id])
  }

  /// `vowel_suffix`: a final a e i o (or accented) in RV goes, then an `i` in RV;
  /// and the `h` of a final `ch` or `gh` goes when the c or g lies in RV.
  mutating func vowelSuffix() {
    if let final = last, Self.isResidualVowel(final), count - 1 >= rv {
      removeLast()
      if last == 0x69, count - 1 >= rv {
        removeLast()
      }
    }
    if count >= 2, word[count - 1] == 0x68, word[count - 2] == 0x63 || word[count - 2] == 0x67,
      count - 2 >= rv
    {
      removeLast()
    }
  }
}
