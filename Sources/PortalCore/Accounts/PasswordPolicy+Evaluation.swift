#if canImport(Glibc)
import Glibc
#endif

/// Why a password is refused; the form names each one in French.
public enum PasswordProblem: Sendable, Equatable {
    case empty
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case missingClass(CharacterClass)
    case tooWeak(bits: Int, minimum: Int)
    case common
    case containsEmail
}

extension CharacterClass {
    /// Size of the alphabet an attacker must try for this class.
    public var poolSize: Int {
        switch self {
        case .lower, .upper: 26
        case .digit: 10
        case .special: 33
        }
    }

    public var frenchName: String {
        switch self {
        case .lower: "une minuscule"
        case .upper: "une majuscule"
        case .digit: "un chiffre"
        case .special: "un caractère spécial"
        }
    }

    public static func of(_ character: Character) -> CharacterClass {
        if character.isNumber, character.isASCII { return .digit }
        if character.isLetter, character.isLowercase { return .lower }
        if character.isLetter, character.isUppercase { return .upper }
        return .special
    }
}

extension PasswordPolicy {
    /// Long passphrases are welcome up to the bound ASVS 2.1.2 sets (64 at least, 128 at most).
    /// No form has a `maxlength`: a browser would cut a pasted password silently, and the
    /// account would get a shorter one than its owner believes; the server says why instead.
    public static let maximumLength = 128

    /// The CNIL's estimate: length × log2(size of the union of the classes used).
    public static func entropyBits(of password: String) -> Double {
        let classes = Set(password.map(CharacterClass.of))
        let pool = classes.reduce(0) { $0 + $1.poolSize }
        guard pool > 1 else { return 0 }
        return Double(password.count) * log2(Double(pool))
    }

    /// Every problem of `password`, empty when it is accepted. `email` is the account's own
    /// address, whose local part must not be the password.
    public func problems(with password: String, email: String? = nil) -> [PasswordProblem] {
        guard !password.isEmpty else { return [.empty] }
        var problems: [PasswordProblem] = []
        if password.count < minLength { problems.append(.tooShort(minimum: minLength)) }
        if password.count > Self.maximumLength { problems.append(.tooLong(maximum: Self.maximumLength)) }
        let used = Set(password.map(CharacterClass.of))
        for required in CharacterClass.allCases where requiredClasses.contains(required) && !used.contains(required) {
            problems.append(.missingClass(required))
        }
        let bits = Self.entropyBits(of: password)
        if bits < Double(minEntropyBits) { problems.append(.tooWeak(bits: Int(bits), minimum: minEntropyBits)) }
        if CommonPasswords.contains(password) { problems.append(.common) }
        if let local = email?.split(separator: "@").first, local.count >= 4,
           password.lowercased().contains(local.lowercased()) {
            problems.append(.containsEmail)
        }
        return problems
    }

    /// The rule as the form states it before the first try.
    public var frenchRule: String {
        var parts = ["Au moins \(minLength) caractères"]
        if !requiredClasses.isEmpty {
            let names = CharacterClass.allCases.filter(requiredClasses.contains).map(\.frenchName)
            parts[0] += ", dont au moins " + Self.frenchList(names)
        }
        let example = Self.lengthNeeded(bits: minEntropyBits)
        parts.append("assez long pour être difficile à deviner : par exemple \(example.lettersOnly) lettres minuscules, "
            + "ou \(example.mixed) caractères mêlant minuscules, majuscules, chiffres et caractères spéciaux")
        parts.append("les mots de passe trop courants sont refusés ; une phrase de passe est bienvenue")
        return parts.joined(separator: " ; ") + "."
    }

    static func lengthNeeded(bits: Int) -> (lettersOnly: Int, mixed: Int) {
        (Int((Double(bits) / log2(26)).rounded(.up)), Int((Double(bits) / log2(95)).rounded(.up)))
    }

    static func frenchList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " et " + items.last!
    }
}

extension PasswordProblem {
    public var frenchMessage: String {
        switch self {
        case .empty: "Saisissez un mot de passe."
        case .tooShort(let minimum): "Le mot de passe doit contenir au moins \(minimum) caractères."
        case .tooLong(let maximum): "Le mot de passe ne peut pas dépasser \(maximum) caractères."
        case .missingClass(let characterClass): "Le mot de passe doit contenir au moins \(characterClass.frenchName)."
        case .tooWeak: "Le mot de passe est trop facile à deviner : allongez-le, ou mêlez minuscules, majuscules, chiffres et caractères spéciaux."
        case .common: "Ce mot de passe fait partie des plus utilisés ou a déjà fuité : choisissez-en un autre."
        case .containsEmail: "Le mot de passe ne doit pas reprendre votre adresse électronique."
        }
    }
}
