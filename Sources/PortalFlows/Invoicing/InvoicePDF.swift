import Formats
public import PortalCore

/// The printable invoice: the town's identity, the family, the lines, the totals and how to pay.
public enum InvoicePDF {
    /// `settled` is what payments and credit notes already took off (shown on an invoice only).
    public static func render(_ document: InvoiceDocument, tenant: TenantConfig, settled: Money = .zero) -> [UInt8] {
        var pdf = PDFDocument(title: "\(document.title) – \(tenant.shortName)")
        let top = PDFDocument.pageHeight - 50
        // The town, top left.
        pdf.text(tenant.name, x: 40, y: top, size: 11, font: .helveticaBold)
        var y = top - 14
        for line in [tenant.contact.service] + tenant.contact.address + [tenant.contact.email] + (tenant.contact.phone.map { ["Tél. \($0)"] } ?? []) {
            pdf.text(line, x: 40, y: y, size: 9)
            y -= 12
        }
        // The document, top right.
        pdf.text(document.kind == .invoice ? "FACTURE" : "AVOIR", right: 555, y: top, size: 16, font: .helveticaBold)
        var right = top - 18
        var facts = ["N° \(document.number)", "Émise le \(FrenchDateFormat.numeric(document.issuedOn))"]
        if document.kind == .invoice { facts.append("À régler avant le \(FrenchDateFormat.numeric(document.dueOn))") }
        facts.append("Période : \(document.month.label)")
        if let corrects = document.corrects { facts.append("Corrige la facture \(corrects)") }
        for fact in facts {
            pdf.text(fact, right: 555, y: right, size: 9)
            right -= 12
        }
        // The family, in the window of an envelope.
        var familyY = min(y, right) - 24
        pdf.text(document.familyName, x: 320, y: familyY, size: 10, font: .helveticaBold)
        for line in document.familyAddress {
            familyY -= 12
            pdf.text(line, x: 320, y: familyY, size: 10)
        }
        var tableTop = familyY - 30
        if let reason = document.reason {
            pdf.text("Motif : \(reason)", x: 40, y: tableTop, size: 9)
            tableTop -= 16
        }
        let table = PDFTable(columns: [
            .init("Date", width: 52), .init("Enfant", width: 62), .init("Activité", width: 118), .init("Unité", width: 110),
            .init("Tarif", width: 108), .init("Montant", width: 65, alignment: .right),
        ])
        let rows = document.lines.map { line in
            [FrenchDateFormat.numeric(line.day), line.childName, line.activityLabel, line.unitLabel, line.tariffLabel, line.amount.french]
        }
        y = table.draw(rows, in: &pdf, top: tableTop) - 18
        if y < 150 {
            pdf.newPage()
            y = PDFDocument.pageHeight - 60
        }
        let totalLabel = document.kind == .invoice ? "Total de la facture" : "Total de l'avoir"
        pdf.text(totalLabel, x: 340, y: y, size: 10, font: .helveticaBold)
        pdf.text(document.total.french, right: 551, y: y, size: 10, font: .helveticaBold)
        if document.kind == .invoice {
            if settled.cents > 0 {
                y -= 14
                pdf.text("Déjà réglé ou crédité", x: 340, y: y, size: 10)
                pdf.text(settled.french, right: 551, y: y, size: 10)
            }
            y -= 14
            pdf.text("Reste à payer", x: 340, y: y, size: 10, font: .helveticaBold)
            pdf.text(max(document.total - settled, .zero).french, right: 551, y: y, size: 10, font: .helveticaBold)
            y -= 30
            pdf.text("Règlement", x: 40, y: y, size: 10, font: .helveticaBold)
            for line in instructions(document, tenant: tenant) {
                y -= 13
                pdf.text(line, x: 40, y: y, size: 9)
            }
        }
        return pdf.render()
    }

    /// The lines under « Règlement »: online payment when the town has it, then the town's own
    /// text (or the desk's usual means), and the reference to quote.
    public static func instructions(_ document: InvoiceDocument, tenant: TenantConfig) -> [String] {
        var lines: [String] = []
        if tenant.payment != nil {
            lines.append("En ligne : portail famille, rubrique « Facturation » (paiement sécurisé PayFiP de la DGFiP).")
        }
        if tenant.invoicing.instructions.isEmpty {
            lines.append("Auprès de \(tenant.contact.service) : espèces, chèque à l'ordre du Trésor public, CESU ou virement.")
        } else {
            lines += tenant.invoicing.instructions
        }
        lines.append("Rappelez le numéro \(document.number) avec votre règlement.")
        return lines
    }
}
