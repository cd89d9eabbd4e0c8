import Postgres
import Testing

@Suite struct ArrayLiteralTests {
    @Test(arguments: [
        ("{}", []),
        ("{a,b}", ["a", "b"]),
        ("{\"a,b\",\"\\\"q\\\"\",NULL,\"NULL\",\"\"}", ["a,b", "\"q\"", nil, "NULL", ""]),
        ("{\"back\\\\slash\",plain}", ["back\\slash", "plain"]),
    ] as [(String, [String?])])
    func serverArrayText_isSplitIntoElements(text: String, elements: [String?]) {
        #expect([String?](postgresText: text) == elements)
    }

    @Test(arguments: ["", "{", "{a", "{{a,b},{c,d}}", "[0:1]={a,b}", "{a,,b}", "{\"a\"b}"])
    func unsupportedOrMalformedArrayText_isRejected(text: String) {
        #expect([String?](postgresText: text) == nil)
    }

    @Test func stringArray_isEncodedWithEveryElementQuoted() {
        #expect(["a,b", "\"", "\\", "NULL"].postgresText == "{\"a,b\",\"\\\"\",\"\\\\\",\"NULL\"}")
        #expect(([nil, "x"] as [String?]).postgresText == "{NULL,\"x\"}")
        #expect([1, -2].postgresText == "{\"1\",\"-2\"}")
    }
}
