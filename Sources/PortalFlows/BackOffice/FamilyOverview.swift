import Foundation
public import PortalCore
public import PortalStore
public import Postgres

/// What the staff family page shows after the family file: its bookings of the last month and
/// the next two, its other requests, and, for the viewers who may see them, its invoices and
/// message threads.
public struct FamilyOverview: Sendable {
    public let bookings: [BookingExportRow]
    /// Dossier changes are left out: the family file lists them already.
    public let requests: [FamilyRequest]
    /// Nil when not asked for, or when the family has none.
    public let invoices: [InvoiceSummary]?
    /// Nil when not asked for.
    public let threads: [FamilyThreadSummary]?

    /// Read inside the family page's own transaction, so the page shows one state.
    public static func load(familyID: Int64, today: LocalDate, invoices withInvoices: Bool, threads withThreads: Bool,
                            in connection: PostgresConnection) throws -> FamilyOverview {
        let bookings = try ExportStore.bookings(from: today.adding(days: -30), to: today.adding(days: 60), activity: nil, expectedOnly: false,
                                                familyID: familyID, in: connection)
        let requests = try FamilyRequestsStore.list(familyID: familyID, in: connection).filter { $0.kindCode != ChangeRequestStore.kind.code }
        let invoices = withInvoices ? try InvoiceStore.summaries(familyID: familyID, today: today, in: connection) : []
        let threads = withThreads ? try MessageStore.threads(familyID: familyID, in: connection) : nil
        return FamilyOverview(bookings: bookings, requests: requests, invoices: invoices.isEmpty ? nil : invoices, threads: threads)
    }
}
