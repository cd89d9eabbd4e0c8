import Foundation
import PortalCore

/// The Martin family (id 7): one guardian (11), one child (21), one contact (31).
func martinDossier() -> Family {
    var marie = Guardian(id: 11)
    marie.lastName = "Martin"
    marie.firstNames = "Marie"
    marie.relation = "mere"
    marie.address = PostalAddress(line1: "3 rue du Devès", postcode: "43490", city: "Costaros")
    marie.mobilePhone = "0612345678"
    marie.email = "marie.martin@example.fr"
    marie.iban = "FR7630006000011234567890189"
    marie.isResident = true
    var lea = Child(id: 21)
    lea.lastName = "Martin"
    lea.firstNames = "Léa"
    lea.birthDate = day("2019-03-09")
    lea.health.allergies = "Arachide"
    lea.health.vaccinations[.dtp] = day("2024-03-15")
    var paul = AuthorizedContact(id: 31)
    paul.lastName = "Roux"
    paul.firstNames = "Paul"
    paul.relation = "Grand-père"
    paul.phone = "0471000000"
    return Family(familyID: 7, name: "MARTIN", subscriberCode: "ABCDE-FGHJK", guardians: [marie], children: [lea],
                         contacts: [paul], fiscal: FiscalData(familyQuotient: 850, validFrom: day("2026-01-01"), validUntil: day("2026-12-31")))
}

let marieActor = DossierActor(.family, id: 101, name: "Marie Martin")
let agentActor = DossierActor(.staff, id: 501, name: "Sophie Agent")
let submittedAt = utc("2026-09-01 08:00")
let decidedAt = utc("2026-09-02 14:30")
let today = day("2026-09-01")

func target(_ entity: DossierEntity, _ id: Int64, _ key: String) -> FieldTarget {
    FieldTarget(entity, .existing(id), key)
}

/// A request from Marie changing Léa's allergies and her own mobile phone.
func allergyAndPhoneRequest(in dossier: Family = martinDossier()) throws -> ChangeRequest {
    try ChangeRequest.submit([
        ProposedChange(target(.health, 21, "allergies"), "Arachide, kiwi"),
        ProposedChange(target(.guardian, 11, "mobile_phone"), "+33 7 11 22 33 44"),
    ], to: dossier, by: marieActor, at: submittedAt, today: today)
}

/// A deterministic generator for tests (SplitMix64), so generated codes are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
