import Testing
import PortalCore

@Suite struct BankDetailsTests {
    @Test(arguments: [
        ("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
        ("fr7630006000011234567890189", "FR7630006000011234567890189"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819"),
        ("BE68 5390 0754 7034", "BE68539007547034"),
        ("NL91ABNA0417164300", "NL91ABNA0417164300"),
        ("CH93 0076 2011 6238 5295 7", "CH9300762011623852957"),
        ("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"),
        ("IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"),
        ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S"),
        ("NO93 8601 1117 947", "NO9386011117947"),
    ])
    func iban_withValidChecksum_isAcceptedInCompactForm(typed: String, compact: String) throws {
        #expect(try IBAN(typed).compact == compact)
    }

    @Test(arguments: [
        ("FR76 3000 6000 0112 3456 7890 188", IBAN.Problem.badChecksum),
        ("FR76 3000 6000 0112 3456 7980 189", .badChecksum),
        ("FR76 3000 6000 0112 3456 7890 18", .wrongLength(country: "FR", expected: 27, actual: 26)),
        ("US12 3456 7890 1234", .unknownCountry("US")),
        ("FR76 3000 6000 0112 3456 7890 18é", .badCharacters),
        ("3000 6000 0112 3456 7890 189", .badCharacters),
        ("FRxx 3000 6000 0112 3456 7890 189", .badCharacters),
        ("FR", .badCharacters),
    ])
    func iban_withMistake_isRefusedWithItsReason(typed: String, problem: IBAN.Problem) {
        #expect(throws: problem) { try IBAN(typed) }
    }

    @Test func iban_problems_speakFrenchToTheFamily() {
        #expect(IBAN.Problem.wrongLength(country: "FR", expected: 27, actual: 26).frenchMessage == "Un IBAN FR compte 27 caractères ; celui-ci en compte 26.")
        #expect(IBAN.Problem.badChecksum.frenchMessage.contains("recopiez-le depuis votre RIB"))
    }

    @Test func iban_groupedForDisplay_likeARib() throws {
        #expect(try IBAN("FR7630006000011234567890189").grouped == "FR76 3000 6000 0112 3456 7890 189")
    }

    @Test(arguments: ["BNPAFRPP", "BNPAFRPPXXX", "bnpa fr pp xxx", "AGRIFRPP839", "DEUTDEFF500", "CEPAFRPP871"])
    func bic_ofEightOrElevenCharacters_isAccepted(typed: String) {
        #expect(BIC(typed) != nil)
    }

    @Test(arguments: ["BNPAFRP", "BNPAFRPPXX", "BNPA12PP", "BNPAFRPPXXXX", "BNPAFRPP-XX", ""])
    func bic_withWrongShape_isRefused(typed: String) {
        #expect(BIC(typed) == nil)
    }
}
