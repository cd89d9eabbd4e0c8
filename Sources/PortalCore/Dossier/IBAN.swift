/// An International Bank Account Number (ISO 13616), kept in its compact form (no spaces,
/// upper case). Families type it from a RIB with spaces, so spaces are allowed on input.
public struct IBAN: Hashable, Sendable {
    public let compact: String

    /// Total lengths of the SEPA countries' IBANs (ISO 13616 registry). France's overseas
    /// departments and collectivities use FR numbers.
    public static let lengthByCountry: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
        "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
        "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
        "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "VA": 22,
    ]

    public enum Problem: Error, Equatable, Sendable {
        case badCharacters
        case unknownCountry(String)
        case wrongLength(country: String, expected: Int, actual: Int)
        case badChecksum

        public var frenchMessage: String {
            switch self {
            case .badCharacters:
                "Un IBAN ne contient que des lettres et des chiffres, et commence par le code du pays (FR76…)."
            case .unknownCountry(let code):
                "« \(code) » n'est pas un pays de la zone SEPA : vérifiez le début de l'IBAN."
            case .wrongLength(let country, let expected, let actual):
                "Un IBAN \(country) compte \(expected) caractères ; celui-ci en compte \(actual)."
            case .badChecksum:
                "Cet IBAN contient une erreur de saisie (sa clé de contrôle ne correspond pas) : recopiez-le depuis votre RIB."
            }
        }
    }

    public init(_ typed: String) throws(Problem) {
        let compact = String(typed.filter { !$0.isWhitespace && $0 != "-" }.uppercased())
        guard compact.count >= 5, compact.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { throw .badCharacters }
        let country = String(compact.prefix(2))
        guard country.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }),
              compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber)
        else { throw .badCharacters }
        guard let expected = IBAN.lengthByCountry[country] else { throw .unknownCountry(country) }
        guard compact.count == expected else { throw .wrongLength(country: country, expected: expected, actual: compact.count) }
        guard IBAN.mod97(compact) == 1 else { throw .badChecksum }
        self.compact = compact
    }

    public var countryCode: String { String(compact.prefix(2)) }

    /// « FR76 3000 6000 0112 3456 7890 189 », as printed on a RIB.
    public var grouped: String {
        var out = ""
        for (offset, character) in compact.enumerated() {
            if offset > 0, offset % 4 == 0 { out.append(" ") }
            out.append(character)
        }
        return out
    }

    /// ISO 7064 MOD 97-10 as ISO 13616 applies it: the first four characters move to the end,
    /// letters become 10…35, and the number read digit by digit must leave 1.
    static func mod97(_ compact: String) -> Int {
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for scalar in rearranged.unicodeScalars {
            let value = scalar.value >= 65 ? Int(scalar.value) - 55 : Int(scalar.value) - 48
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder
    }
}
