import Foundation
import Testing
@testable import PortalCore

@Suite struct TenantDirectoryTests {
    /// The fixture as another tenant file, with some fields replaced.
    private func tenant(_ id: String, _ changes: [([JSONStep], JSONValue)]) -> (file: String, data: [UInt8]?) {
        var value = TenantFixture.baseValue.setting(["id"], to: .string(id))
        for (path, replacement) in changes { value = value.setting(path, to: replacement) }
        return ("tenants/\(id).json", Array(value.text.utf8))
    }

    @Test func sharedSchemaSubdomainAndDomain_areReportedOnTheSecondFile() {
        let result = TenantConfigLoader.check([
            tenant("alpha", [(["schema"], .string("t_alpha")), (["hosts", "subdomain"], .string("alpha"))]),
            tenant("beta", [(["schema"], .string("t_alpha")), (["hosts", "subdomain"], .string("alpha"))]),
        ])
        #expect(result.errors.map(\.description) == [
            "tenants/beta.json: schema: schema \"t_alpha\" is also used by tenants/alpha.json",
            "tenants/beta.json: hosts.subdomain: subdomain \"alpha\" is also used by tenants/alpha.json",
            "tenants/beta.json: hosts.extraDomains[0]: domain \"famille.test.example\" is also used by tenants/alpha.json",
        ])
        #expect(result.tenants.count == 2)
    }

    @Test func distinctTenants_loadTogetherWithoutError() {
        let result = TenantConfigLoader.check([
            tenant("alpha", [(["schema"], .string("t_alpha")), (["hosts"], .json(#"{"subdomain": "alpha"}"#))]),
            tenant("beta", [(["schema"], .string("t_beta")), (["hosts"], .json(#"{"subdomain": "beta"}"#))]),
        ])
        #expect(result.errors == [])
        #expect(result.tenants.map(\.id) == ["alpha", "beta"])
    }

    @Test func directory_reportsEveryFilesErrorsAndKeepsTheValidOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = TenantFixture.baseValue.setting(["id"], to: .string("good"))
        try Data(good.text.utf8).write(to: directory.appendingPathComponent("good.json"))
        try Data("[".utf8).write(to: directory.appendingPathComponent("broken.json"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("README.md"))

        let result = TenantConfigLoader.loadDirectory(directory.path)
        #expect(result.tenants.map(\.id) == ["good"])
        #expect(result.errors.map(\.description) == ["\(directory.path)/broken.json: invalid JSON at line 1, column 2: unexpected end of file"])
    }

    @Test func missingDirectory_isOneError() {
        let result = TenantConfigLoader.loadDirectory("/nonexistent/tenants")
        #expect(result.errors.map(\.description) == ["/nonexistent/tenants: cannot read the directory"])
    }
}

@Suite struct JSONValueTests {
    @Test(arguments: [
        ("{\"a\": 1, \"a\": 2}", JSONValue.object([("a", .number("1")), ("a", .number("2"))])),
        ("[1.5e3, -0, true, null]", .array([.number("1.5e3"), .number("-0"), .bool(true), .null])),
        ("\"caf\\u00e9 \\ud83d\\ude00 é\"", .string("café 😀 é")),
    ])
    func validDocument_keepsOrderDuplicatesAndNumberText(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue.parse(Array(text.utf8)) == expected)
    }

    @Test(arguments: ["", "{", "[1,]", "01", "\"\u{01}\"", "{\"a\" 1}", "tru", "1 2", "\"\\x\"", "\"\\ud800\""])
    func malformedDocument_isRefused(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func deepNesting_isRefusedInsteadOfOverflowingTheStack() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
    }
}
