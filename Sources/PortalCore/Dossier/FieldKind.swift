/// What a dossier field holds, which decides how a typed value is checked, stored and shown.
/// Stored values are canonical strings ("" for empty) so that a change request can carry any
/// field's old and new value the same way.
public enum FieldKind: Hashable, Sendable {
    case text(maxLength: Int)
    case multiline(maxLength: Int)
    case phone
    case email
    case postcode
    case iban
    case bic
    /// A past day; `maximumYearsAgo` bounds how old it may be (a child's birth date).
    case pastDate(maximumYearsAgo: Int?)
    case yesNo
    case choice([FieldChoice])
    /// A reference to a stored picture (JPEG or PNG), set by an upload rather than typed.
    case photo
}

public struct FieldChoice: Hashable, Sendable {
    public let value: String
    public let label: String

    public init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }
}

extension FieldKind {
    /// Canonical yes / no values.
    public static let yes = "oui"
    public static let no = "non"

    /// The canonical value of what was typed, or a French message saying what is wrong.
    /// `today` is the town's day, for dates that may not be in the future.
    public func normalise(_ typed: String, today: LocalDate) -> Result<String, FieldProblem> {
        let trimmed = String(typed.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else { return .success("") }
        switch self {
        case .text(let maxLength):
            let line = String(trimmed.map { $0.isNewline ? " " : $0 })
            return line.count <= maxLength ? .success(line) : .failure(.tooLong(maxLength))
        case .multiline(let maxLength):
            let text = trimmed.replacing("\r\n", with: "\n")
            return text.count <= maxLength ? .success(text) : .failure(.tooLong(maxLength))
        case .phone:
            return PhoneNumber(trimmed).map { .success($0.canonical) } ?? .failure(.invalid(PhoneNumber.frenchProblem))
        case .email:
            return ContactEmail.normalise(trimmed).map { .success($0) } ?? .failure(.invalid(ContactEmail.frenchProblem))
        case .postcode:
            return FrenchPostcode(trimmed).map { .success($0.code) } ?? .failure(.invalid(FrenchPostcode.frenchProblem))
        case .iban:
            do { return .success(try IBAN(trimmed).compact) } catch { return .failure(.invalid(error.frenchMessage)) }
        case .bic:
            return BIC(trimmed).map { .success($0.code) } ?? .failure(.invalid(BIC.frenchProblem))
        case .pastDate(let maximumYearsAgo):
            guard let date = TypedDate.parse(trimmed) else { return .failure(.invalid("Date non reconnue : écrivez-la JJ/MM/AAAA (ex. 09/03/2019).")) }
            guard date <= today else { return .failure(.invalid("Cette date est dans le futur.")) }
            if let years = maximumYearsAgo, date < today.adding(months: -12 * years) {
                return .failure(.invalid("Cette date remonte à plus de \(years) ans : vérifiez l'année."))
            }
            return .success(date.iso)
        case .yesNo:
            switch trimmed.lowercased() {
            case "oui", "true", "on", "1": return .success(FieldKind.yes)
            case "non", "false", "off", "0": return .success(FieldKind.no)
            default: return .failure(.invalid("Répondez oui ou non."))
            }
        case .choice(let choices):
            return choices.contains { $0.value == trimmed } ? .success(trimmed) : .failure(.invalid("Choisissez une des réponses proposées."))
        case .photo:
            // A stored picture's reference, never free text.
            return trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) && trimmed.count <= 64
                ? .success(trimmed) : .failure(.invalid("Photo non reconnue."))
        }
    }

    /// How a canonical value reads on a page: « 06 12 34 56 78 », « 09/03/2019 », « Oui »…
    public func display(_ value: String) -> String {
        guard !value.isEmpty else { return "" }
        switch self {
        case .phone: return PhoneNumber(value)?.display ?? value
        case .iban: return (try? IBAN(value))?.grouped ?? value
        case .pastDate: return LocalDate(iso: value).map(TypedDate.display) ?? value
        case .yesNo: return value == FieldKind.yes ? "Oui" : "Non"
        case .choice(let choices): return choices.first { $0.value == value }?.label ?? value
        case .photo: return "Photo"
        case .text, .multiline, .email, .postcode, .bic: return value
        }
    }
}

/// Why a typed value was refused, in French for the family.
public enum FieldProblem: Error, Hashable, Sendable {
    case required
    case tooLong(Int)
    case invalid(String)

    public var frenchMessage: String {
        switch self {
        case .required: "Ce champ est obligatoire."
        case .tooLong(let maximum): "\(maximum) caractères au plus."
        case .invalid(let message): message
        }
    }
}
