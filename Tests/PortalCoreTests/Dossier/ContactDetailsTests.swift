import Testing
import PortalCore

@Suite struct ContactDetailsTests {
    @Test(arguments: [
        ("06 12 34 56 78", "0612345678", "06 12 34 56 78"),
        ("06.12.34.56.78", "0612345678", "06 12 34 56 78"),
        ("0471-00-00-00", "0471000000", "04 71 00 00 00"),
        ("+33 6 12 34 56 78", "0612345678", "06 12 34 56 78"),
        ("+33 (0)6 12 34 56 78", "0612345678", "06 12 34 56 78"),
        ("0033612345678", "0612345678", "06 12 34 56 78"),
        ("+262 692 12 34 56", "0692123456", "06 92 12 34 56"),
        ("+590 590 12 34 56", "0590123456", "05 90 12 34 56"),
        ("+41 22 123 45 67", "+41221234567", "+41221234567"),
    ])
    func phone_inNationalOrInternationalForm_isStoredCanonically(typed: String, canonical: String, display: String) {
        let number = PhoneNumber(typed)
        #expect(number?.canonical == canonical)
        #expect(number?.display == display)
    }

    @Test(arguments: ["612345678", "06123456789", "+1234567", "+33 06 12 34 56 78", "+33 6 12 34 56", "06 12 34 56 7a", "+0 123 456 789", "+4112", "abc"])
    func phone_thatIsNoNumber_isRefused(typed: String) {
        #expect(PhoneNumber(typed) == nil)
    }

    @Test(arguments: [("43490", true), ("34800", true), ("20000", true), ("97400", true), ("98000", true), ("01000", true),
                      ("00100", false), ("96000", false), ("99000", false), ("4349", false), ("434900", false), ("43 490", true), ("4349O", false)])
    func postcode_isFiveDigitsOfAFrenchDepartment(typed: String, accepted: Bool) {
        #expect((FrenchPostcode(typed) != nil) == accepted)
    }

    @Test(arguments: [
        ("Marie.Martin@Example.FR", "marie.martin@example.fr"), (" a@b.fr ", "a@b.fr"), ("prenom+nom@mairie-x.fr", "prenom+nom@mairie-x.fr"),
    ])
    func email_isLowerCasedAndTrimmed(typed: String, stored: String) {
        #expect(ContactEmail.normalise(typed) == stored)
    }

    @Test(arguments: ["marie", "marie@", "@example.fr", "marie@example", "marie@@example.fr", "ma rie@example.fr", "marie@exa_mple.fr", "marie@-example.fr", ".marie@example.fr", "marie@example.f"])
    func email_withWrongShape_isRefused(typed: String) {
        #expect(ContactEmail.normalise(typed) == nil)
    }

    @Test(arguments: [("09/03/2019", "2019-03-09"), ("9/3/2019", "2019-03-09"), ("09-03-2019", "2019-03-09"), ("09.03.2019", "2019-03-09"), ("2019-03-09", "2019-03-09")])
    func typedDate_inFrenchOrIsoForm_isRead(typed: String, iso: String) {
        #expect(TypedDate.parse(typed) == day(iso))
    }

    @Test(arguments: ["31/02/2019", "2019/03/09", "03/2019", "09/03/19", "lundi"])
    func typedDate_thatIsNoDay_isRefused(typed: String) {
        #expect(TypedDate.parse(typed) == nil)
    }
}
