/// The kinds of documents a town publishes in the Documents tab (seed 004: « Menus,
/// Tutoriels, Règlements intérieurs, Calendriers des réservations »).
public enum TownDocumentCategory: String, Sendable, CaseIterable {
    case menus, reglements, calendriers, tutoriels

    public var frenchLabel: String {
        switch self {
        case .menus: "Menus"
        case .reglements: "Règlements intérieurs"
        case .calendriers: "Calendriers"
        case .tutoriels: "Tutoriels"
        }
    }
}

/// What staff typed to publish a document, checked before the file is.
public struct TownDocumentDraft: Sendable, Equatable {
    public var category: String
    public var title: String
    public var validFrom: String
    public var validUntil: String

    public init(category: String, title: String, validFrom: String, validUntil: String) {
        self.category = category
        self.title = title
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    public var parsedCategory: TownDocumentCategory? { TownDocumentCategory(rawValue: category) }
    public var fromDate: LocalDate? { LocalDate(iso: validFrom) }
    public var untilDate: LocalDate? { validUntil.isEmpty ? nil : LocalDate(iso: validUntil) }

    public func problems() -> [FormProblem] {
        var problems: [FormProblem] = []
        if parsedCategory == nil { problems.append(FormProblem(field: "categorie", message: "Choisissez la catégorie du document.")) }
        if title.isEmpty || title.count > 200 { problems.append(FormProblem(field: "titre", message: "Indiquez le titre du document (200 caractères au plus).")) }
        if fromDate == nil { problems.append(FormProblem(field: "debut", message: "Indiquez la date à partir de laquelle le document est valable.")) }
        if !validUntil.isEmpty {
            if let until = untilDate {
                if let from = fromDate, until < from {
                    problems.append(FormProblem(field: "fin", message: "La fin de validité doit suivre son début."))
                }
            } else {
                problems.append(FormProblem(field: "fin", message: "La fin de validité n'est pas une date valide."))
            }
        }
        return problems
    }
}
