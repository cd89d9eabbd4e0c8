/// A Business Identifier Code (ISO 9362): party prefix (4), country (2 letters), location (2),
/// optional branch (3). Only the shape can be checked: BICs carry no check digit.
public struct BIC: Hashable, Sendable {
    public let code: String

    public static let frenchProblem = "Un BIC compte 8 ou 11 lettres et chiffres, le pays en 5e et 6e position (ex. BNPAFRPPXXX)."

    public init?(_ typed: String) {
        let code = String(typed.filter { !$0.isWhitespace }.uppercased())
        let scalars = Array(code.unicodeScalars)
        guard scalars.count == 8 || scalars.count == 11 else { return nil }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
        func isAlphanumeric(_ s: Unicode.Scalar) -> Bool { isLetter(s) || ("0"..."9").contains(s) }
        guard scalars[0..<4].allSatisfy(isAlphanumeric), scalars[4..<6].allSatisfy(isLetter),
              scalars[6...].allSatisfy(isAlphanumeric)
        else { return nil }
        self.code = code
    }

    public var countryCode: String { String(code.dropFirst(4).prefix(2)) }
}
