/// What staff typed in the actualité form, checked before it is stored.
public struct NewsDraft: Sendable, Equatable {
    public var title: String
    public var body: String
    public var publishedOn: String
    public var expiresOn: String
    public var pinned: Bool

    public init(title: String, body: String, publishedOn: String, expiresOn: String, pinned: Bool) {
        self.title = title
        self.body = body
        self.publishedOn = publishedOn
        self.expiresOn = expiresOn
        self.pinned = pinned
    }

    public init(_ item: NewsItem) {
        self.init(title: item.title, body: item.body, publishedOn: item.publishedOn.iso, expiresOn: item.expiresOn?.iso ?? "", pinned: item.pinned)
    }

    public var publicationDate: LocalDate? { LocalDate(iso: publishedOn) }
    /// Nil when left empty (no expiry) or unreadable; `problems` tells them apart.
    public var expiryDate: LocalDate? { expiresOn.isEmpty ? nil : LocalDate(iso: expiresOn) }

    public func problems() -> [FormProblem] {
        var problems: [FormProblem] = []
        if title.isEmpty { problems.append(FormProblem(field: "titre", message: "Indiquez le titre de l'actualité.")) }
        if title.count > 200 { problems.append(FormProblem(field: "titre", message: "Le titre ne peut pas dépasser 200 caractères.")) }
        if body.isEmpty { problems.append(FormProblem(field: "texte", message: "Écrivez le texte de l'actualité.")) }
        if body.count > 20_000 { problems.append(FormProblem(field: "texte", message: "Le texte ne peut pas dépasser 20 000 caractères.")) }
        if publicationDate == nil { problems.append(FormProblem(field: "publication", message: "Indiquez la date de publication (jj/mm/aaaa).")) }
        if !expiresOn.isEmpty {
            if let expiry = expiryDate {
                if let publication = publicationDate, expiry < publication {
                    problems.append(FormProblem(field: "expiration", message: "La date de fin d'affichage doit suivre la date de publication."))
                }
            } else {
                problems.append(FormProblem(field: "expiration", message: "La date de fin d'affichage n'est pas une date valide."))
            }
        }
        return problems
    }
}
