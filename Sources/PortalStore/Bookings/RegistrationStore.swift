public import Foundation
public import PortalCore
public import Postgres

/// A pré-inscription as stored, with what the lists show.
public struct StoredRegistration: Sendable, Equatable {
    public let registration: Registration
    public let familyID: Int64
    public let createdAt: Date

    public init(registration: Registration, familyID: Int64, createdAt: Date) {
        self.registration = registration
        self.familyID = familyID
        self.createdAt = createdAt
    }
}

public enum RegistrationStore {
    /// Records a request (accepted at once where the town validates automatically).
    @discardableResult
    public static func create(_ registration: Registration, familyID: Int64, now: Date,
                              in connection: PostgresConnection) throws -> Int64 {
        do {
            return try connection.query("""
                INSERT INTO registrations (family_id, child_id, activity, first_day, last_day, status, refusal_reason, created_at, answered_at)
                VALUES (\(familyID), \(registration.childID), \(registration.activityCode), \(registration.period.firstDay.iso)::date,
                        \(registration.period.lastDay.iso)::date, \(registration.status.rawValue), \(registration.refusalReason),
                        \(now), \(registration.status == .pending ? nil : now))
                RETURNING id
                """)[0].decode("id")
        } catch let error as PostgresError where error.isUniqueViolation {
            throw BookingStoreError.duplicateRegistration
        }
    }

    public static func forFamily(_ familyID: Int64, validity: RegistrationPolicy.Validity,
                                 in connection: PostgresConnection) throws -> [StoredRegistration] {
        try connection.fetch(forFamily(familyID, validity: validity))
    }

    public static func forFamily(_ familyID: Int64, validity: RegistrationPolicy.Validity) -> PostgresQuery<[StoredRegistration]> {
        PostgresQuery("""
            SELECT id, family_id, child_id, activity, first_day::text AS first_day, last_day::text AS last_day, status,
                   refusal_reason, created_at
            FROM registrations WHERE family_id = \(familyID) ORDER BY first_day DESC, child_id, activity
            """) { try $0.map { try stored($0, validity: validity) } }
    }

    /// The staff queue: pending requests, oldest first, optionally for one activity and one period.
    public static func pending(activity: String?, period: RegistrationPeriod? = nil, validity: RegistrationPolicy.Validity,
                               in connection: PostgresConnection) throws -> [StoredRegistration] {
        try connection.query("""
            SELECT id, family_id, child_id, activity, first_day::text AS first_day, last_day::text AS last_day, status,
                   refusal_reason, created_at
            FROM registrations WHERE status = 'pending' AND (\(activity)::text IS NULL OR activity = \(activity))
              AND (\(period?.firstDay.iso)::date IS NULL OR (first_day = \(period?.firstDay.iso)::date AND last_day = \(period?.lastDay.iso)::date))
            ORDER BY created_at, id
            """).map { try stored($0, validity: validity) }
    }

    /// The periods pending requests are for, earliest first: the queue's period filter.
    public static func pendingPeriods(validity: RegistrationPolicy.Validity, in connection: PostgresConnection) throws -> [RegistrationPeriod] {
        try connection.query("""
            SELECT DISTINCT first_day::text AS first_day, last_day::text AS last_day FROM registrations
            WHERE status = 'pending' ORDER BY first_day, last_day
            """).map { RegistrationPeriod(validity: validity, firstDay: try $0.localDate("first_day"), lastDay: try $0.localDate("last_day")) }
    }

    /// Staff answer several requests at once; each must still be pending and its period not over.
    /// Returns the answered registrations (for the families' notifications).
    public static func answer(ids: [Int64], accept: Bool, reason: String?, today: LocalDate, now: Date,
                              validity: RegistrationPolicy.Validity, in connection: PostgresConnection) throws -> [StoredRegistration] {
        let rows = try connection.query("""
            SELECT id, family_id, child_id, activity, first_day::text AS first_day, last_day::text AS last_day, status,
                   refusal_reason, created_at
            FROM registrations WHERE id = ANY(\(ids)::bigint[]) ORDER BY id FOR UPDATE
            """).map { try stored($0, validity: validity) }
        return try rows.map { row in
            let answered: Registration
            do throws(RegistrationTransitionError) {
                if accept {
                    answered = try row.registration.accepted(today: today)
                } else {
                    answered = try row.registration.refused(reason: reason ?? "", today: today)
                }
            } catch {
                throw BookingStoreError.registration(error)
            }
            try connection.execute("""
                UPDATE registrations SET status = \(answered.status.rawValue), refusal_reason = \(answered.refusalReason), answered_at = \(now)
                WHERE id = \(row.registration.id!)
                """)
            return StoredRegistration(registration: answered, familyID: row.familyID, createdAt: row.createdAt)
        }
    }

    private static func stored(_ row: PostgresRow, validity: RegistrationPolicy.Validity) throws -> StoredRegistration {
        let period = RegistrationPeriod(validity: validity, firstDay: try row.localDate("first_day"), lastDay: try row.localDate("last_day"))
        let registration = Registration(id: try row.decode("id"), childID: try row.decode("child_id"), activityCode: try row.decode("activity"),
                                        period: period, status: try row.enumValue("status", as: RegistrationStatus.self),
                                        refusalReason: try row.decode("refusal_reason"))
        return StoredRegistration(registration: registration, familyID: try row.decode("family_id"), createdAt: try row.decode("created_at"))
    }
}
