#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The family's copy of everything the town holds on it (RGPD art. 15): one ordered tree with
/// French labels, which the portal shows as a page and offers as a JSON file, so both always
/// say the same. Values are shown as people read them (« 06 12 34 56 78 », « 09/03/2019 »).
public enum DossierExport {
    /// `account` carries what the accounts area holds (login, subscriptions, documents,
    /// « Mes demandes »), already labelled.
    public static func build(_ dossier: Family, requests: [ChangeRequest], townName: String, generatedAt: Date,
                             account: [(key: String, value: JSONValue)] = []) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("Commune", .string(townName)),
            ("Export établi le", .string(FrenchDateFormat.longWithTime(generatedAt))),
            ("Dossier famille", .object([("Nom de la famille", .string(dossier.name)), ("Code abonné", .string(dossier.subscriberCode))])),
            ("Responsables", .array(dossier.guardians.map { fields(DossierField.guardianBindings, of: $0) })),
            ("Enfants", .array(dossier.children.map { child in
                guard case .object(let childFields) = fields(DossierField.childBindings, of: child) else { return .null }
                return .object(childFields + [("Fiche sanitaire", fields(DossierField.healthBindings, of: child))])
            })),
            ("Personnes habilitées", .array(dossier.contacts.map { fields(DossierField.contactBindings, of: $0) })),
            ("Quotient familial", dossier.fiscal.map { fiscal in
                .object([("Quotient familial", .string("\(fiscal.familyQuotient) €")),
                         ("Valable du", .string(TypedDate.display(fiscal.validFrom))),
                         ("Valable jusqu'au", .string(TypedDate.display(fiscal.validUntil)))])
            } ?? .null),
            ("Demandes de modification du dossier", .array(requests.map { request(of: $0, in: dossier) })),
        ]
        if !account.isEmpty { members.append(("Compte", .object(account))) }
        return .object(members)
    }

    private static func fields<R>(_ bindings: [FieldBinding<R>], of record: R) -> JSONValue {
        .object(bindings.map { ($0.field.label, .string($0.field.display($0.value(in: record)))) })
    }

    private static func request(of request: ChangeRequest, in dossier: Family) -> JSONValue {
        .object([
            ("Déposée le", .string(FrenchDateFormat.longWithTime(request.submittedAt))),
            ("Par", .string(request.submittedBy.name)),
            ("Statut", .string(request.status.frenchLabel)),
            ("Modifications", .array(request.changes.map { change in
                let field = change.target.field
                var answer: [(key: String, value: JSONValue)] = []
                switch change.decision {
                case .pending: answer = [("Réponse", .string("En attente de validation"))]
                case .accepted(_, let at): answer = [("Réponse", .string("Acceptée le \(FrenchDateFormat.longWithTime(at))"))]
                case .refused(let reason, _, let at):
                    answer = [("Réponse", .string("Refusée le \(FrenchDateFormat.longWithTime(at))")), ("Motif", .string(reason))]
                }
                return .object([
                    ("Fiche", .string(dossier.recordName(change.target))),
                    ("Champ", .string(field?.label ?? change.target.key)),
                    ("Ancienne valeur", .string(field?.display(change.oldValue) ?? change.oldValue)),
                    ("Nouvelle valeur", .string(field?.display(change.newValue) ?? change.newValue)),
                ] + answer)
            })),
        ])
    }
}
