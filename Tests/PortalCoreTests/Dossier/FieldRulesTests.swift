import Testing
import PortalCore

@Suite struct FieldRulesTests {
    private func check(_ entity: DossierEntity, _ key: String, _ typed: String, on today: LocalDate = day("2026-09-01")) -> Result<String, FieldProblem> {
        DossierField.find(entity, key)!.normalise(typed, today: today)
    }

    @Test(arguments: [
        (DossierEntity.child, "birth_date", "09/03/2019", "2019-03-09"),
        (.child, "birth_date", "01/09/2026", "2026-09-01"),
        (.health, "vaccine_dtp", "2026-08-31", "2026-08-31"),
        (.guardian, "iban", "fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
        (.guardian, "bic", "bnpafrpp", "BNPAFRPP"),
        (.guardian, "mobile_phone", "+33612345678", "0612345678"),
        (.guardian, "postcode", " 43490 ", "43490"),
        (.guardian, "relation", "pere", "pere"),
        (.child, "image_rights", "on", "oui"),
        (.child, "image_rights", "non", "non"),
        (.health, "pai", "true", "oui"),
        (.guardian, "profession", "  Infirmière  ", "Infirmière"),
        (.guardian, "address_line1", "3 rue\r\ndu Devès", "3 rue du Devès"),
        (.health, "allergies", "Arachide\r\nKiwi", "Arachide\nKiwi"),
        (.guardian, "work_phone", "", ""),
    ])
    func typedValue_isStoredInCanonicalForm(entity: DossierEntity, key: String, typed: String, stored: String) {
        #expect(check(entity, key, typed) == .success(stored))
    }

    @Test(arguments: [
        (DossierEntity.child, "birth_date", "02/09/2026", "Cette date est dans le futur."),
        (.health, "vaccine_mmr", "2027-01-01", "Cette date est dans le futur."),
        (.child, "birth_date", "31/08/2001", "Cette date remonte à plus de 25 ans : vérifiez l'année."),
        (.child, "birth_date", "30/02/2019", "Date non reconnue : écrivez-la JJ/MM/AAAA (ex. 09/03/2019)."),
        (.child, "birth_date", "", "Ce champ est obligatoire."),
        (.guardian, "last_name", "   ", "Ce champ est obligatoire."),
        (.contact, "phone", "", "Ce champ est obligatoire."),
        (.guardian, "relation", "voisin", "Choisissez une des réponses proposées."),
        (.child, "image_rights", "peut-être", "Répondez oui ou non."),
        (.guardian, "postcode", "4349", "Le code postal compte 5 chiffres (ex. 43490)."),
        (.guardian, "last_name", String(repeating: "x", count: 101), "100 caractères au plus."),
    ])
    func typedValue_breakingARule_isRefusedInFrench(entity: DossierEntity, key: String, typed: String, message: String) {
        guard case .failure(let problem) = check(entity, key, typed) else {
            Issue.record("accepted \(typed)")
            return
        }
        #expect(problem.frenchMessage == message)
    }

    @Test func residency_isSetByStaffOnly_andHealthFieldsAreMarkedSensitive() {
        #expect(DossierField.find(.guardian, "resident")?.isEditableByFamily == false)
        #expect(DossierField.fields(of: .health).allSatisfy { $0.isHealthData })
        #expect(!DossierField.fields(of: .child).contains { $0.isHealthData })
        #expect(DossierField.fields(of: .health).filter { $0.key.hasPrefix("vaccine_") }.count == Vaccine.allCases.count)
    }

    @Test func fieldKeys_areUniqueWithinEachEntity() {
        for entity in DossierEntity.allCases {
            let keys = DossierField.fields(of: entity).map(\.key)
            #expect(Set(keys).count == keys.count, "\(entity)")
        }
    }

    @Test(arguments: [
        (DossierEntity.guardian, "iban", "FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189"),
        (.child, "birth_date", "2019-03-09", "09/03/2019"),
        (.guardian, "mobile_phone", "0612345678", "06 12 34 56 78"),
        (.child, "image_rights", "oui", "Oui"),
        (.health, "diet", "sans_porc", "Sans porc"),
        (.contact, "permission", "urgence", "À prévenir en cas d'urgence seulement"),
    ])
    func storedValue_readsAsPeopleWriteIt(entity: DossierEntity, key: String, stored: String, shown: String) {
        #expect(DossierField.find(entity, key)?.display(stored) == shown)
    }

    @Test(arguments: [("2026-06-30", "Valable du 01/01/2026 au 31/12/2026", true),
                      ("2027-01-01", "Expiré depuis le 31/12/2026 : envoyez une attestation récente.", false),
                      ("2025-12-31", "Valable à partir du 01/01/2026", false)])
    func familyQuotient_validity_isToldInFrench(on iso: String, text: String, valid: Bool) {
        let fiscal = FiscalData(familyQuotient: 850, validFrom: day("2026-01-01"), validUntil: day("2026-12-31"))
        #expect(fiscal.frenchValidity(on: day(iso)) == text)
        #expect(fiscal.isValid(on: day(iso)) == valid)
    }
}
