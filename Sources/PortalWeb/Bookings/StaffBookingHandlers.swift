import Foundation
import HTTPServer
import PortalCore
import PortalStore
import Postgres

/// Staff answers: pré-inscriptions in bulk (the family is told; first days asked are booked),
/// booking requests one by one (the family is told; a freed place goes down the waiting list).
enum StaffBookingHandlers {
    static let answering = Access.staff([.admin, .agent, .director])

    private static func activityFilter(_ context: RequestContext) -> String? {
        (context.request.queryValue("activite")).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func registrations(_ context: RequestContext, error: String? = nil) throws -> HTTPResponse {
        let activity = activityFilter(context)
        let rows = try context.transaction { connection -> [StaffBookingViews.RegistrationRow] in
            let pending = try RegistrationStore.pending(activity: activity, validity: context.tenant.registration.validity, in: connection)
            let children = try FamilyDirectory.childNames(pending.map(\.registration.childId), in: connection)
            let families = try FamilyDirectory.familyNames(pending.map(\.familyId), in: connection)
            return pending.map { StaffBookingViews.RegistrationRow(registration: $0, childName: children[$0.registration.childId] ?? "?",
                                                                  familyName: families[$0.familyId] ?? "?") }
        }
        return .html(StaffBookingViews.registrations(context, rows: rows, activity: activity, error: error).render(),
                     status: error == nil ? .ok : .unprocessableContent)
    }

    static func answerRegistrations(_ context: RequestContext) throws -> HTTPResponse {
        let ids = context.formValues("id").compactMap { Int64($0) }
        guard !ids.isEmpty else { return try registrations(context, error: "Cochez au moins une demande.") }
        let accept = context.form.text("decision") == "accepter"
        let reason = context.form.text("motif")
        let tenant = context.tenant
        let judge = BookingSupport.judge(tenant)
        do {
            try context.transaction { connection in
                let answered = try RegistrationStore.answer(ids: ids, accept: accept, reason: reason, today: BookingSupport.today(context),
                                                            now: context.now, validity: tenant.registration.validity, in: connection)
                let names = try FamilyDirectory.childNames(answered.map(\.registration.childId), in: connection)
                for stored in answered {
                    let registration = stored.registration
                    let activity = tenant.activity(registration.activityCode)?.label ?? registration.activityCode
                    if let requestID = try RegistrationStore.requestId(registrationId: registration.id!, in: connection) {
                        try Requests.update(requestID: requestID, status: accept ? .accepted : .refused, note: accept ? "" : "Motif : \(reason)",
                                            actor: .staff, now: context.now, in: connection)
                    }
                    let link = context.baseURL + BookingPaths.registrations(family: stored.familyId)
                    for email in try FamilyDirectory.emails(familyId: stored.familyId, in: connection) {
                        try Outbox.enqueue(BookingMails.registration(tenant, to: email, childName: names[registration.childId] ?? "Votre enfant",
                                                                     activity: activity, period: registration.period.label, accepted: accept,
                                                                     reason: accept ? nil : reason, link: link), now: context.now, in: connection)
                    }
                    if accept {
                        try BookingEffects.bookFirstDays(stored, judge: judge, tenant: tenant, baseURL: context.baseURL, now: context.now, in: connection)
                    }
                }
            }
        } catch BookingStoreError.registration(let error) {
            return try registrations(context, error: error.frenchMessage)
        }
        return .redirect(to: StaffBookingPaths.registrations)
    }

    static func bookings(_ context: RequestContext) throws -> HTTPResponse {
        let activity = activityFilter(context)
        let rows = try context.transaction { connection -> [StaffBookingViews.BookingRow] in
            let queue = try BookingStore.staffQueue(activity: activity, limit: 300, in: connection)
            let children = try FamilyDirectory.childNames(queue.map(\.slot.childId), in: connection)
            let families = try FamilyDirectory.familyNames(queue.map(\.familyId), in: connection)
            return queue.map { StaffBookingViews.BookingRow(request: $0, childName: children[$0.slot.childId] ?? "?", familyName: families[$0.familyId] ?? "?") }
        }
        return .html(StaffBookingViews.bookings(context, rows: rows, activity: activity).render())
    }

    static func answerBooking(_ context: RequestContext) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw RouteError.notFound }
        let accept = context.form.text("decision") == "accepter"
        let note = context.form.text("motif")
        let tenant = context.tenant
        let judge = BookingSupport.judge(tenant)
        do {
            try context.database.transaction(schema: tenant.schema, retries: 4) { connection in
                guard let found = try BookingStore.find(bookingId: id, in: connection) else { throw RouteError.notFound }
                let change = try BookingStore.answer(bookingId: id, accept: accept, note: note.isEmpty ? nil : note, judge: judge,
                                                     families: BookingSupport.profiles, now: context.now, in: connection)
                let slot = found.booking.slot
                let childName = try FamilyDirectory.childNames([slot.childId], in: connection)[slot.childId] ?? "Votre enfant"
                if let (requestID, open) = try ConfirmationStore.request(ofBooking: id, in: connection) {
                    try Requests.update(requestID: requestID, status: open > 0 ? .pending : .done,
                                        note: "\(FrenchDateFormat.short(slot.date)), \(childName) : demande \(accept ? "acceptée" : "refusée")"
                                            + (note.isEmpty ? "" : " (\(note))"),
                                        actor: .staff, now: context.now, in: connection)
                }
                let link = context.baseURL + BookingPaths.planning(family: found.familyId, anchor: slot.date)
                for email in try FamilyDirectory.emails(familyId: found.familyId, in: connection) {
                    try Outbox.enqueue(BookingMails.answer(tenant, to: email, slot: slot, childName: childName, change: change, accepted: accept,
                                                           note: note.isEmpty ? nil : note, link: link), now: context.now, in: connection)
                }
                try BookingEffects.notify(change.promotions, tenant: tenant, baseURL: context.baseURL, now: context.now, in: connection)
            }
        } catch BookingStoreError.transition, BookingStoreError.unknownBooking {
            throw RouteError.notFound
        }
        return .redirect(to: StaffBookingPaths.bookings)
    }
}
