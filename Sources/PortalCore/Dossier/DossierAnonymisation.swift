/// RGPD erasure of a family that has left. Invoices are accounting records the town must keep
/// (ten years, Code de commerce L123-22): each invoice keeps its own copy of the debtor's name,
/// its amounts and dates, and the dossier keeps only what identifies that debtor — the family's
/// name and the guardians' names. Everything else is removed: addresses, phones, e-mails, jobs,
/// bank details, children's identities, health sheets, contacts, fiscal data, and the code
/// abonné is replaced so the old letter links nothing.
public enum DossierAnonymisation {
    /// Guardian fields kept: the name invoices are addressed to.
    public static let keptGuardianFields: Set<String> = ["last_name", "first_names"]

    public static func anonymise(_ dossier: Family, replacementCode: SubscriberCode) -> Family {
        var result = dossier
        result.subscriberCode = replacementCode.value
        result.guardians = dossier.guardians.map { guardian in
            var kept = Guardian(id: guardian.id)
            for binding in DossierField.guardianBindings where keptGuardianFields.contains(binding.field.key) {
                binding.write(binding.value(in: guardian), into: &kept)
            }
            return kept
        }
        // Children stay as numbered placeholders so that invoice lines still point at a record.
        result.children = dossier.children.enumerated().map { offset, child in
            var placeholder = Child(id: child.id)
            placeholder.lastName = "Anonymisé"
            placeholder.firstNames = "Enfant \(offset + 1)"
            return placeholder
        }
        result.contacts = []
        result.fiscal = nil
        return result
    }
}
