import Foundation
import Testing
import PortalCore

struct NewsMarkupTests {
    @Test func paragraphsEmphasisAndLinks_areRecognised() {
        let parsed = NewsMarkup.parse("Fermeture *exceptionnelle* le 3 mars.\n\nVoir [le règlement](https://exemple.fr/reglement.pdf) ou [écrire](mailto:alsh@exemple.fr).")
        #expect(parsed == [
            [.text("Fermeture "), .emphasis("exceptionnelle"), .text(" le 3 mars.")],
            [.text("Voir "), .link(text: "le règlement", url: "https://exemple.fr/reglement.pdf"), .text(" ou "),
             .link(text: "écrire", url: "mailto:alsh@exemple.fr"), .text(".")],
        ])
    }

    @Test(arguments: [
        "[clic](javascript:alert(1))",
        "[clic](data:text/html,<script>)",
        "[clic](//autre.exemple/)",
        "[clic](https://exemple.fr/\"onmouseover=\"x)",
        "[](https://exemple.fr)",
    ])
    func unsafeOrMalformedLink_staysText(source: String) {
        let parsed = NewsMarkup.parseParagraph(source)
        #expect(!parsed.contains { if case .link = $0 { true } else { false } }, "\(parsed)")
        #expect(NewsMarkup.plainText(parsed) == source)
    }

    @Test(arguments: ["2 * 3 * 4", "* liste", "un *seul", "**", "prix * 2", "7*7", "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}", "a*b*c", "*mot*s"])
    func starsThatAreNotEmphasis_stayText(source: String) {
        #expect(NewsMarkup.parseParagraph(source) == [.text(source)])
    }

    @Test(arguments: [("(*important*)", [NewsMarkup.Inline.text("("), .emphasis("important"), .text(")")]),
                      ("*Fermé*, puis ouvert", [.emphasis("Fermé"), .text(", puis ouvert")])])
    func emphasisBesidePunctuation_isRecognised(source: String, parsed: [NewsMarkup.Inline]) {
        #expect(NewsMarkup.parseParagraph(source) == parsed)
    }

    @Test func html_isOnlyText() {
        #expect(NewsMarkup.parseParagraph("<b>gras</b> & <script>") == [.text("<b>gras</b> & <script>")])
    }

    @Test(arguments: [
        (NewsDraft(title: "Fermeture", body: "Texte", publishedOn: "2026-03-01", expiresOn: "", pinned: false), [String]()),
        (NewsDraft(title: "", body: "", publishedOn: "", expiresOn: "", pinned: false), ["titre", "texte", "publication"]),
        (NewsDraft(title: "Fermeture", body: "Texte", publishedOn: "2026-03-01", expiresOn: "2026-02-28", pinned: true), ["expiration"]),
        (NewsDraft(title: "Fermeture", body: "Texte", publishedOn: "2026-03-01", expiresOn: "31/03/2026", pinned: true), ["expiration"]),
    ])
    func newsDraft_problems(draft: NewsDraft, fields: [String]) {
        #expect(draft.problems().map(\.field) == fields)
    }

    @Test(arguments: [("2026-02-28", false), ("2026-03-01", true), ("2026-03-31", true), ("2026-04-01", false)])
    func newsItem_isVisibleFromPublicationToExpiry(day: String, visible: Bool) {
        let item = NewsItem(id: 1, title: "t", body: "b", publishedOn: LocalDate(year: 2026, month: 3, day: 1)!, expiresOn: LocalDate(year: 2026, month: 3, day: 31)!)
        #expect(item.isVisible(on: LocalDate(iso: day)!) == visible)
    }

    @Test(arguments: [
        (TownDocumentDraft(category: "menus", title: "Menus de mars", validFrom: "2026-03-01", validUntil: "2026-03-31"), [String]()),
        (TownDocumentDraft(category: "recettes", title: "", validFrom: "mars", validUntil: ""), ["categorie", "titre", "debut"]),
        (TownDocumentDraft(category: "calendriers", title: "Été", validFrom: "2026-07-01", validUntil: "2026-06-30"), ["fin"]),
    ])
    func townDocumentDraft_problems(draft: TownDocumentDraft, fields: [String]) {
        #expect(draft.problems().map(\.field) == fields)
    }
}
