import HTML
import PortalCore
import PortalFlows

/// A child's photo on the family's form: the current one, the one waiting for validation
/// beside it, and the file input (JPEG or PNG, 2 Mo at most).
enum ChildPhotoViews {
    static let fieldName = "photo"

    static func field(familyID: Int64, current: String, pending: FieldChange?, errors: FieldErrors) -> Node {
        let id = Forms.fieldID(fieldName)
        let messages = errors.messages(for: fieldName)
        var describedBy = [id + "-aide"]
        if pending != nil { describedBy.append(id + "-attente") }
        if !messages.isEmpty { describedBy.append(id + "-erreur") }
        var input: [Attribute] = [.type("file"), .id(id), .name(fieldName), Attribute("accept", "image/jpeg,image/png"),
                                  Attribute(UploadSizeCheck.attribute, String(ChildPhoto.maximumBytes)),
                                  .aria("describedby", describedBy.joined(separator: " "))]
        if !messages.isEmpty { input.append(.aria("invalid", "true")) }
        return .div([.class(messages.isEmpty ? "field" : "field has-error")], [
            .label([.for(id)], ["Photo", .span([.class("optional")], [" (facultatif)"])]),
            current.isEmpty ? .p([.class("hint")], ["Pas de photo enregistrée."])
                : .p([], [image(DossierPaths.photo(familyID, current), alt: "Photo actuelle")]),
            .when(pending != nil, .p([.class("pending"), .id(id + "-attente")], [
                .strong([], ["Nouvelle photo en attente de validation : "]), .br,
                image(DossierPaths.photo(familyID, pending?.newValue ?? ""), alt: "Nouvelle photo en attente de validation"),
            ])),
            .when(!messages.isEmpty, .p([.class("field-error"), .id(id + "-erreur")], messages.map { .text($0 + " ") })),
            .p([.class("hint"), .id(id + "-aide")], ["Image JPEG ou PNG, 2 Mo au plus. Elle sera visible du service après validation."]),
            .input(input),
        ])
    }

    /// A thumbnail: the width attribute scales it without an inline style (the CSP forbids those).
    static func image(_ source: String, alt: String) -> Node {
        .el("img", [.src(source), Attribute("alt", alt), Attribute("width", "128"), Attribute("class", "child-photo")])
    }
}

/// The section under a child's or contact's form to ask for the record to be removed.
enum RecordRemovalViews {
    static func section(csrf: String, familyID: Int64, entity: DossierEntity, id: Int64, name: String, pending: Bool) -> Node {
        let what = entity == .child ? "cet enfant" : "cette personne"
        return .section([.aria("labelledby", "retrait")], [
            .h2([.id("retrait")], [.text("Retirer \(what) du dossier")]),
            pending
                ? .p([.class("pending")], ["Retrait du dossier demandé, en attente de validation."])
                : Forms.form(action: DossierPaths.removal(familyID, entity, id), csrf: csrf, label: "Retrait du dossier", [
                    .p([], [.text(entity == .child
                        ? "Le service retire la fiche après validation ; la fiche sanitaire et la photo sont alors supprimées."
                        : "Le service retire la personne après validation : elle ne pourra plus venir chercher les enfants.")]),
                    Forms.submit("Demander le retrait (\(name))", secondary: true),
                ]),
        ])
    }
}
