public import Foundation
import PortalCore
public import PortalStore
import Postgres

/// Holds a town's due draws and tells the families, in one transaction: the slot rows are locked
/// in one order and each draw is recorded once, so the server's worker, a second server, the CLI
/// and the staff button may all trigger it and only the first holds it.
public struct HoldDueDraws: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The draws held by this call, in slot order.
    @discardableResult
    public func run(now: Date) throws -> [DrawRecord] {
        try town.transaction(retries: 4) { connection in
            let held = try BookingStore.holdDueDraws(judge: town.judge, families: BookingEffects.profiles, now: now, in: connection)
            try tell(held, now: now, in: connection)
            return held
        }
    }

    /// One e-mail per family with every outcome, the line in « Mes demandes » brought up to
    /// date, and the usual e-mail to late requests promoted behind the drawn ones.
    private func tell(_ records: [DrawRecord], now: Date, in connection: PostgresConnection) throws {
        let tenant = town.tenant
        let drawn = records.flatMap(\.entries)
        guard !drawn.isEmpty || records.contains(where: { !$0.promotions.isEmpty }) else { return }
        let drawnIDs = Set(drawn.map(\.bookingID))
        try BookingEffects(town: town).notify(records.flatMap(\.promotions).filter { !drawnIDs.contains($0.bookingID) },
                                              now: now, in: connection)
        guard !drawn.isEmpty else { return }
        let names = try FamilyDirectory.childNames(Array(Set(drawn.map(\.slot.childID))), in: connection)
        func line(_ request: DrawnRequest) -> String {
            let labels = tenant.labels(of: request.slot)
            return "\(FrenchDateFormat.long(request.slot.date)), \(names[request.slot.childID] ?? "Votre enfant"), « \(labels.activity) – \(labels.unit) » : \(Self.outcome(request))"
        }
        for (familyID, requests) in Dictionary(grouping: drawn, by: \.familyID).sorted(by: { $0.key < $1.key }) {
            let mail = requests.map(line)
            for email in try FamilyDirectory.emails(familyID: familyID, in: connection) {
                try Outbox.enqueue(BookingMails.drawOutcome(tenant, to: email, lines: mail,
                                                            planning: town.url(town.links.planning(family: familyID, anchor: requests[0].slot.date)),
                                                            published: town.url(town.links.draws())), now: now, in: connection)
            }
        }
        let byBooking = Dictionary(uniqueKeysWithValues: drawn.map { ($0.bookingID, $0) })
        for request in try DrawStore.requests(ofBookings: Array(drawnIDs), in: connection) {
            let note = "Tirage au sort : " + request.bookingIDs.compactMap { byBooking[$0] }.map(line).joined(separator: " ; ")
            try Requests.update(requestID: request.requestID, status: request.stillOpen > 0 ? .pending : .done, note: note, actor: .system,
                                now: now, in: connection)
        }
    }

    /// What a family reads about one request.
    public static func outcome(_ request: DrawnRequest) -> String {
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
