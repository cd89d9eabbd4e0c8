import HTML
import PortalCore
import PortalFlows

/// The Actualités tab and the staff pages that write them.
enum NewsViews {
    static func list(_ chrome: PageChrome, items: [NewsItem]) -> Node {
        Layout.page(chrome, title: "Actualités", currentTab: .actualites, content: [
            .h1([], ["Actualités"]),
            .p([], ["Les dernières informations des services. ", .a([.href(NewsPaths.feed), Attribute("type", "application/atom+xml")], ["S'abonner au fil Atom"])]),
            items.isEmpty ? .p([], ["Aucune actualité pour le moment."])
                : .fragment(items.map { NewsHTML.card($0, headingLevel: "h2", link: NewsPaths.item($0.id)) }),
        ])
    }

    static func item(_ chrome: PageChrome, item: NewsItem) -> Node {
        Layout.page(chrome, title: item.title, currentTab: .actualites, content: [
            .p([], [.a([.href(NewsPaths.list)], ["Toutes les actualités"])]),
            NewsHTML.card(item, headingLevel: "h1", link: nil),
        ])
    }

    /// `notice`: the code of the `ok` query after a redirect.
    static func staffList(_ frame: StaffChrome, items: [NewsItem], today: LocalDate, notice: String?, draft: NewsDraft, errors: FieldErrors) -> Node {
        StaffViews.page(frame, title: "Actualités", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Actualités"]),
            NewsNotices.banner(notice),
            Forms.errorSummary(errors),
            .section([.aria("labelledby", "publiees-titre")], [
                .h2([.id("publiees-titre")], ["Actualités enregistrées"]),
                items.isEmpty ? .p([], ["Aucune actualité."]) : .ul([.class("plain-list")], items.map { item in
                    .li([], [.a([.href(NewsPaths.staffItem(item.id))], [.text(item.title)]), .text(summary(item, today: today))])
                }),
            ]),
            .section([.aria("labelledby", "nouvelle-titre")], [
                .h2([.id("nouvelle-titre")], ["Nouvelle actualité"]),
                form(frame, action: NewsPaths.staffNew, draft: draft, errors: errors, submit: "Publier"),
            ]),
        ])
    }

    static func staffEdit(_ frame: StaffChrome, id: Int64, draft: NewsDraft, errors: FieldErrors) -> Node {
        StaffViews.page(frame, title: "Modifier une actualité", content: [
            .h1([], ["Modifier une actualité"]),
            .p([], [.a([.href(NewsPaths.staffList)], ["Toutes les actualités"])]),
            Forms.errorSummary(errors),
            form(frame, action: NewsPaths.staffItem(id), draft: draft, errors: errors, submit: "Enregistrer"),
            Forms.form(action: NewsPaths.staffDelete(id), csrf: frame.chrome.csrf, label: "Supprimer l'actualité", [
                Forms.submit("Supprimer cette actualité", secondary: true),
            ]),
        ])
    }

    private static func summary(_ item: NewsItem, today: LocalDate) -> String {
        var text = " – du " + FrenchDateFormat.numeric(item.publishedOn)
        if let expiry = item.expiresOn { text += " au " + FrenchDateFormat.numeric(expiry) }
        if item.pinned { text += " – à la une" }
        return text + " – " + state(item, today: today)
    }

    private static func state(_ item: NewsItem, today: LocalDate) -> String {
        if item.isVisible(on: today) { return "affichée" }
        return item.publishedOn > today ? "programmée" : "expirée"
    }

    private static func form(_ frame: StaffChrome, action: String, draft: NewsDraft, errors: FieldErrors, submit: String) -> Node {
        let pinnedID = Forms.fieldID("epingle")
        return Forms.form(action: action, csrf: frame.chrome.csrf, label: submit == "Publier" ? "Nouvelle actualité" : "Modifier l'actualité", [
            Forms.field("titre", label: "Titre", value: draft.title, autocomplete: "off", errors: errors, extra: [Attribute("maxlength", "200")]),
            MessageFormParts.textarea("texte", label: "Texte", value: draft.body,
                                      hint: "Une ligne vide sépare deux paragraphes. *texte* met en valeur ; [texte du lien](https://adresse) crée un lien. Rien d'autre n'est interprété.",
                                      errors: errors),
            Forms.field("publication", label: "Publiée à partir du", type: "date", value: draft.publishedOn, autocomplete: nil, errors: errors),
            Forms.field("expiration", label: "Affichée jusqu'au", type: "date", value: draft.expiresOn, autocomplete: nil,
                        hint: "Laissez vide pour l'afficher sans limite.", errors: errors, required: false),
            .div([.class("field checkbox")], [
                .input([.type("checkbox"), .id(pinnedID), .name("epingle"), .value("oui")] + (draft.pinned ? [.checked] : [])),
                .label([.for(pinnedID)], ["Mettre à la une (affichée en premier)"]),
            ]),
            Forms.submit(submit),
        ])
    }
}

enum NewsNotices {
    static func banner(_ code: String?) -> Node {
        let text: String? = switch code {
        case "actualite-publiee": "L'actualité est enregistrée."
        case "actualite-modifiee": "L'actualité est modifiée."
        case "actualite-supprimee": "L'actualité est supprimée."
        default: nil
        }
        return text.map { Forms.notice($0) } ?? .fragment([])
    }
}
