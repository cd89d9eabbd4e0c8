import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct NewsAndTownDocumentsTests {
    static let hostile = "Inscriptions *ouvertes* <script>alert('x')</script> & [le règlement](https://exemple.fr/r.pdf) [piège](javascript:alert(1))"

    static func publish(_ staff: inout Browser, title: String, body: String = hostile, from: String = "2026-01-05", until: String = "",
                        pinned: Bool = false) -> HTTPResponse {
        var fields = ["titre": title, "texte": body, "publication": from, "expiration": until]
        if pinned { fields["epingle"] = "oui" }
        return staff.submit(from: NewsPaths.staffList, to: NewsPaths.staffNew, fields)
    }

    @Test func staffNews_isShownWithOnlyEmphasisAndSafeLinks_everythingElseEscaped() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var staff = try world.signedInStaff(role: .agent, tenant: world.saintAubin)
        #expect(Self.publish(&staff, title: "Rentrée <b>2026</b>").status.code == 303)
        var visitor = world.browser(world.saintAubin)
        for page in [visitor.get(NewsPaths.list).text, visitor.get("/").text] {
            #expect(page.contains("Rentrée &lt;b&gt;2026&lt;/b&gt;"))
            #expect(page.contains("Inscriptions <em>ouvertes</em> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "))
            #expect(page.contains("<a href=\"https://exemple.fr/r.pdf\" rel=\"noopener noreferrer nofollow\">le règlement</a>"))
            #expect(page.contains("[piège](javascript:alert(1))"))
            #expect(!page.contains("<script>alert") && !page.contains("href=\"javascript"))
        }
    }

    @Test func news_followsPublicationAndExpiryDates_withPinnedFirst() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        // The test clock reads Monday 5 January 2026.
        var staff = try world.signedInStaff(role: .admin, tenant: world.saintAubin)
        #expect(Self.publish(&staff, title: "Ancienne", body: "a", from: "2025-12-01").status.code == 303)
        #expect(Self.publish(&staff, title: "Expirée", body: "b", from: "2025-12-01", until: "2026-01-04").status.code == 303)
        #expect(Self.publish(&staff, title: "Programmée", body: "c", from: "2026-01-06").status.code == 303)
        #expect(Self.publish(&staff, title: "À la une", body: "d", from: "2025-11-01", pinned: true).status.code == 303)
        #expect(Self.publish(&staff, title: "Dernier jour", body: "e", from: "2026-01-05", until: "2026-01-05").status.code == 303)
        let refused = Self.publish(&staff, title: "Dates", body: "f", from: "2026-02-01", until: "2026-01-31")
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("La date de fin d&#39;affichage doit suivre la date de publication."))

        var visitor = world.browser(world.saintAubin)
        let titles = visitor.get(NewsPaths.list).text.matches(of: /<h2><a href="\/actualites\/\d+">([^<]+)<\/a><\/h2>/).map { String($0.1) }
        #expect(titles == ["À la une", "Dernier jour", "Ancienne"])
        let scheduledID = try #require(staff.get(NewsPaths.staffList).text.firstMatch(of: /href="\/gestion\/actualites\/(\d+)">Programmée/)).1
        #expect(visitor.get("/actualites/\(scheduledID)").status.code == 404)
        world.clock.advance(86_400)
        #expect(visitor.get("/actualites/\(scheduledID)").status.code == 200)
    }

    @Test func atomFeed_isWellFormedXML_withOneEntryPerVisibleItem() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var staff = try world.signedInStaff(role: .agent, tenant: world.saintAubin)
        #expect(Self.publish(&staff, title: "Menus & tarifs <2026>").status.code == 303)
        #expect(Self.publish(&staff, title: "Fermeture", body: "Le centre ferme *vendredi*.").status.code == 303)
        var visitor = world.browser(world.saintAubin)
        let feed = visitor.get(NewsPaths.feed)
        #expect(feed.status.code == 200)
        #expect(feed.headers["content-type"] == "application/atom+xml; charset=utf-8")
        let parsed = try FeedReader.read(feed.body)
        #expect(parsed.root == "feed")
        #expect(feed.text.contains("<id>tag:portail-famille,2026:saint-aubin-des-pres/actualites</id>"))
        #expect(parsed.entryTitles.sorted() == ["Fermeture", "Menus & tarifs <2026>"])
        #expect(parsed.contents.contains { $0.contains("Le centre ferme <em>vendredi</em>.") })
        #expect(parsed.contents.contains { $0.contains("&lt;script&gt;") && !$0.contains("<script>") })
        var elsewhere = world.browser(world.town)
        #expect(elsewhere.get(NewsPaths.feed).status.code == 404)
    }

    @Test func townDocuments_arePublishedByCategory_andDownloadedWhileValid() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var staff = try world.signedInStaff(role: .agent, tenant: world.valDeLauze)
        let fields = ["categorie": "menus", "titre": "Menus de janvier", "debut": "2026-01-01", "fin": "2026-01-31"]
        let refused = staff.submitMultipart(from: TownDocumentPaths.staffList, to: TownDocumentPaths.staffList, fields, files: [
            UploadedFile(field: "fichier", filename: "menus.pdf", type: "application/pdf", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]),
        ])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("value=\"Menus de janvier\""))
        let published = staff.submitMultipart(from: TownDocumentPaths.staffList, to: TownDocumentPaths.staffList, fields, files: [.pdf("fichier", "menus janvier.pdf")])
        #expect(published.status.code == 303)
        var expired = fields
        expired["titre"] = "Menus de décembre"
        expired["debut"] = "2025-12-01"
        expired["fin"] = "2025-12-31"
        #expect(staff.submitMultipart(from: TownDocumentPaths.staffList, to: TownDocumentPaths.staffList, expired, files: [.pdf("fichier")]).status.code == 303)

        var family = try world.signedInFamily(tenant: world.valDeLauze)
        let page = family.get(TownDocumentPaths.list).text
        #expect(page.contains("<h2 id=\"categorie-menus\">Menus</h2>"))
        #expect(page.contains("Menus de janvier") && !page.contains("Menus de décembre"))
        let ids = family.linkedIDs("/documents/")
        #expect(ids.count == 1)
        let download = family.get(TownDocumentPaths.file(ids[0]))
        #expect(download.status.code == 200)
        #expect(download.headers["content-disposition"] == "attachment; filename=\"menus_janvier.pdf\"")
        #expect(download.headers["content-type"] == "application/pdf")
        let all = staff.get(TownDocumentPaths.staffList).text.matches(of: /href="\/gestion\/documents-publies\/(\d+)"/).compactMap { Int64($0.1) }
        let expiredID = try #require(all.first { $0 != ids[0] })
        #expect(family.get(TownDocumentPaths.file(expiredID)).status.code == 404)
        let february = try world.transaction(world.valDeLauze) { try TownDocumentStore.valid(on: LocalDate(year: 2026, month: 2, day: 1)!, in: $0) }
        #expect(february.isEmpty)
    }

    @Test func documentsTab_isAbsentWhereTheTownHasNotEnabledIt() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var family = try world.signedInFamily(tenant: world.saintAubin)
        #expect(family.get(TownDocumentPaths.list).status.code == 404)
        #expect(!family.lastPage.contains("href=\"/documents\""))
        var staff = try world.signedInStaff(role: .admin, tenant: world.saintAubin)
        #expect(staff.get(TownDocumentPaths.staffList).status.code == 404)
    }
}

/// Reads an Atom document with Foundation's XML parser: a parse error fails the test.
final class FeedReader: NSObject, XMLParserDelegate {
    private(set) var root = ""
    private(set) var entryTitles: [String] = []
    private(set) var contents: [String] = []
    private var path: [String] = []
    private var text = ""

    static func read(_ bytes: [UInt8]) throws -> FeedReader {
        let reader = FeedReader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if path.isEmpty { root = name }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.suffix(2) == ["entry", "title"] { entryTitles.append(text) }
        if path.suffix(2) == ["entry", "content"] { contents.append(text) }
        path.removeLast()
    }
}
