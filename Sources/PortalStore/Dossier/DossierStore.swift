import Foundation
public import PortalCore
public import Postgres

/// Family files of the town whose schema the transaction is bound to. Every statement names
/// the family, so an id from another family's file matches nothing.
public enum DossierStore {
    /// The whole file, or nil when there is no such family. `lock` takes the family row for the
    /// transaction, so that submissions and decisions on one family happen one after the other.
    public static func load(familyID: Int64, lock: Bool = false, in connection: PostgresConnection) throws -> Family? {
        guard let family = try connection.query("""
            SELECT id, name, subscriber_code, family_quotient, quotient_valid_from::text AS valid_from,
                   quotient_valid_until::text AS valid_until
            FROM families WHERE id = \(familyID) \(unsafeSQL: lock ? "FOR UPDATE" : "")
            """).first else { return nil }
        var dossier = Family(familyID: familyID, name: try family.decode("name"), subscriberCode: try family.decode("subscriber_code"))
        if let quotient = try family.decode("family_quotient", as: Int?.self),
           let from = LocalDate(iso: try family.decode("valid_from")), let until = LocalDate(iso: try family.decode("valid_until")) {
            dossier.fiscal = FiscalData(familyQuotient: quotient, validFrom: from, validUntil: until)
        }
        dossier.guardians = try connection.query("""
            SELECT id, \(DossierColumns.select(DossierField.fields(of: .guardian), from: "guardians"))
            FROM guardians WHERE family_id = \(familyID) ORDER BY id
            """).map { row in
            var guardian = Guardian(id: try row.decode("id"))
            try DossierColumns.read(row, DossierField.guardianBindings, into: &guardian)
            return guardian
        }
        dossier.children = try connection.query("""
            SELECT children.id, \(DossierColumns.select(DossierField.fields(of: .child), from: "children")),
                   \(DossierColumns.select(DossierField.fields(of: .health), from: "child_health", prefix: "h_"))
            FROM children LEFT JOIN child_health ON child_health.child_id = children.id
            WHERE children.family_id = \(familyID) AND children.removed_at IS NULL ORDER BY children.id
            """).map { row in
            var child = Child(id: try row.decode("id"))
            try DossierColumns.read(row, DossierField.childBindings, into: &child)
            try DossierColumns.read(row, DossierField.healthBindings, into: &child, prefix: "h_")
            return child
        }
        dossier.contacts = try connection.query("""
            SELECT id, \(DossierColumns.select(DossierField.fields(of: .contact), from: "authorized_contacts"))
            FROM authorized_contacts WHERE family_id = \(familyID) ORDER BY id
            """).map { row in
            var contact = AuthorizedContact(id: try row.decode("id"))
            try DossierColumns.read(row, DossierField.contactBindings, into: &contact)
            return contact
        }
        return dossier
    }

    /// Writes what differs between `previous` (as loaded) and `updated`: changed records are
    /// updated, new ones (no id) inserted, missing ones deleted — except children, whose row
    /// stays for bookings and invoices, reduced to the name (`retireChild`). Returns the file with new ids.
    @discardableResult
    public static func save(_ updated: Family, previous: Family, in connection: PostgresConnection) throws -> Family {
        let familyID = previous.familyID
        var result = updated
        if updated.name != previous.name || updated.subscriberCode != previous.subscriberCode || updated.fiscal != previous.fiscal {
            try connection.execute("""
                UPDATE families SET name = \(updated.name), subscriber_code = \(updated.subscriberCode),
                    family_quotient = \(updated.fiscal?.familyQuotient), quotient_valid_from = \(updated.fiscal?.validFrom.iso)::date,
                    quotient_valid_until = \(updated.fiscal?.validUntil.iso)::date
                WHERE id = \(familyID)
                """)
        }
        func delete(from table: String) -> (Int64) throws -> Void {
            { gone in try connection.execute("DELETE FROM \(identifier: table) WHERE id = \(gone) AND family_id = \(familyID)") }
        }
        result.guardians = try sync(updated.guardians, previous.guardians, table: "guardians", bindings: DossierField.guardianBindings,
                                    familyID: familyID, id: \.id, remove: delete(from: "guardians"), in: connection)
        result.contacts = try sync(updated.contacts, previous.contacts, table: "authorized_contacts", bindings: DossierField.contactBindings,
                                   familyID: familyID, id: \.id, remove: delete(from: "authorized_contacts"), in: connection)
        result.children = try sync(updated.children, previous.children, table: "children", bindings: DossierField.childBindings,
                                   familyID: familyID, id: \.id, remove: { try retireChild($0, familyID: familyID, in: connection) }, in: connection)
        for (index, child) in result.children.enumerated() {
            guard let id = child.id else { continue }
            let before = previous.children.first { $0.id == id }
            guard before?.health != child.health || before == nil else { continue }
            try connection.execute("""
                INSERT INTO child_health \(DossierColumns.insert(DossierField.healthBindings, of: child, leading: [("child_id", "\(id)")]))
                ON CONFLICT (child_id) DO UPDATE SET \(DossierColumns.assignments(DossierField.healthBindings, of: child))
                """)
            result.children[index] = child
        }
        return result
    }

    private static func sync<R: Equatable>(_ records: [R], _ previous: [R], table: String, bindings: [FieldBinding<R>], familyID: Int64,
                                           id: WritableKeyPath<R, Int64?>, remove: (Int64) throws -> Void,
                                           in connection: PostgresConnection) throws -> [R] {
        var result = records
        let kept = Set(records.compactMap { $0[keyPath: id] })
        for gone in previous.compactMap({ $0[keyPath: id] }) where !kept.contains(gone) {
            try remove(gone)
        }
        for (index, record) in records.enumerated() {
            if let recordID = record[keyPath: id] {
                let before = previous.first { $0[keyPath: id] == recordID }
                guard before.map({ differs($0, record, bindings) }) ?? true else { continue }
                try connection.execute("""
                    UPDATE \(identifier: table) SET \(DossierColumns.assignments(bindings, of: record))
                    WHERE id = \(recordID) AND family_id = \(familyID)
                    """)
            } else {
                result[index][keyPath: id] = try connection.query("""
                    INSERT INTO \(identifier: table) \(DossierColumns.insert(bindings, of: record, leading: [("family_id", "\(familyID)")]))
                    RETURNING id
                    """)[0].decode("id", as: Int64.self)
            }
        }
        return result
    }

    /// A child taken out of the file: the row keeps its name for the records that point at it;
    /// the health sheet, photos and school, which nothing else needs, are deleted.
    private static func retireChild(_ id: Int64, familyID: Int64, in connection: PostgresConnection) throws {
        let retired = try connection.execute("""
            UPDATE children SET removed_at = now(), photo = '', school = '', school_class = ''
            WHERE id = \(id) AND family_id = \(familyID)
            """)
        guard retired == 1 else { return }
        try connection.execute("DELETE FROM child_health WHERE child_id = \(id)")
        try connection.execute("DELETE FROM child_photos WHERE child_id = \(id)")
    }

    private static func differs<R>(_ a: R, _ b: R, _ bindings: [FieldBinding<R>]) -> Bool {
        bindings.contains { $0.value(in: a) != $0.value(in: b) }
    }
}
