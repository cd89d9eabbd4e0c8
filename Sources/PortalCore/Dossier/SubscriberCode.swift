/// The code abonné a town gives a family on a letter, which links an account to the family
/// file. Nine random characters and a check character from an alphabet with no look-alikes
/// (no I, L, O, 0 or 1), printed `XXXXX-XXXXX`: 31⁹ ≈ 2.6 × 10¹³ codes, against wrong-code
/// throttling. The check character catches any single mistyped character and any swap of two.
public struct SubscriberCode: Hashable, Sendable, CustomStringConvertible {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 10

    /// « ABCDE-FGHJK »
    public let value: String

    public enum Problem: Error, Hashable, Sendable {
        case wrongLength
        case badCharacter(Character)
        case badCheckCharacter

        public var frenchMessage: String {
            switch self {
            case .wrongLength:
                "Le code abonné compte 10 caractères (ex. ABCDE-FGHJK)."
            case .badCharacter(let character):
                "Le code abonné ne contient pas « \(character) » : il n'a ni O, ni 0, ni I, ni L, ni 1."
            case .badCheckCharacter:
                "Ce code abonné contient une faute de frappe : recopiez-le depuis le courrier de la mairie."
            }
        }
    }

    /// A new random code; `generator` is the system's CSPRNG outside tests.
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> SubscriberCode {
        let body = (0..<(length - 1)).map { _ in alphabet.randomElement(using: &generator)! }
        return SubscriberCode(characters: body + [checkCharacter(for: body)])
    }

    public static func generate() -> SubscriberCode {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// What a family typed: any case, spaces, dashes or dots between the characters.
    public init(typed: String) throws(Problem) {
        let characters = SubscriberCode.compact(typed)
        guard characters.count == SubscriberCode.length else { throw .wrongLength }
        if let bad = characters.first(where: { !SubscriberCode.alphabet.contains($0) }) { throw .badCharacter(bad) }
        guard SubscriberCode.checkCharacter(for: Array(characters.dropLast())) == characters.last else { throw .badCheckCharacter }
        self.init(characters: characters)
    }

    private init(characters: [Character]) {
        value = String(characters.prefix(5)) + "-" + String(characters.dropFirst(5))
    }

    public var description: String { value }

    /// The typed text without separators, upper-cased: the key codes are compared on, so that a
    /// code stored before this format still matches however it is typed.
    public static func compact(_ typed: String) -> [Character] {
        Array(typed.uppercased().filter { !$0.isWhitespace && !"-._".contains($0) })
    }

    /// Weighted sum modulo 31 (a prime, the alphabet's size): with weights 1…10, Σ i·vᵢ ≡ 0.
    /// A single substitution changes the sum by i·δ and a swap by (j−i)·δ, never 0 mod 31.
    static func checkCharacter(for body: [Character]) -> Character {
        let modulus = alphabet.count
        var sum = 0
        for (offset, character) in body.enumerated() {
            sum += (offset + 1) * alphabet.firstIndex(of: character)!
        }
        // 10 · 28 ≡ 1 (mod 31): the check value c solves Σ + 10·c ≡ 0.
        let check = ((modulus - sum % modulus) * 28) % modulus
        return alphabet[check]
    }
}
