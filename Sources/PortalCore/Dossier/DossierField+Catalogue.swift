/// Reads and writes one field of a record as its canonical string.
public struct FieldBinding<Record>: Sendable {
    public let field: DossierField
    let get: @Sendable (Record) -> String
    let set: @Sendable (inout Record, String) -> Void

    public func value(in record: Record) -> String { get(record) }
    public func write(_ value: String, into record: inout Record) { set(&record, value) }
}

private func text<R>(_ path: any WritableKeyPath<R, String> & Sendable, _ field: DossierField) -> FieldBinding<R> {
    FieldBinding(field: field, get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 })
}

private func flag<R>(_ path: any WritableKeyPath<R, Bool> & Sendable, _ field: DossierField) -> FieldBinding<R> {
    FieldBinding(field: field, get: { $0[keyPath: path] ? FieldKind.yes : FieldKind.no },
                 set: { $0[keyPath: path] = $1 == FieldKind.yes })
}

extension DossierField {
    public static let relationChoices = [
        FieldChoice("mere", "Mère"), FieldChoice("pere", "Père"),
        FieldChoice("tuteur", "Tuteur ou tutrice"), FieldChoice("autre", "Autre responsable"),
    ]
    public static let classChoices = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2",
                                      "6e", "5e", "4e", "3e", "Lycée"].map { FieldChoice($0, $0) }
    public static let dietChoices = [
        FieldChoice("standard", "Sans régime particulier"), FieldChoice("sans_porc", "Sans porc"),
        FieldChoice("sans_viande", "Sans viande"), FieldChoice("vegetarien", "Végétarien"),
        FieldChoice("medical", "Régime médical (voir PAI)"),
    ]

    public static let guardianBindings: [FieldBinding<Guardian>] = [
        text(\.lastName, .init(.guardian, "last_name", "Nom", .text(maxLength: 100), required: true)),
        text(\.firstNames, .init(.guardian, "first_names", "Prénoms", .text(maxLength: 150), required: true)),
        text(\.relation, .init(.guardian, "relation", "Lien avec les enfants", .choice(relationChoices), required: true)),
        text(\.address.line1, .init(.guardian, "address_line1", "Adresse", .text(maxLength: 150), required: true)),
        text(\.address.line2, .init(.guardian, "address_line2", "Complément d'adresse", .text(maxLength: 150))),
        text(\.address.postcode, .init(.guardian, "postcode", "Code postal", .postcode, required: true)),
        text(\.address.city, .init(.guardian, "city", "Commune", .text(maxLength: 100), required: true)),
        text(\.mobilePhone, .init(.guardian, "mobile_phone", "Téléphone portable", .phone)),
        text(\.homePhone, .init(.guardian, "home_phone", "Téléphone du domicile", .phone)),
        text(\.workPhone, .init(.guardian, "work_phone", "Téléphone professionnel", .phone)),
        text(\.email, .init(.guardian, "email", "Adresse e-mail", .email)),
        text(\.profession, .init(.guardian, "profession", "Profession", .text(maxLength: 100))),
        text(\.employer, .init(.guardian, "employer", "Employeur", .text(maxLength: 150))),
        text(\.accountHolder, .init(.guardian, "account_holder", "Titulaire du compte", .text(maxLength: 150))),
        text(\.iban, .init(.guardian, "iban", "IBAN", .iban)),
        text(\.bic, .init(.guardian, "bic", "BIC", .bic)),
        flag(\.isResident, .init(.guardian, "resident", "Domicilié(e) sur le territoire", .yesNo, editableByFamily: false)),
    ]

    public static let childBindings: [FieldBinding<Child>] = [
        text(\.lastName, .init(.child, "last_name", "Nom", .text(maxLength: 100), required: true)),
        text(\.firstNames, .init(.child, "first_names", "Prénoms", .text(maxLength: 150), required: true)),
        FieldBinding(field: .init(.child, "birth_date", "Date de naissance", .pastDate(maximumYearsAgo: 25), required: true),
                     get: { $0.birthDate?.iso ?? "" }, set: { $0.birthDate = LocalDate(iso: $1) }),
        text(\.school, .init(.child, "school", "École", .text(maxLength: 150))),
        text(\.schoolClass, .init(.child, "school_class", "Classe", .choice(classChoices))),
        text(\.photo, .init(.child, "photo", "Photo", .photo)),
        flag(\.authorizations.imageRights, .init(.child, "image_rights", "Droit à l'image", .yesNo)),
        flag(\.authorizations.mayLeaveAlone, .init(.child, "may_leave_alone", "Autorisé(e) à partir seul(e)", .yesNo)),
        flag(\.authorizations.usesTransport, .init(.child, "uses_transport", "Prend le transport (bus)", .yesNo)),
    ]

    /// The health sheet of a child, bound on the child that holds it.
    public static let healthBindings: [FieldBinding<Child>] = [
        text(\.health.allergies, .init(.health, "allergies", "Allergies", .multiline(maxLength: 1000))),
        text(\.health.diet, .init(.health, "diet", "Régime alimentaire", .choice(dietChoices))),
        flag(\.health.hasPAI, .init(.health, "pai", "PAI (projet d'accueil individualisé)", .yesNo)),
        text(\.health.paiDetails, .init(.health, "pai_details", "Détails du PAI", .multiline(maxLength: 1000))),
        text(\.health.doctorName, .init(.health, "doctor_name", "Médecin traitant", .text(maxLength: 150))),
        text(\.health.doctorPhone, .init(.health, "doctor_phone", "Téléphone du médecin", .phone)),
        text(\.health.notes, .init(.health, "notes", "Observations", .multiline(maxLength: 2000))),
    ] + Vaccine.allCases.map { vaccine in
        FieldBinding(field: .init(.health, "vaccine_\(vaccine.rawValue)", "\(vaccine.frenchLabel) : dernière injection", .pastDate(maximumYearsAgo: 25)),
                     get: { $0.health.vaccinations[vaccine]?.iso ?? "" },
                     set: { $0.health.vaccinations[vaccine] = LocalDate(iso: $1) })
    }

    public static let contactBindings: [FieldBinding<AuthorizedContact>] = [
        text(\.lastName, .init(.contact, "last_name", "Nom", .text(maxLength: 100), required: true)),
        text(\.firstNames, .init(.contact, "first_names", "Prénoms", .text(maxLength: 150), required: true)),
        text(\.relation, .init(.contact, "relation", "Lien avec l'enfant", .text(maxLength: 100), required: true)),
        text(\.phone, .init(.contact, "phone", "Téléphone", .phone, required: true)),
        text(\.otherPhone, .init(.contact, "other_phone", "Autre téléphone", .phone)),
        FieldBinding(field: .init(.contact, "permission", "Autorisation",
                                  .choice(ContactPermission.allCases.map { FieldChoice($0.rawValue, $0.frenchLabel) }), required: true),
                     get: { $0.permission.rawValue },
                     set: { $0.permission = ContactPermission(rawValue: $1) ?? .emergencyOnly }),
    ]

    /// Every field of an entity, in the order forms show them.
    public static func fields(of entity: DossierEntity) -> [DossierField] {
        switch entity {
        case .guardian: guardianBindings.map(\.field)
        case .child: childBindings.map(\.field)
        case .health: healthBindings.map(\.field)
        case .contact: contactBindings.map(\.field)
        }
    }

    /// A form field, or the removal pseudo-field of a removable entity.
    public static func find(_ entity: DossierEntity, _ key: String) -> DossierField? {
        key == removalKey ? removal(entity) : fields(of: entity).first { $0.key == key }
    }
}
