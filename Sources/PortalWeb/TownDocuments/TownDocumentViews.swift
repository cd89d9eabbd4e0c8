import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The Documents tab, grouped by category, and the staff page that publishes them.
enum TownDocumentViews {
    static func list(_ chrome: PageChrome, documents: [TownDocument]) -> Node {
        Layout.page(chrome, title: "Documents", currentTab: .documents, content: [
            .h1([], ["Documents"]),
            .p([], ["Menus, règlements intérieurs, calendriers et tutoriels publiés par la collectivité, à télécharger."]),
            documents.isEmpty ? .p([], ["Aucun document publié pour le moment."]) : .fragment(TownDocumentCategory.allCases.compactMap { category in
                let inCategory = documents.filter { $0.category == category }
                guard !inCategory.isEmpty else { return nil }
                return .section([.aria("labelledby", "categorie-\(category.rawValue)")], [
                    .h2([.id("categorie-\(category.rawValue)")], [.text(category.frenchLabel)]),
                    .ul([.class("plain-list")], inCategory.map { document in
                        .li([], [
                            .a([.href(TownDocumentPaths.file(document.id)), Attribute("download", document.fileName)], [.text(document.title)]),
                            .text(" – \(validity(document)) – \(ByteSize.french(document.size))"),
                        ])
                    }),
                ])
            }),
        ])
    }

    /// `notice`: the code of the `ok` query after a redirect.
    static func staff(_ frame: StaffChrome, documents: [TownDocument], notice code: String?, draft: TownDocumentDraft, errors: FieldErrors) -> Node {
        StaffViews.page(frame, title: "Documents publiés", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Documents publiés"]),
            notice(code),
            Forms.errorSummary(errors),
            .section([.aria("labelledby", "publies-titre")], [
                .h2([.id("publies-titre")], ["Documents en ligne"]),
                documents.isEmpty ? .p([], ["Aucun document publié."]) : .ul([.class("plain-list")], documents.map { document in
                    .li([], [
                        .a([.href(TownDocumentPaths.staffFile(document.id))], [.text("\(document.category.frenchLabel) : \(document.title)")]),
                        .text(" – \(validity(document)) "),
                        Forms.form(action: TownDocumentPaths.staffDelete(document.id), csrf: frame.chrome.csrf, label: "Retirer \(document.title)", [
                            Forms.submit("Retirer", secondary: true),
                        ]),
                    ])
                }),
            ]),
            .section([.aria("labelledby", "publier-titre")], [
                .h2([.id("publier-titre")], ["Publier un document"]),
                Forms.form(action: TownDocumentPaths.staffList, csrf: frame.chrome.csrf, multipart: true, label: "Publier un document", [
                    MessageFormParts.select("categorie", label: "Catégorie", placeholder: "— Choisissez une catégorie —",
                                            options: TownDocumentCategory.allCases.map { ($0.rawValue, $0.frenchLabel) }, selected: draft.category, errors: errors),
                    Forms.field("titre", label: "Titre", value: draft.title, autocomplete: "off", hint: "Par exemple : Menus de mars 2026.", errors: errors),
                    Forms.field("debut", label: "Valable à partir du", type: "date", value: draft.validFrom, autocomplete: nil, errors: errors),
                    Forms.field("fin", label: "Valable jusqu'au", type: "date", value: draft.validUntil, autocomplete: nil,
                                hint: "Laissez vide s'il reste valable.", errors: errors, required: false),
                    Forms.field("fichier", label: "Fichier", type: "file", autocomplete: nil, hint: "PDF, JPEG ou PNG, 6 Mo au plus.", errors: errors,
                                extra: Forms.documentFile(maximumBytes: DocumentFormat.maximumBytes)),
                    Forms.submit("Publier"),
                ]),
            ]),
        ])
    }

    private static func validity(_ document: TownDocument) -> String {
        document.validUntil.map { "valable du \(FrenchDateFormat.numeric(document.validFrom)) au \(FrenchDateFormat.numeric($0))" }
            ?? "valable à partir du \(FrenchDateFormat.numeric(document.validFrom))"
    }

    private static func notice(_ code: String?) -> Node {
        let text: String? = switch code {
        case "document-publie": "Le document est publié."
        case "document-retire": "Le document est retiré."
        default: nil
        }
        return text.map { Forms.notice($0) } ?? .fragment([])
    }
}
