public import Foundation
public import PortalCore
public import Postgres

/// Staff invoice a month: first a preview per family, then the issue, which numbers and stores
/// each invoice. Issuing again never bills twice: a family has one invoice per month, a booking
/// is on one invoice ever (both enforced by unique indexes), and runs take one lock in turn.
public enum InvoicingRun {
    public struct FamilyPreview: Sendable, Equatable {
        public let profile: BillingProfile
        public let draft: InvoiceDraft
        /// The family already has this month's invoice: its remaining lines wait for next month.
        public let alreadyInvoiced: Bool
    }

    public struct Report: Sendable, Equatable {
        public let issued: [InvoiceDocument]
        public let alreadyInvoiced: Int
    }

    public static func preview(month: BillingMonth, tenant: TenantConfig, familyIDs: [Int64]? = nil,
                               in connection: PostgresConnection) throws -> [FamilyPreview] {
        let bookings = try billableBookings(through: month.lastDay, familyIDs: familyIDs, in: connection)
        let invoiced = Set(try connection.query("""
            SELECT family_id FROM invoices WHERE kind = 'invoice' AND billing_month = \(month.firstDay.iso)::date
            """).map { try $0.decode("family_id", as: Int64.self) })
        return try BillingProfile.all(on: month.lastDay, familyIDs: Array(bookings.keys), in: connection).compactMap { profile in
            let pricing = InvoicePricing(tenant: tenant, quotient: profile.quotient, residency: profile.residency)
            let draft = InvoiceDraft.make(familyID: profile.familyID, month: month, bookings: bookings[profile.familyID] ?? [], pricing: pricing)
            guard !draft.isEmpty || !draft.skipped.isEmpty else { return nil }
            return FamilyPreview(profile: profile, draft: draft, alreadyInvoiced: invoiced.contains(profile.familyID))
        }
    }

    /// Issues the month's invoices dated `issuedOn`, due after the town's payment days.
    /// `familyIDs` limits the run (the demonstration data bills one family); nil: every family.
    public static func issue(month: BillingMonth, tenant: TenantConfig, issuedOn: LocalDate, staffID: Int64?, now: Date,
                             familyIDs: [Int64]? = nil, in connection: PostgresConnection) throws -> Report {
        // One run at a time per town: two runs would otherwise race for the same bookings.
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('invoicing/run', 0))")
        var issued: [InvoiceDocument] = []
        var already = 0
        for preview in try preview(month: month, tenant: tenant, familyIDs: familyIDs, in: connection) where !preview.draft.isEmpty {
            if preview.alreadyInvoiced { already += 1; continue }
            issued.append(try insert(kind: .invoice, familyID: preview.profile.familyID, month: month, issuedOn: issuedOn,
                                     dueOn: issuedOn.adding(days: tenant.invoicing.paymentDays), profile: preview.profile,
                                     lines: preview.draft.lines.map { ($0, nil) }, corrects: nil, reason: nil, staffID: staffID,
                                     now: now, in: connection))
        }
        return Report(issued: issued, alreadyInvoiced: already)
    }

    /// Numbers and stores one document with its lines.
    static func insert(kind: InvoiceDocument.Kind, familyID: Int64, month: BillingMonth, issuedOn: LocalDate, dueOn: LocalDate,
                       profile: BillingProfile, lines: [(InvoiceLine, Int?)], corrects: (id: Int64, number: InvoiceNumber)?,
                       reason: String?, staffID: Int64?, now: Date, in connection: PostgresConnection) throws -> InvoiceDocument {
        let number = try InvoiceNumbering.next(year: issuedOn.year, in: connection)
        let total = lines.total(\.0.amount)
        let id: Int64 = try connection.query("""
            INSERT INTO invoices (family_id, kind, year, sequence, billing_month, issued_on, due_on, family_name, family_address,
                                  total_cents, corrects_id, reason, issued_by, issued_at)
            VALUES (\(familyID), \(kind.rawValue), \(number.year), \(number.sequence), \(month.firstDay.iso)::date, \(issuedOn.iso)::date,
                    \(dueOn.iso)::date, \(profile.name), \(profile.address)::text[], \(total.cents), \(corrects?.id), \(reason), \(staffID), \(now))
            RETURNING id
            """)[0].decode("id")
        try connection.execute("""
            INSERT INTO invoice_lines (invoice_id, position, kind, booking_id, credited_position, day, child_name, activity_label,
                                       unit_label, tariff_label, amount_cents)
            SELECT \(id), l.position, \(kind.rawValue), l.booking_id, l.credited_position, l.day, l.child_name, l.activity_label,
                   l.unit_label, l.tariff_label, l.amount_cents
            FROM unnest(\(lines.indices.map { $0 + 1 })::integer[], \(lines.map(\.0.bookingID))::bigint[],
                        \(lines.map(\.1))::integer[], \(lines.map(\.0.day.iso))::date[], \(lines.map(\.0.childName))::text[],
                        \(lines.map(\.0.activityLabel))::text[], \(lines.map(\.0.unitLabel))::text[], \(lines.map(\.0.tariffLabel))::text[],
                        \(lines.map(\.0.amount.cents))::integer[])
                 AS l(position, booking_id, credited_position, day, child_name, activity_label, unit_label, tariff_label, amount_cents)
            """)
        return InvoiceDocument(id: id, familyID: familyID, kind: kind, number: number, issuedOn: issuedOn, dueOn: dueOn, month: month,
                               familyName: profile.name, familyAddress: profile.address, lines: lines.map(\.0),
                               corrects: corrects?.number, reason: reason)
    }

    /// Bookings up to `day` that no invoice holds and that could be billed, by family.
    static func billableBookings(through day: LocalDate, familyIDs: [Int64]?, in connection: PostgresConnection) throws -> [Int64: [BillableBooking]] {
        // The pointage is the back-office's table (migration 060); a schema without it has no marks yet.
        let hasAttendance: Bool = try connection.query("SELECT to_regclass('attendance') IS NOT NULL AS present")[0].decode("present")
        let mark = SQL(unsafeSQL: hasAttendance ? "(SELECT a.mark FROM attendance a WHERE a.booking_id = b.id)" : "NULL::text")
        let rows = try connection.query("""
            SELECT b.id, b.family_id, b.child_id, b.status, b.tariff, s.activity, s.unit, s.day::text AS day,
                   coalesce(nullif(c.first_names, ''), 'Enfant') AS child_name,
            """ + mark + """
             AS mark
            FROM bookings b JOIN slots s ON s.id = b.slot_id
            LEFT JOIN children c ON c.id = b.child_id
            WHERE s.day <= \(day.iso)::date
              AND (\(familyIDs == nil) OR b.family_id = ANY(\(familyIDs ?? [])::bigint[]))
              AND (b.status IN ('booked', 'absent', 'pendingValidation', 'cancellationRequested')
                   OR (b.status IN ('cancelled', 'withdrawn') AND b.tariff = 'lateCancellation'))
              AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.booking_id = b.id AND l.kind = 'invoice')
            ORDER BY s.day, b.id
            """)
        var byFamily: [Int64: [BillableBooking]] = [:]
        for row in rows {
            let booking = BillableBooking(bookingID: try row.decode("id"), childID: try row.decode("child_id"),
                                          childName: try row.decode("child_name"), activity: try row.decode("activity"),
                                          unit: try row.decode("unit"), day: try row.localDate("day"),
                                          status: try row.enumValue("status", as: BookingStatus.self),
                                          tariff: try row.enumValue("tariff", as: Tariff.self),
                                          attendance: try row.decode("mark", as: String?.self).flatMap(Attendance.init(mark:)))
            byFamily[try row.decode("family_id"), default: []].append(booking)
        }
        return byFamily
    }
}
