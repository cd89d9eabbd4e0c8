/// A family file (dossier famille) as one value: what the family sees under « Mon dossier »,
/// what staff validate changes against, what the RGPD export lists.
public struct Family: Hashable, Sendable {
    public var familyID: Int64
    /// The family's name as invoices carry it.
    public var name: String
    public var subscriberCode: String
    public var guardians: [Guardian]
    public var children: [Child]
    public var contacts: [AuthorizedContact]
    public var fiscal: FiscalData?

    public init(familyID: Int64, name: String, subscriberCode: String, guardians: [Guardian] = [], children: [Child] = [],
                contacts: [AuthorizedContact] = [], fiscal: FiscalData? = nil) {
        self.familyID = familyID
        self.name = name
        self.subscriberCode = subscriberCode
        self.guardians = guardians
        self.children = children
        self.contacts = contacts
        self.fiscal = fiscal
    }
}

/// Which record a change is about: a stored one, or one the family proposes to add (numbered
/// within its request). Health fields name the child whose sheet they are on.
public enum RecordRef: Hashable, Sendable {
    case existing(Int64)
    case proposed(Int)
}

/// One field of one record of a family file.
public struct FieldTarget: Hashable, Sendable {
    public let entity: DossierEntity
    public let record: RecordRef
    public let key: String

    public init(_ entity: DossierEntity, _ record: RecordRef, _ key: String) {
        self.entity = entity
        self.record = record
        self.key = key
    }

    public var field: DossierField? { DossierField.find(entity, key) }

    /// Health sheets are a child's: a proposed child and its sheet are one new record.
    public var recordEntity: DossierEntity { entity == .health ? .child : entity }
}

extension Family {
    /// The current canonical value of a stored record's field; nil when the record is not in
    /// this family's file (another family's id, a deleted record) or the field does not exist.
    public func value(at target: FieldTarget) -> String? {
        guard case .existing(let id) = target.record else { return nil }
        if target.isRemoval {
            return DossierField.removableEntities.contains(target.entity) && contains(target.entity, id: id) ? FieldKind.no : nil
        }
        switch target.entity {
        case .guardian:
            return guardians.first { $0.id == id }.flatMap { record in
                DossierField.guardianBindings.first { $0.field.key == target.key }?.value(in: record)
            }
        case .child, .health:
            let bindings = target.entity == .child ? DossierField.childBindings : DossierField.healthBindings
            return children.first { $0.id == id }.flatMap { record in
                bindings.first { $0.field.key == target.key }?.value(in: record)
            }
        case .contact:
            return contacts.first { $0.id == id }.flatMap { record in
                DossierField.contactBindings.first { $0.field.key == target.key }?.value(in: record)
            }
        }
    }

    /// Whether the stored record exists in this family's file.
    public func contains(_ entity: DossierEntity, id: Int64) -> Bool {
        switch entity {
        case .guardian: guardians.contains { $0.id == id }
        case .child, .health: children.contains { $0.id == id }
        case .contact: contacts.contains { $0.id == id }
        }
    }
}
