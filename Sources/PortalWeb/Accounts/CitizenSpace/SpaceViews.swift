import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The pages of « Mon espace citoyen ».
enum SpaceViews {
    private static let sections: [(path: String, title: String, text: String)] = [
        (SpacePaths.account, "Mon compte", "Vos nom, prénoms, adresse électronique de connexion et mot de passe."),
        (SpacePaths.subscriptions, "Mes abonnements", "Les dossiers famille liés à votre compte ; ajoutez-en un avec votre code abonné."),
        (SpacePaths.requests, "Mes demandes", "Le suivi de toutes vos demandes et des réponses du service."),
        (SpacePaths.documents, "Mes documents", "Transmettez vos justificatifs (attestation CAF, certificats…) au service."),
    ]

    static func page(_ chrome: PageChrome, title: String, current: String?, content: [Node]) -> Node {
        Layout.page(chrome, title: title, content: [
            .nav([.class("space-nav"), .aria("label", "Mon espace citoyen")], [
                .ul([], sections.map { section in
                    .li([], [.a([.href(section.path)] + (section.path == current ? [.aria("current", "page")] : []), [.text(section.title)])])
                }),
            ]),
        ] + content)
    }

    static func home(_ chrome: PageChrome, account: Account) -> Node {
        Layout.page(chrome, title: "Mon espace citoyen", content: [
            .h1([], [.span([.class("kicker")], ["Mon espace citoyen"]), .text("Bonjour \(account.firstNames)")]),
            .ul([.class("space-links")], sections.map { section in
                .li([], [.a([.href(section.path)], [.strong([], [.text(section.title)]), .text(section.text)])])
            }),
        ])
    }

    static func account(_ chrome: PageChrome, account: Account, forms: AccountForms, sessions: [ActiveSession], notice: String?) -> Node {
        var all = FieldErrors()
        for item in forms.identityErrors.items + forms.passwordErrors.items + forms.emailErrors.items + forms.connectionErrors.items {
            all.add(item.field, item.message)
        }
        return page(chrome, title: "Mon compte", current: SpacePaths.account, content: [
            .h1([], ["Mon compte"]),
            Notices.banner(notice),
            Forms.errorSummary(all),
            .p([], ["Ce sont vos informations de connexion. Le nom et l'adresse de facturation se modifient dans le dossier famille."]),
            .section([.aria("labelledby", "identite-titre")], [
                .h2([.id("identite-titre")], ["Identité"]),
                Forms.form(action: SpacePaths.identity, csrf: chrome.csrf, label: "Identité", [
                    Forms.field("nom", label: "Nom", value: forms.lastName ?? account.lastName, autocomplete: "family-name", errors: forms.identityErrors),
                    Forms.field("prenoms", label: "Prénoms", value: forms.firstNames ?? account.firstNames, autocomplete: "given-name", errors: forms.identityErrors),
                    Forms.submit("Enregistrer"),
                ]),
            ]),
            .section([.aria("labelledby", "courriel-titre")], [
                .h2([.id("courriel-titre")], ["Adresse électronique de connexion"]),
                .p([], ["Adresse actuelle : ", .strong([], [.text(account.email)])]),
                .p([], ["Un lien de confirmation sera envoyé à la nouvelle adresse ; l'actuelle reste valable jusque-là."]),
                Forms.form(action: SpacePaths.email, csrf: chrome.csrf, label: "Changer d'adresse électronique", [
                    Forms.field("nouveau_courriel", label: "Nouvelle adresse électronique", type: "email", value: forms.newEmail,
                                autocomplete: "email", errors: forms.emailErrors),
                    Forms.field("mot_de_passe_courriel", label: "Mot de passe actuel", type: "password", autocomplete: "current-password",
                                errors: forms.emailErrors),
                    Forms.submit("Changer d'adresse"),
                ]),
            ]),
            PasswordViews.changeSection(chrome, action: SpacePaths.password, email: account.email, errors: forms.passwordErrors),
            SessionViews.section(chrome, sessions: sessions, action: SpacePaths.connections, errors: forms.connectionErrors),
        ])
    }

    static func subscriptions(_ chrome: PageChrome, families: [FamilySummary], code: String, errors: FieldErrors, notice: String?) -> Node {
        page(chrome, title: "Mes abonnements", current: SpacePaths.subscriptions, content: [
            .h1([], ["Mes abonnements"]),
            Notices.banner(notice),
            Forms.errorSummary(errors),
            families.isEmpty
                ? .p([], ["Aucun dossier famille n'est encore lié à votre compte."])
                : .ul([], families.map { .li([], [.strong([], [.text($0.name)])]) }),
            .section([.aria("labelledby", "abonner-titre")], [
                .h2([.id("abonner-titre")], ["M'abonner à un dossier famille"]),
                .p([], ["Le dossier est accessible dès l'enregistrement, sans vous reconnecter. Les deux responsables peuvent chacun lier le même dossier à leur compte."]),
                Forms.form(action: SpacePaths.subscriptions, csrf: chrome.csrf, label: "M'abonner", [
                    Forms.field("code_abonne", label: "Code abonné", value: code, autocomplete: "off",
                                hint: "Indiqué sur le courrier ou le courriel de la collectivité.", errors: errors,
                                extra: [Attribute("autocapitalize", "characters")]),
                    Forms.submit("M'abonner"),
                ]),
            ]),
        ])
    }

    static func requests(_ chrome: PageChrome, requests: [FamilyRequest]) -> Node {
        page(chrome, title: "Mes demandes", current: SpacePaths.requests, content: [
            .h1([], ["Mes demandes"]),
            requests.isEmpty
                ? .p([], ["Vous n'avez encore fait aucune demande."])
                : .div([.class("table-wrap")], [.el("table", [], [
                    .el("caption", [.class("visually-hidden")], ["Vos demandes, de la plus récente à la plus ancienne"]),
                    .el("thead", [], [.el("tr", [], ["Date", "Type", "Objet", "État"].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                    .el("tbody", [], requests.map { request in
                        .el("tr", [], [
                            .el("td", [], [.text(FrenchDateFormat.numeric(ParisTime.localDate(of: request.createdAt)))]),
                            .el("td", [], [.text(request.kindLabel)]),
                            .el("td", [], [.a([.href(SpacePaths.request(request.id))], [.text(request.summary)])]),
                            .el("td", [], [.span([.class("status")], [.text(request.status.frenchLabel)])]),
                        ])
                    }),
                ])]),
        ])
    }

    static func request(_ chrome: PageChrome, _ request: FamilyRequest) -> Node {
        page(chrome, title: request.summary, current: SpacePaths.requests, content: [
            .h1([], [.span([.class("kicker")], [.text(request.kindLabel)]), .text(request.summary)]),
            .p([], ["État : ", .span([.class("status")], [.text(request.status.frenchLabel)])]),
            .h2([], ["Historique"]),
            .ul([.class("history")], request.events.map { event in
                .li([], [
                    .strong([], [.text(FrenchDateFormat.longWithTime(event.at) + " – " + event.status.frenchLabel)]),
                    .when(!event.note.isEmpty, .p([], [.text(event.note)])),
                ])
            }),
            .p([], [.a([.href(SpacePaths.requests)], ["Toutes mes demandes"])]),
        ])
    }

    static func documents(_ chrome: PageChrome, documents: [AccountDocument], title: String, errors: FieldErrors, notice: String?) -> Node {
        page(chrome, title: "Mes documents", current: SpacePaths.documents, content: [
            .h1([], ["Mes documents"]),
            Notices.banner(notice),
            Forms.errorSummary(errors),
            .section([.aria("labelledby", "envoyer-titre")], [
                .h2([.id("envoyer-titre")], ["Envoyer un justificatif"]),
                Forms.form(action: SpacePaths.documents, csrf: chrome.csrf, multipart: true, label: "Envoyer un justificatif", [
                    Forms.field("titre", label: "De quel document s'agit-il ?", value: title, autocomplete: "off",
                                hint: "Par exemple : attestation de quotient familial CAF 2026.", errors: errors),
                    Forms.field("fichier", label: "Fichier", type: "file", autocomplete: nil,
                                hint: "PDF, JPEG ou PNG, 6 Mo au plus. Une photo prise avec le téléphone convient.", errors: errors,
                                extra: Forms.documentFile(maximumBytes: DocumentFormat.maximumBytes)),
                    Forms.submit("Envoyer"),
                ]),
            ]),
            .section([.aria("labelledby", "envoyes-titre")], [
                .h2([.id("envoyes-titre")], ["Documents envoyés"]),
                documents.isEmpty
                    ? .p([], ["Aucun document envoyé pour l'instant."])
                    : .ul([], documents.map { document in
                        .li([], [
                            .a([.href(SpacePaths.document(document.id))], [.text(document.title)]),
                            .text(" – \(FrenchDateFormat.numeric(ParisTime.localDate(of: document.uploadedAt))) – \(ByteSize.french(document.size))"),
                        ])
                    }),
            ]),
        ])
    }
}

enum ByteSize {
    static func french(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f Mo", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
            : "\(max(1, (bytes + 1023) / 1024)) ko"
    }
}
