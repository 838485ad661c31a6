/// The built-in table of Italian chat-speak, SMS abbreviations and common
/// misspellings, applied to whole tokens after folding.
///
/// Keys are folded forms (lowercase, apostrophes unified, letters squeezed);
/// values may be several words (`pls` → `per favore`). Context rules live in the
/// analyzer: `x` and digit keys such as `6` are left alone beside a number
/// (`2 x 3`, `6 x 4`), and `k` is not in the table because it means both `che`
/// and `ok`. A rule set may extend or override the table through
/// ``AnalyzerConfiguration/addAbbreviations(_:)``.
public enum ChatSpeak {
  /// The built-in table.
  public static let table: [String: String] = [
    // Conjunctions, adverbs and question words.
    "cmq": "comunque", "cmnq": "comunque", "nn": "non", "x": "per", "xké": "perché",
    "xkè": "perché", "xke": "perché", "xk": "perché", "xché": "perché", "xchè": "perché",
    "xche": "perché", "pk": "perché", "pke": "perché", "pkè": "perché", "perke": "perché",
    "perkè": "perché", "perké": "perché", "perche": "perché", "perchè": "perché",
    "xò": "però", "pero": "però", "ke": "che", "ki": "chi", "kosa": "cosa", "cs": "cosa",
    "qnd": "quando", "qndo": "quando", "qdo": "quando", "qnt": "quanto", "qnto": "quanto",
    "cm": "come", "dv": "dove", "dp": "dopo", "dmn": "domani", "anke": "anche",
    "ank": "anche", "cn": "con", "sn": "sono", "tt": "tutto", "sl": "solo", "mlt": "molto",
    "tnt": "tanto", "nnt": "niente", "bn": "bene", "qlc": "qualche", "qlcs": "qualcosa",
    "qlcn": "qualcuno", "qst": "questo", "qsto": "questo", "qll": "quello", "6": "sei",
    "poiche": "poiché", "poichè": "poiché", "affinche": "affinché", "benche": "benché",
    "finche": "finché", "nè": "né", "é": "è", "cè": "ci è",
    // Politeness.
    "grz": "grazie", "thx": "grazie", "tnx": "grazie", "prg": "prego", "pfv": "per favore",
    "pf": "per favore", "xfv": "per favore", "xfavore": "per favore", "pls": "per favore",
    "plz": "per favore", "vbb": "va bene", "vb": "va bene",
    // Missing accents.
    "piu": "più", "puo": "può", "gia": "già", "cosi": "così", "citta": "città",
    "percio": "perciò", "cioe": "cioè", "cio": "ciò", "pò": "poco",
    "po": "poco", "lunedi": "lunedì", "martedi": "martedì", "mercoledi": "mercoledì",
    "giovedi": "giovedì", "venerdi": "venerdì", "identita": "identità",
    "pubblicita": "pubblicità", "attivita": "attività", "universita": "università",
    "eta": "età", "novita": "novità", "possibilita": "possibilità", "disponibilita": "disponibilità",
    "validita": "validità", "modalita": "modalità",
    // Nouns of the town hall's trade.
    "msg": "messaggio", "prox": "prossimo", "info": "informazioni", "tel": "telefono",
    "cel": "cellulare", "cell": "cellulare", "num": "numero", "nr": "numero",
    "prot": "protocollo", "doc": "documento", "cod": "codice", "cf": "codice fiscale",
    "sett": "settimana", "gg": "giorni", "tvb": "ti voglio bene",
  ]
}
