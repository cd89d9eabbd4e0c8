import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Back-office pages of family files and of the dossier change queue.
enum StaffDossierViews {
    /// `notice`: the code of the `ok` query after a redirect.
    private static func page(_ frame: StaffChrome, title: String, notice: String?, _ content: [Node]) -> Node {
        StaffViews.page(frame, title: title, content: [DossierNotices.banner(notice)] + content)
    }

    static func search(_ frame: StaffChrome, notice: String?, query: String, hits: [FamilySearchHit]) -> Node {
        page(frame, title: "Familles", notice: notice, [
            .h1([], ["Familles"]),
            .form([.method("get"), .action(StaffDossierPaths.families), .class("form"), .role("search")], [
                .div([.class("field")], [
                    .label([.for("champ-q")], ["Nom de famille, d'un responsable, d'un enfant ou code abonné"]),
                    .input([.type("search"), .id("champ-q"), .name("q"), .value(query)]),
                ]),
                Forms.submit("Rechercher"),
            ]),
            .when(!query.isEmpty, hits.isEmpty ? .p([], ["Aucune famille ne correspond."]) : .ul([.class("plain-list")], hits.map { hit in
                .li([.class("card")], [
                    .a([.href(StaffDossierPaths.family(hit.familyID))], [.strong([], [.text(hit.name)])]),
                    .text(" – \(hit.subscriberCode)\(hit.isAnonymised ? " (anonymisé)" : "")"),
                    .p([.class("hint")], [.text(hit.members)]),
                ])
            })),
            .p([], [.a([.class("button secondary"), .href(StaffDossierPaths.newFamily)], ["Créer un dossier famille"])]),
        ])
    }

    static func newFamily(_ frame: StaffChrome, notice: String?, values: [String: String], errors: FieldErrors) -> Node {
        page(frame, title: "Nouveau dossier famille", notice: notice, [
            .h1([], ["Nouveau dossier famille"]),
            .p([], ["Le code abonné est créé automatiquement ; un courrier à remettre à la famille est prêt à imprimer ensuite."]),
            Forms.errorSummary(errors),
            Forms.form(action: StaffDossierPaths.newFamily, csrf: frame.chrome.csrf, label: "Premier responsable",
                       StaffDossierHandlers.creationFields.compactMap { DossierField.find(.guardian, $0) }.map { field in
                           DossierFieldInput.render(field, value: values[field.key] ?? "", pending: nil, errors: errors)
                       } + [Forms.submit("Créer le dossier")]),
        ])
    }

    /// `quotientError`: the quotient form sent back unreadable (`erreur=quotient`).
    static func family(_ frame: StaffChrome, _ page: StaffFamilyFile, notice: String?, quotientError: Bool) -> Node {
        let dossier = page.dossier
        let id = dossier.familyID
        func fields<R>(_ bindings: [FieldBinding<R>], _ record: R) -> Node {
            .el("dl", [.class("summary")], bindings.flatMap { binding -> [Node] in
                let shown = binding.field.display(binding.value(in: record))
                return [.el("dt", [], [.text(binding.field.label)]), .el("dd", [], [.text(shown.isEmpty ? "—" : shown)])]
            })
        }
        return self.page(frame, title: dossier.name, notice: notice, [
            .h1([], [.span([.class("kicker")], [.text("Code abonné \(dossier.subscriberCode)")]), .text(dossier.name)]),
            .when(page.isAnonymised, .p([.class("notice")], ["Dossier anonymisé : seuls les noms utiles aux factures sont conservés."])),
            .p([], [.a([.class("button secondary"), .href(StaffDossierPaths.letter(id))], ["Imprimer le courrier du code abonné"])]),
            .h2([], ["Responsables"]),
            .fragment(dossier.guardians.map { guardian in
                .div([.class("card")], [
                    .h3([], [.text(guardian.displayName)]),
                    fields(DossierField.guardianBindings, guardian),
                    .form([.method("post"), .action(StaffDossierPaths.residency(id)), .class("inline")], [
                        Forms.csrfField(frame.chrome.csrf), Forms.hidden("responsable", String(guardian.id ?? 0)),
                        Forms.hidden("resident", guardian.isResident ? FieldKind.no : FieldKind.yes),
                        Forms.submit(guardian.isResident ? "Marquer hors territoire (\(guardian.firstNames))" : "Marquer domicilié(e) sur le territoire (\(guardian.firstNames))", secondary: true),
                    ]),
                ])
            }),
            .h2([], ["Enfants"]),
            .fragment(dossier.children.map { child in
                .div([.class("card")], [
                    .h3([], [.text(child.displayName)]),
                    .when(!child.photo.isEmpty, .p([], [ChildPhotoViews.image(StaffDossierPaths.photo(id, child.photo), alt: "Photo de \(child.firstNames)")])),
                    fields(DossierField.childBindings, child),
                    .h3([], ["Fiche sanitaire"]),
                    page.mayViewHealth ? fields(DossierField.healthBindings, child)
                        : .p([.class("notice")], ["Données de santé réservées à la direction et aux administrateurs."]),
                ])
            }),
            .h2([], ["Personnes habilitées"]),
            .fragment(dossier.contacts.map { contact in .div([.class("card")], [fields(DossierField.contactBindings, contact)]) }),
            .h2([], ["Quotient familial"]),
            Forms.form(action: StaffDossierPaths.quotient(id), csrf: frame.chrome.csrf, label: "Quotient familial", [
                .when(quotientError, Forms.notice("Indiquez un quotient en euros et des dates de validité dans l'ordre.", kind: "error")),
                Forms.field("quotient", label: "Quotient familial (€)", value: dossier.fiscal.map { String($0.familyQuotient) } ?? "", autocomplete: nil,
                            errors: FieldErrors(), required: false, extra: [Attribute("inputmode", "numeric")]),
                Forms.field("du", label: "Valable du", type: "date", value: dossier.fiscal?.validFrom.iso ?? "", autocomplete: nil, errors: FieldErrors(), required: false),
                Forms.field("au", label: "Valable jusqu'au", type: "date", value: dossier.fiscal?.validUntil.iso ?? "", autocomplete: nil, errors: FieldErrors(), required: false),
                Forms.submit("Enregistrer le quotient"),
            ]),
            .h2([], ["Demandes de modification"]),
            page.requests.isEmpty ? .p([], ["Aucune demande."]) : .ul([.class("plain-list")], page.requests.map { request in
                .li([], [.a([.href(StaffDossierPaths.request(request.id ?? 0))], [
                    .text("\(FrenchDateFormat.longWithTime(request.submittedAt)) – \(request.submittedBy.name) – \(request.status.frenchLabel)"),
                ])])
            }),
            .fragment(StaffFamilySections.render(frame.chrome.tenant, page.overview)),
            .when(!page.healthLog.isEmpty, .fragment([
                .h2([], ["Consultations des fiches sanitaires"]),
                .ul([.class("plain-list")], page.healthLog.map { access in
                    .li([], [.text("\(FrenchDateFormat.longWithTime(access.viewedAt)) – \(access.staffName) – \(access.purpose)")])
                }),
            ])),
            .when(page.role == .admin && !page.isAnonymised, .fragment([
                .h2([], ["Anonymiser (famille partie)"]),
                Forms.form(action: StaffDossierPaths.anonymise(id), csrf: frame.chrome.csrf, label: "Anonymiser", [
                    .p([], ["Conserve le nom de la famille et des responsables (factures) ; supprime tout le reste, définitivement."]),
                    Forms.field("confirmation", label: "Tapez ANONYMISER pour confirmer", autocomplete: "off", errors: FieldErrors()),
                    Forms.submit("Anonymiser le dossier", secondary: true),
                ]),
            ])),
        ])
    }

    /// A page to print: the family's name and address, its code abonné, and how to use it.
    /// `baseURL`: where the family creates its account, the address the letter was printed from.
    static func letter(_ chrome: PageChrome, dossier: Family, baseURL: String) -> Node {
        let tenant = chrome.tenant
        let guardian = dossier.guardians.first
        return Layout.page(chrome, title: "Courrier code abonné", content: [
            .div([.class("letter")], [
                .p([], [.text(tenant.name)]),
                .p([.class("address")], [
                    .text(guardian?.displayName ?? dossier.name), .br,
                    .text(guardian?.address.line1 ?? ""), .br,
                    .text("\(guardian?.address.postcode ?? "") \(guardian?.address.city ?? "")"),
                ]),
                .h1([], ["Votre code abonné"]),
                .p([], [.text("Pour accéder au dossier de votre famille sur le \(tenant.branding.portalTitle), créez votre compte sur "),
                        .strong([], [.text(baseURL)]), " puis saisissez ce code dans « Mes abonnements » :"]),
                .p([.class("code")], [.strong([], [.text(dossier.subscriberCode)])]),
                .p([], ["Le code ne contient ni O, ni 0, ni I, ni L, ni 1. Les deux responsables peuvent utiliser le même code. Gardez-le pour vous."]),
                ContactBlock.render(tenant.contact, headingLevel: "h2"),
            ]),
        ])
    }

    static func request(_ frame: StaffChrome, _ request: ChangeRequest, dossier: Family, role: StaffRole, notice: String?, problem: String?) -> Node {
        let stale = Set(request.staleTargets(against: dossier))
        let mayViewHealth = HealthDataPolicy.mayView(role)
        return page(frame, title: "Demande de modification", notice: notice, [
            .h1([], [.span([.class("kicker")], [.a([.href(StaffDossierPaths.family(dossier.familyID))], [.text(dossier.name)])]),
                     .text("Demande du \(FrenchDateFormat.longWithTime(request.submittedAt))")]),
            .p([], [.text("Par \(request.submittedBy.name) – \(request.status.frenchLabel)")]),
            .when(problem != nil, Forms.notice(problem ?? "", kind: "error")),
            Forms.form(action: StaffDossierPaths.request(request.id ?? 0), csrf: frame.chrome.csrf, label: "Décision",
                       request.changes.enumerated().map { position, change in
                           changeRow(position, change, dossier: dossier, stale: stale.contains(change.target),
                                     masked: change.target.entity == .health && !mayViewHealth)
                       } + [.when(request.isOpen, Forms.submit("Enregistrer les décisions"))]),
            .when(request.isOpen && (mayViewHealth || !request.changes.contains { $0.target.entity == .health && $0.isPending }),
                  Forms.form(action: StaffDossierPaths.request(request.id ?? 0), csrf: frame.chrome.csrf, label: "Toute la demande", [
                      .h2([], ["Toute la demande"]),
                      Forms.field("motif", label: "Motif (obligatoire pour refuser)", autocomplete: "off", errors: FieldErrors(), required: false),
                      .fragment(request.changes.indices.filter { stale.contains(request.changes[$0].target) }.map { Forms.hidden("confirme\($0)", "oui") }),
                      .button([.type("submit"), .name("tout"), .value("accepter"), .class("button")], ["Tout accepter"]), " ",
                      .button([.type("submit"), .name("tout"), .value("refuser"), .class("button secondary")], ["Tout refuser"]),
                  ])),
            .h2([], ["Historique"]),
            .ul([.class("plain-list")], request.history.map { entry in
                let what: String = switch entry.action {
                case .submitted(let count): "demande envoyée (\(count) champ\(count > 1 ? "s" : ""))"
                case .withdrawn: "demande retirée"
                case .accepted(let targets): "accepté : " + targets.compactMap { $0.field?.label }.joined(separator: ", ")
                case .refused(let targets, let reason): "refusé : " + targets.compactMap { $0.field?.label }.joined(separator: ", ") + " (\(reason))"
                }
                return .li([], [.text("\(FrenchDateFormat.longWithTime(entry.at)) – \(entry.actor.name) – \(what)")])
            }),
        ])
    }

    private static func changeRow(_ position: Int, _ change: FieldChange, dossier: Family, stale: Bool, masked: Bool) -> Node {
        let field = change.target.field
        func shown(_ value: String) -> String {
            if masked { return "(donnée de santé)" }
            let text = field?.display(value) ?? value
            return text.isEmpty ? "(vide)" : text
        }
        let current = dossier.value(at: change.target) ?? ""
        var rows: [Node] = [
            .h3([], [.text("\(dossier.recordName(change.target)) – \(field?.label ?? change.target.key)")]),
            change.target.isRemoval
                ? .p([], [.text(change.target.entity == .child
                    ? "La famille demande le retrait de cet enfant. Accepté, il quitte le dossier : sa fiche sanitaire et sa photo sont supprimées, son nom reste pour les réservations et factures passées."
                    : "La famille demande le retrait de cette personne du dossier.")])
                : .p([], [.text("Valeur demandée : \(shown(change.newValue))"), .br, .text("Valeur au moment de la demande : \(shown(change.oldValue))")]),
        ]
        if field?.kind == .photo {
            rows.append(.p([], [
                ChildPhotoViews.image(StaffDossierPaths.photo(dossier.familyID, change.newValue), alt: "Photo demandée"), " ",
                .when(!current.isEmpty, ChildPhotoViews.image(StaffDossierPaths.photo(dossier.familyID, current), alt: "Photo actuelle")),
            ]))
        }
        switch change.decision {
        case .accepted(let by, let at):
            rows.append(.p([.class("decision")], [.text("Acceptée par \(by.name), \(FrenchDateFormat.longWithTime(at))")]))
        case .refused(let reason, let by, let at):
            rows.append(.p([.class("decision")], [.text("Refusée par \(by.name), \(FrenchDateFormat.longWithTime(at)) : \(reason)")]))
        case .pending where masked:
            rows.append(.p([.class("notice")], ["Donnée de santé : décision réservée à la direction et aux administrateurs."]))
        case .pending:
            if stale {
                rows.append(.p([.class("pending")], [.text("Attention : la valeur du dossier a changé depuis la demande (actuellement : \(shown(current))).")]))
                rows.append(.div([.class("field checkbox")], [
                    .input([.type("checkbox"), .id("champ-confirme\(position)"), .name("confirme\(position)"), .value("oui")]),
                    .label([.for("champ-confirme\(position)")], ["Accepter quand même"]),
                ]))
            }
            rows.append(.fieldset([
                .legend(["Décision"]),
                radio(position, "accepter", "Accepter"), radio(position, "refuser", "Refuser"), radio(position, "", "Plus tard", checked: true),
            ]))
            rows.append(Forms.field("motif\(position)", label: "Motif du refus", autocomplete: "off", errors: FieldErrors(), required: false))
        }
        return .div([.class("card")], rows)
    }

    private static func radio(_ position: Int, _ value: String, _ label: String, checked: Bool = false) -> Node {
        let id = "champ-d\(position)-\(value.isEmpty ? "plus-tard" : value)"
        return .div([.class("field checkbox")], [
            .input([.type("radio"), .id(id), .name("d\(position)"), .value(value)] + (checked ? [.checked] : [])),
            .label([.for(id)], [.text(label)]),
        ])
    }
}

private extension Node {
    static func fieldset(_ children: [Node]) -> Node { .el("fieldset", [], children) }
    static func legend(_ children: [Node]) -> Node { .el("legend", [], children) }
}
