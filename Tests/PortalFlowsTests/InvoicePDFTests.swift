import Foundation
import Testing
import PortalCore
@testable import Formats
@testable import PortalFlows

/// Runs a tool of poppler-utils or qpdf on a PDF written to a temporary file.
private func run(_ tool: String, _ arguments: [String], pdf: [UInt8]) throws -> (status: Int32, output: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("invoice-\(UUID().uuidString).pdf").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(pdf)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
    process.arguments = arguments.map { $0 == "{}" ? path : $0 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

private func document(lines count: Int, kind: InvoiceDocument.Kind = .invoice) -> InvoiceDocument {
    let first = day("2026-03-02")
    let lines = (0..<count).map { index in
        InvoiceLine(bookingID: Int64(index + 1), day: first.adding(days: index % 28), childName: index % 2 == 0 ? "Léa" : "Théo",
                    activityLabel: "CL Maternel Mercredis", unitLabel: "Après-midi AVEC repas", tariffLabel: "à l'unité",
                    amount: Money(cents: 1040))
    }
    return InvoiceDocument(id: 1, familyID: 7, kind: kind, number: InvoiceNumber(year: 2026, sequence: 123)!, issuedOn: day("2026-04-03"),
                           dueOn: day("2026-05-03"), month: BillingMonth(year: 2026, month: 3)!, familyName: "Famille Martin",
                           familyAddress: ["12 rue des Écoles", "43000 Le Puy-en-Velay"], lines: lines,
                           corrects: kind == .creditNote ? InvoiceNumber(year: 2026, sequence: 100) : nil,
                           reason: kind == .creditNote ? "sortie annulée (intempéries)" : nil)
}

@Suite struct InvoicePDFTests {
    @Test func invoice_passesQpdfCheck_andGivesBackItsFrenchText() throws {
        var tenant = try shippedTenant("saint-aubin-des-pres")
        tenant.payment = PaymentConfig(numcli: "123456", saisie: .T, baseURL: "https://www.payfip.gouv.fr/tpa/paiement.web", notificationSources: [])
        let pdf = InvoicePDF.render(document(lines: 4), tenant: tenant, settled: Money(cents: 1040))
        let check = try run("qpdf", ["--check", "{}"], pdf: pdf)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"))
        let text = try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], pdf: pdf).output
        for expected in ["FACTURE", "N° 2026-000123", "À régler avant le 03/05/2026", "Période : mars 2026", "Famille Martin",
                         "12 rue des Écoles", tenant.name, "Léa", "Théo", "Après-midi AVEC repas", "10,40 €", "Total de la facture",
                         "41,60 €", "Déjà réglé ou crédité", "Reste à payer", "31,20 €", "« Facturation »", "PayFiP",
                         "Rappelez le numéro 2026-000123"] {
            #expect(text.contains(expected), "missing « \(expected) » in:\n\(text)")
        }
    }

    @Test func longInvoice_continuesOnNewPagesWithTheHeaderRepeated() throws {
        let pdf = InvoicePDF.render(document(lines: 90), tenant: try shippedTenant("val-de-lauze"))
        #expect(try run("qpdf", ["--check", "{}"], pdf: pdf).status == 0)
        let pages = try run("qpdf", ["--show-npages", "{}"], pdf: pdf).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(pages) ?? 0 >= 3)
        let text = try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], pdf: pdf).output
        #expect(text.components(separatedBy: "Montant").count - 1 == Int(pages))
        #expect(text.contains("936,00 €"))
    }

    @Test func creditNote_namesTheInvoiceItCorrectsAndItsReason() throws {
        let pdf = InvoicePDF.render(document(lines: 1, kind: .creditNote), tenant: try shippedTenant("val-de-lauze"))
        #expect(try run("qpdf", ["--check", "{}"], pdf: pdf).status == 0)
        let text = try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], pdf: pdf).output
        for expected in ["AVOIR", "Corrige la facture 2026-000100", "Motif : sortie annulée (intempéries)", "Total de l'avoir"] {
            #expect(text.contains(expected), "missing « \(expected) »")
        }
        #expect(!text.contains("Reste à payer"))
    }

    @Test func xrefOffsets_pointAtTheirObjects() throws {
        var pdf = PDFDocument(title: "Test (parenthèses) \\ €")
        pdf.text("Œuvre – « 5,20 € »", x: 40, y: 800)
        pdf.newPage()
        pdf.line(from: (40, 40), to: (200, 40))
        let bytes = pdf.render()
        let text = String(decoding: bytes, as: UTF8.self)
        let startxref = try #require(text.range(of: "startxref\n"))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        #expect(Array(bytes[xrefOffset..<xrefOffset + 4]) == Array("xref".utf8))
        let entries = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n").dropFirst(3).prefix { $0.hasSuffix(" n ") }
        #expect(entries.count == 9)
        for (index, entry) in entries.enumerated() {
            let offset = try #require(Int(entry.prefix(10)))
            #expect(Array(bytes[offset..<offset + "\(index + 1) 0 obj".utf8.count]) == Array("\(index + 1) 0 obj".utf8))
        }
    }

    @Test(arguments: [("€", UInt8(0x80)), ("é", 0xE9), ("«", 0xAB), ("»", 0xBB), ("œ", 0x9C), ("’", 0x92), ("–", 0x96), ("中", 0x3F)])
    func winAnsi_mapsFrenchMarksToTheirCodes(_ character: String, _ code: UInt8) {
        #expect(WinAnsi.encode(character) == [code])
    }
}
