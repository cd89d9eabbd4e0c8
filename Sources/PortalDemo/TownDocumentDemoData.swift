import PortalStore
import Foundation
import Postgres
import PortalCore

/// A règlement intérieur for the Documents tab of the demonstration towns: a one-page PDF
/// written here, so the demo needs no file of its own.
enum TownDocumentDemoData {
    static func load(today: LocalDate, in connection: PostgresConnection) throws {
        try TownDocumentStore.insert(category: .reglements, title: "Règlement intérieur des accueils de loisirs", fileName: "reglement-interieur.pdf",
                                     format: .pdf, bytes: Array(onePagePDF.utf8), validFrom: today.adding(days: -30), validUntil: nil,
                                     now: Date(), in: connection)
    }

    /// A minimal PDF 1.4 with one empty A4 page and no cross-reference table, which readers rebuild for so small a file.
    private static let onePagePDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """
}
