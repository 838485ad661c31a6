/// Acronyms and proper names that are never stemmed, corrected or expanded.
///
/// Keys are folded (lowercase). A rule set extends the list through
/// ``AnalyzerConfiguration/addProtectedWords(_:)``.
public enum ProtectedWords {
  /// The built-in list: the acronyms of Italian public administration and the
  /// names of Arezzo and its surroundings.
  public static let builtIn: Set<String> = [
    // Documents, registries and services.
    "cie", "spid", "cns", "isee", "dsu", "inps", "inail", "anpr", "aire", "pec", "suap", "sue",
    "cila", "scia", "durc", "ape", "iban", "pagopa", "appio", "app", "io", "cup", "asl", "usl",
    "ausl", "ztl", "urp", "caf", "agid", "pin", "puk", "otp", "cad", "dpr", "dlgs",
    "tuel", "gdpr", "ue",
    // Taxes.
    "imu", "tari", "tasi", "irpef", "iva", "cosap", "tosap",
    // Places.
    "arezzo", "toscana", "casentino", "valdichiana", "valtiberina", "valdarno", "cortona",
    "sansepolcro", "bibbiena", "montevarchi", "saione", "giotto", "pescaiola", "tortaia",
    "olmo", "rigutino", "quarata", "cavour",
  ]
}
