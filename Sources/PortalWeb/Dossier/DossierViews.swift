import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The family's pages under « Mon dossier ».
enum DossierViews {
    static func choose(_ chrome: PageChrome, families: [FamilySummary]) -> Node {
        Layout.page(chrome, title: "Mon dossier", currentTab: .dossier, content: [
            .h1([], ["Mon dossier"]),
            families.isEmpty
                ? .p([.class("notice")], [
                    "Votre compte n'est lié à aucun dossier famille. Saisissez le code abonné reçu de la collectivité dans ",
                    .a([.href(SpacePaths.subscriptions)], ["Mes abonnements"]), ".",
                ])
                : .ul([.class("plain-list")], families.map { family in
                    .li([], [.a([.href(DossierPaths.family(family.id))], [.text(family.name)])])
                }),
        ])
    }

    /// `notice`: the code of the `ok` query after a redirect.
    static func overview(_ chrome: PageChrome, dossier: Family, requests: [ChangeRequest], pending: [FieldTarget: FieldChange],
                         notice: String?, today: LocalDate) -> Node {
        let familyID = dossier.familyID
        func waiting(_ entity: DossierEntity, _ id: Int64?) -> Node {
            let targets = pending.keys.filter { $0.record == .existing(id ?? -1) && ($0.entity == entity || (entity == .child && $0.entity == .health)) }
            if targets.contains(where: \.isRemoval) { return .p([.class("pending")], ["Retrait du dossier demandé, en attente de validation"]) }
            return .when(!targets.isEmpty, .p([.class("pending")], ["Modification en attente de validation"]))
        }
        return Layout.page(chrome, title: "Mon dossier", currentTab: .dossier, content: [
            .h1([], [.span([.class("kicker")], [.text(dossier.name)]), "Mon dossier"]),
            DossierNotices.banner(notice),
            .p([], ["Vos modifications sont envoyées au service, qui les valide. En attendant, les valeurs actuelles restent celles du dossier."]),
            .section([.aria("labelledby", "responsables")], [
                .h2([.id("responsables")], ["Responsables"]),
                .fragment(dossier.guardians.map { guardian in
                    .div([.class("card")], [
                        .h3([], [.text(guardian.displayName)]),
                        waiting(.guardian, guardian.id),
                        summary([
                            ("Adresse", [guardian.address.line1, guardian.address.line2, "\(guardian.address.postcode) \(guardian.address.city)"]
                                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", ")),
                            ("Téléphone", PhoneNumber(guardian.mobilePhone)?.display ?? PhoneNumber(guardian.homePhone)?.display ?? ""),
                            ("E-mail", guardian.email),
                            ("Domicilié(e) sur le territoire", guardian.isResident ? "Oui" : "Non"),
                        ]),
                        .a([.class("button secondary"), .href(DossierPaths.record(familyID, .guardian, guardian.id))], [.text("Modifier (\(guardian.firstNames))")]),
                    ])
                }),
            ]),
            .section([.aria("labelledby", "enfants")], [
                .h2([.id("enfants")], ["Enfants"]),
                .fragment(dossier.children.map { child in
                    .div([.class("card")], [
                        .h3([], [.text(child.displayName)]),
                        .when(!child.photo.isEmpty, .p([], [ChildPhotoViews.image(DossierPaths.photo(familyID, child.photo), alt: "Photo de \(child.firstNames)")])),
                        waiting(.child, child.id),
                        summary([
                            ("Date de naissance", child.birthDate.map(TypedDate.display) ?? ""),
                            ("Classe", [child.school, child.schoolClass].filter { !$0.isEmpty }.joined(separator: ", ")),
                            ("Droit à l'image", child.authorizations.imageRights ? "Oui" : "Non"),
                        ]),
                        .p([], [
                            .a([.class("button secondary"), .href(DossierPaths.record(familyID, .child, child.id))], [.text("Modifier (\(child.firstNames))")]), " ",
                            .a([.class("button secondary"), .href(DossierPaths.record(familyID, .health, child.id))], [.text("Fiche sanitaire (\(child.firstNames))")]),
                        ]),
                    ])
                }),
            ]),
            .section([.aria("labelledby", "contacts")], [
                .h2([.id("contacts")], ["Personnes habilitées et contacts d'urgence"]),
                .fragment(dossier.contacts.map { contact in
                    .div([.class("card")], [
                        .h3([], [.text(contact.displayName)]),
                        waiting(.contact, contact.id),
                        summary([("Lien", contact.relation), ("Téléphone", PhoneNumber(contact.phone)?.display ?? contact.phone),
                                 ("Autorisation", contact.permission.frenchLabel)]),
                        .a([.class("button secondary"), .href(DossierPaths.record(familyID, .contact, contact.id))], [.text("Modifier (\(contact.displayName))")]),
                    ])
                }),
                .p([], [.a([.class("button secondary"), .href(DossierPaths.record(familyID, .contact, nil))], ["Ajouter une personne"])]),
            ]),
            .section([.aria("labelledby", "quotient")], [
                .h2([.id("quotient")], ["Quotient familial"]),
                .div([.class("card")], [
                    dossier.fiscal.map { fiscal in
                        summary([("Quotient familial", "\(fiscal.familyQuotient) €"), ("Validité", fiscal.frenchValidity(on: today))])
                    } ?? .p([], ["Aucun quotient familial n'est enregistré : le tarif le plus élevé s'applique."]),
                    .p([.class("hint")], ["Le quotient familial est saisi par le service à partir de votre attestation CAF ; il ne se modifie pas ici."]),
                    .a([.class("button"), .href(SpacePaths.documents)], ["Envoyer une attestation"]),
                ]),
            ]),
            .section([.aria("labelledby", "demandes")], [
                .h2([.id("demandes")], ["Mes demandes de modification"]),
                requests.isEmpty ? .p([], ["Aucune demande."]) : .ul([.class("plain-list")], requests.map { request(chrome, $0, dossier: dossier) }),
                .p([], [.a([.href(SpacePaths.requests)], ["Toutes mes demandes"])]),
            ]),
            .section([.aria("labelledby", "donnees")], [
                .h2([.id("donnees")], ["Mes données personnelles"]),
                .p([], [
                    .a([.href(DossierPaths.data(familyID))], ["Voir toutes les données que la collectivité détient sur nous"]), " ou ",
                    .a([.href(DossierPaths.dataJSON(familyID))], ["les télécharger (fichier JSON)"]), ".",
                ]),
            ]),
        ])
    }

    private static func summary(_ rows: [(String, String)]) -> Node {
        .el("dl", [.class("summary")], rows.flatMap { row -> [Node] in
            [.el("dt", [], [.text(row.0)]), .el("dd", [], [.text(row.1.isEmpty ? "—" : row.1)])]
        })
    }

    private static func request(_ chrome: PageChrome, _ request: ChangeRequest, dossier: Family) -> Node {
        .li([.class("card")], [
            .p([], [.strong([], [.text(request.status.frenchLabel)]), .text(" – envoyée le \(FrenchDateFormat.longWithTime(request.submittedAt))")]),
            .ul([], request.changes.map { change in
                let field = change.target.field
                var text = "\(dossier.recordName(change.target)) – \(field?.label ?? change.target.key)"
                if !change.target.isRemoval { text += " : \(field?.display(change.newValue) ?? change.newValue)" }
                switch change.decision {
                case .pending: text += " (en attente)"
                case .accepted: text += " (acceptée)"
                case .refused(let reason, _, _): text += " (refusée : \(reason))"
                }
                return .li([], [.text(text)])
            }),
            .when(request.withdrawnAt == nil && request.changes.allSatisfy(\.isPending) && request.id != nil,
                  .form([.method("post"), .action(DossierPaths.withdraw(dossier.familyID, request: request.id ?? 0)), .class("inline")], [
                      Forms.csrfField(chrome.csrf), Forms.submit("Retirer cette demande", secondary: true),
                  ])),
        ])
    }

    static func recordForm(_ chrome: PageChrome, dossier: Family, entity: DossierEntity, record: RecordRef, values: [String: String],
                           pending: [FieldTarget: FieldChange], errors: FieldErrors, general: String?) -> Node {
        let id: Int64? = if case .existing(let value) = record { value } else { nil }
        let title = switch entity {
        case .guardian: "Responsable"
        case .child: "Enfant"
        case .health: "Fiche sanitaire"
        case .contact: id == nil ? "Nouvelle personne habilitée" : "Personne habilitée"
        }
        let name = dossier.recordName(FieldTarget(entity, record, "last_name")).split(separator: ":").last.map { String($0.dropFirst()) } ?? ""
        return Layout.page(chrome, title: title, currentTab: .dossier, content: [
            .p([], [.a([.href(DossierPaths.family(dossier.familyID))], ["← Mon dossier"])]),
            .h1([], [.span([.class("kicker")], [.text(id == nil ? dossier.name : name)]), .text(title)]),
            Forms.errorSummary(errors),
            .when(general != nil, Forms.notice(general ?? "", kind: "error")),
            .p([], ["Les champs modifiés sont envoyés au service pour validation ; les valeurs en attente sont signalées."]),
            Forms.form(action: DossierPaths.record(dossier.familyID, entity, id), csrf: chrome.csrf, multipart: entity == .child, label: title,
                       DossierField.fields(of: entity).map { field in
                           let target = FieldTarget(entity, record, field.key)
                           if field.kind == .photo {
                               return ChildPhotoViews.field(familyID: dossier.familyID, current: dossier.value(at: target) ?? "",
                                                            pending: pending[target], errors: errors)
                           }
                           return DossierFieldInput.render(field, value: values[field.key] ?? "", pending: pending[target],
                                                           errors: errors, editable: field.isEditableByFamily)
                       } + [Forms.submit("Soumettre la modification")]),
            .when(id != nil && DossierField.removableEntities.contains(entity),
                  RecordRemovalViews.section(csrf: chrome.csrf, familyID: dossier.familyID, entity: entity, id: id ?? 0, name: name,
                                             pending: pending[.removal(of: entity, id: id ?? 0)] != nil)),
        ])
    }

    static func dataPage(_ chrome: PageChrome, familyID: Int64, export: JSONValue) -> Node {
        Layout.page(chrome, title: "Mes données", currentTab: .dossier, content: [
            .h1([], ["Les données que la collectivité détient sur vous"]),
            .p([], [.a([.class("button"), .href(DossierPaths.dataJSON(familyID))], ["Télécharger ces données (JSON)"])]),
            DataTree.render(export, level: 2),
        ])
    }
}

/// The RGPD export as nested headings and definition lists: the same tree as the JSON file.
enum DataTree {
    static func render(_ value: JSONValue, level: Int) -> Node {
        switch value {
        case .object(let members):
            let leaves = members.filter { if case .object = $0.value { false } else if case .array = $0.value { false } else { true } }
            let branches = members.filter { if case .object = $0.value { true } else if case .array = $0.value { true } else { false } }
            return .fragment([
                .when(!leaves.isEmpty, .el("dl", [.class("summary")], leaves.flatMap { member -> [Node] in
                    [.el("dt", [], [.text(member.key)]), .el("dd", [], [.text(text(member.value))])]
                })),
            ] + branches.map { member in
                .section([], [.el("h\(min(level, 6))", [], [.text(member.key)]), render(member.value, level: level + 1)])
            })
        case .array(let items):
            guard !items.isEmpty else { return .p([], ["Aucune donnée."]) }
            return .fragment(items.map { .div([.class("card")], [render($0, level: level)]) })
        default:
            return .p([], [.text(text(value))])
        }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text.isEmpty ? "—" : text
        case .number(let text): text
        case .bool(let flag): flag ? "Oui" : "Non"
        case .null: "—"
        default: ""
        }
    }
}

/// Notices after a redirect, named by a fixed code in the query.
enum DossierNotices {
    static func text(_ code: String?) -> String? {
        switch code {
        case "demande-dossier": "Votre demande de modification a été envoyée au service. Elle apparaît dans « Mes demandes »."
        case "demande-retiree": "Votre demande a été retirée."
        case "retrait-impossible": "Le service a déjà répondu à cette demande : elle ne peut plus être retirée."
        case "demande-retrait": "Votre demande de retrait a été envoyée au service. Elle apparaît dans « Mes demandes »."
        case "retrait-en-attente": "Un retrait de cette fiche attend déjà la validation du service."
        case "famille-creee": "Le dossier famille est créé. Imprimez le courrier du code abonné pour la famille."
        case "quotient": "Le quotient familial est enregistré."
        case "residence": "La domiciliation est enregistrée."
        case "anonymise": "Le dossier est anonymisé : seuls les noms utiles aux factures sont conservés."
        case "decision": "La décision est enregistrée et la famille est prévenue par e-mail."
        default: nil
        }
    }

    /// The banner of the `ok` query of this request.
    static func banner(_ request: HTTPRequest) -> Node { banner(request.queryValue("ok")) }

    static func banner(_ code: String?) -> Node {
        guard let text = text(code) else { return .fragment([]) }
        let errors: Set<String> = ["retrait-impossible", "retrait-en-attente"]
        return Forms.notice(text, kind: errors.contains(code ?? "") ? "error" : "success")
    }
}
