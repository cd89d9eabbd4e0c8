import Foundation
import PortalCore
import PortalStore
import Postgres

/// Holds a town's due draws (issue 11) and tells the families, in one transaction: the slot
/// rows are locked in one order and each draw is recorded once, so the server's worker, a second
/// server, the CLI and the staff button may all trigger it and only the first holds it.
public enum DrawRunner {
    /// The draws held by this call, in slot order.
    @discardableResult
    public static func runDue(tenant: TenantConfig, database: TenantDatabase, baseURL: String, now: Date) throws -> [DrawRecord] {
        let judge = BookingSupport.judge(tenant)
        return try database.transaction(schema: tenant.schema, retries: 4) { connection in
            let held = try BookingStore.holdDueDraws(judge: judge, families: BookingSupport.profiles, now: now, in: connection)
            try tell(held, tenant: tenant, baseURL: baseURL, now: now, in: connection)
            return held
        }
    }

    /// One e-mail per family with every outcome, the line in « Mes demandes » brought up to
    /// date, and the usual e-mail to late requests promoted behind the drawn ones.
    private static func tell(_ records: [DrawRecord], tenant: TenantConfig, baseURL: String, now: Date,
                             in connection: PostgresConnection) throws {
        let drawn = records.flatMap(\.entries)
        guard !drawn.isEmpty || records.contains(where: { !$0.promotions.isEmpty }) else { return }
        let drawnIds = Set(drawn.map(\.bookingId))
        try BookingEffects.notify(records.flatMap(\.promotions).filter { !drawnIds.contains($0.bookingId) }, tenant: tenant, baseURL: baseURL,
                                  now: now, in: connection)
        guard !drawn.isEmpty else { return }
        let names = try FamilyDirectory.childNames(Array(Set(drawn.map(\.slot.childId))), in: connection)
        func line(_ request: DrawnRequest) -> String {
            let labels = BookingViews.slotLabel(request.slot, tenant: tenant)
            return "\(FrenchDateFormat.long(request.slot.date)), \(names[request.slot.childId] ?? "Votre enfant"), « \(labels.activity) – \(labels.unit) » : \(outcome(request))"
        }
        for (familyId, requests) in Dictionary(grouping: drawn, by: \.familyId).sorted(by: { $0.key < $1.key }) {
            let mail = requests.map(line)
            for email in try FamilyDirectory.emails(familyId: familyId, in: connection) {
                try Outbox.enqueue(BookingMails.drawOutcome(tenant, to: email, lines: mail,
                                                            planning: baseURL + BookingPaths.planning(family: familyId, anchor: requests[0].slot.date),
                                                            published: baseURL + DrawPaths.list), now: now, in: connection)
            }
        }
        let byBooking = Dictionary(uniqueKeysWithValues: drawn.map { ($0.bookingId, $0) })
        for request in try DrawStore.requests(ofBookings: Array(drawnIds), in: connection) {
            let note = "Tirage au sort : " + request.bookingIds.compactMap { byBooking[$0] }.map(line).joined(separator: " ; ")
            try Requests.update(requestID: request.requestId, status: request.stillOpen > 0 ? .pending : .done, note: note, actor: .system,
                                now: now, in: connection)
        }
    }

    /// What a family reads about one request.
    static func outcome(_ request: DrawnRequest) -> String {
        switch request.placedAs {
        case .booked?: return "place attribuée, la réservation est confirmée."
        case .pendingValidation?: return "place attribuée, la demande est transmise au service pour validation."
        default:
            let rank = request.waitingRank.map { " (rang \($0))" } ?? ""
            let reason = request.passedOver.map { " Motif : \($0)" } ?? ""
            return "pas de place à l'issue du tirage, sur liste d'attente\(rank).\(reason)"
        }
    }
}
