import Testing
@testable import Formats

struct CSVDocumentTests {
    @Test func document_isBOMThenSemicolonSeparatedQuotedFieldsWithCRLF() {
        var document = CSVDocument(header: ["Date", "Enfant"])
        document.append(["07/01/2026", "Léa Martin"])
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\"Date\";\"Enfant\"\r\n\"07/01/2026\";\"Léa Martin\"\r\n".utf8)
        #expect(document.bytes == expected)
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("dit \"Lulu\"", "\"dit \"\"Lulu\"\"\""),
        ("a;b", "\"a;b\""),
        ("ligne 1\r\nligne 2", "\"ligne 1\r\nligne 2\""),
        ("", "\"\""),
    ])
    func field_isQuotedWithInnerQuotesDoubled(raw: String, quoted: String) {
        #expect(CSVDocument.quoted(raw) == quoted)
    }

    @Test func accents_areEncodedInUTF8AfterTheByteOrderMark() {
        let document = CSVDocument(header: ["Activité"])
        #expect(Array(document.bytes.prefix(3)) == CSVDocument.byteOrderMark)
        #expect(Array(document.bytes.dropFirst(3)) == [0x22, 0x41, 0x63, 0x74, 0x69, 0x76, 0x69, 0x74, 0xC3, 0xA9, 0x22, 0x0D, 0x0A])
    }
}
