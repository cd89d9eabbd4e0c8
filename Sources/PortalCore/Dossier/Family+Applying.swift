extension Family {
    public enum ApplyProblem: Error, Hashable, Sendable {
        /// The record is not (or no longer) in this family's file.
        case recordNotFound(FieldTarget)
        case unknownField(FieldTarget)
        /// A new record would lack a required field.
        case incompleteRecord(FieldTarget)
    }

    /// The file with every value written, or unchanged and an error: values are canonical
    /// (already normalised). Proposed records are appended without an id, for the store to insert.
    public func applying(_ values: [(target: FieldTarget, value: String)]) throws(ApplyProblem) -> Family {
        var result = self
        var proposedChildren: [Int: Child] = [:]
        var proposedGuardians: [Int: Guardian] = [:]
        var proposedContacts: [Int: AuthorizedContact] = [:]
        var removals: [FieldTarget] = []
        for (target, value) in values {
            if target.isRemoval {
                guard DossierField.removableEntities.contains(target.entity) else { throw .unknownField(target) }
                guard case .existing(let id) = target.record, result.contains(target.entity, id: id) else { throw .recordNotFound(target) }
                if value == FieldKind.yes { removals.append(target) }
                continue
            }
            switch (target.recordEntity, target.record) {
            case (.guardian, .existing(let id)):
                guard let index = result.guardians.firstIndex(where: { $0.id == id }) else { throw .recordNotFound(target) }
                try Self.write(value, at: target, with: DossierField.guardianBindings, into: &result.guardians[index])
            case (.guardian, .proposed(let number)):
                try Self.write(value, at: target, with: DossierField.guardianBindings, into: &proposedGuardians[number, default: Guardian()])
            case (.child, .existing(let id)):
                guard let index = result.children.firstIndex(where: { $0.id == id }) else { throw .recordNotFound(target) }
                try Self.write(value, at: target, with: Self.childAndHealth(target), into: &result.children[index])
            case (.child, .proposed(let number)):
                try Self.write(value, at: target, with: Self.childAndHealth(target), into: &proposedChildren[number, default: Child()])
            case (.contact, .existing(let id)):
                guard let index = result.contacts.firstIndex(where: { $0.id == id }) else { throw .recordNotFound(target) }
                try Self.write(value, at: target, with: DossierField.contactBindings, into: &result.contacts[index])
            case (.contact, .proposed(let number)):
                try Self.write(value, at: target, with: DossierField.contactBindings, into: &proposedContacts[number, default: AuthorizedContact()])
            case (.health, _):
                preconditionFailure("health targets resolve to their child")
            }
        }
        try Self.requireComplete(proposedGuardians, DossierField.guardianBindings, .guardian)
        try Self.requireComplete(proposedChildren, DossierField.childBindings, .child)
        try Self.requireComplete(proposedContacts, DossierField.contactBindings, .contact)
        result.guardians += proposedGuardians.sorted { $0.key < $1.key }.map(\.value)
        result.children += proposedChildren.sorted { $0.key < $1.key }.map(\.value)
        result.contacts += proposedContacts.sorted { $0.key < $1.key }.map(\.value)
        // Removals last, so that nothing written above can bring a removed record back.
        for target in removals {
            guard case .existing(let id) = target.record else { continue }
            switch target.entity {
            case .child: result.children.removeAll { $0.id == id }
            case .contact: result.contacts.removeAll { $0.id == id }
            case .guardian, .health: continue
            }
        }
        return result
    }

    private static func childAndHealth(_ target: FieldTarget) -> [FieldBinding<Child>] {
        target.entity == .health ? DossierField.healthBindings : DossierField.childBindings
    }

    private static func write<R>(_ value: String, at target: FieldTarget, with bindings: [FieldBinding<R>],
                                 into record: inout R) throws(ApplyProblem) {
        guard let binding = bindings.first(where: { $0.field.key == target.key }) else { throw .unknownField(target) }
        binding.write(value, into: &record)
    }

    private static func requireComplete<R>(_ records: [Int: R], _ bindings: [FieldBinding<R>],
                                           _ entity: DossierEntity) throws(ApplyProblem) {
        for (number, record) in records {
            if let missing = bindings.first(where: { $0.field.isRequired && $0.value(in: record).isEmpty }) {
                throw .incompleteRecord(FieldTarget(entity, .proposed(number), missing.field.key))
            }
        }
    }
}
