import Testing
@testable import PortalCore

private let payment = #"{"numcli": "123456", "saisie": "T", "baseURL": "https://www.payfip.gouv.fr/tpa/paiement.web"}"#

@Suite struct InvoicingConfigTests {
    @Test func fileWithoutInvoicingBlocks_usesTheDefaults_andHasNoOnlinePayment() throws {
        let tenant = try TenantFixture.decode(TenantFixture.base).get()
        #expect(tenant.invoicing == InvoicingPolicy(excusedAbsences: .notBilled, paymentDays: 30, instructions: []))
        #expect(tenant.payment == nil)
    }

    @Test func paymentAndInvoicingBlocks_areRead() throws {
        let value = TenantFixture.baseValue
            .setting(["payment"], to: try JSONValue.parse(Array(payment.utf8)))
            .setting(["invoicing"], to: try JSONValue.parse(Array(#"{"excusedAbsences": "billed", "paymentDays": 15, "instructions": ["Chèque à l'ordre du Trésor public."]}"#.utf8)))
        let tenant = try TenantFixture.decode(value.text).get()
        #expect(tenant.payment == PaymentConfig(numcli: "123456", saisie: .T, baseURL: "https://www.payfip.gouv.fr/tpa/paiement.web", notificationSources: []))
        #expect(tenant.invoicing == InvoicingPolicy(excusedAbsences: .billed, paymentDays: 15, instructions: ["Chèque à l'ordre du Trésor public."]))
    }

    @Test(arguments: [
        ValidationCase(["payment", "numcli"], #""12345""#, "tenants/test.json: payment.numcli: must be the 6-digit PayFiP client number"),
        ValidationCase(["payment", "numcli"], #""12345a""#, "tenants/test.json: payment.numcli: must be the 6-digit PayFiP client number"),
        ValidationCase(["payment", "saisie"], #""Y""#, "tenants/test.json: payment.saisie: must be one of T, X, W"),
        ValidationCase(["payment", "baseURL"], #""ftp://payfip.example""#, "tenants/test.json: payment.baseURL: must be an http(s) URL without query"),
        ValidationCase(["payment", "baseURL"], #""https://payfip.example/p?x=1""#, "tenants/test.json: payment.baseURL: must be an http(s) URL without query"),
        ValidationCase(["payment", "numcli"], nil, "tenants/test.json: payment.numcli: is required"),
        ValidationCase(["payment", "secret"], #""x""#, "tenants/test.json: payment.secret: unknown field"),
        ValidationCase(["invoicing", "excusedAbsences"], #""sometimes""#, "tenants/test.json: invoicing.excusedAbsences: must be one of billed, notBilled"),
        ValidationCase(["invoicing", "paymentDays"], "0", "tenants/test.json: invoicing.paymentDays: must be a positive integer"),
        ValidationCase(["invoicing", "paymentDays"], "365", "tenants/test.json: invoicing.paymentDays: must be at most 120 days"),
    ])
    func invalidInvoicingOrPaymentValue_givesExactlyThisError(_ row: ValidationCase) throws {
        let value = TenantFixture.baseValue
            .setting(["payment"], to: try JSONValue.parse(Array(payment.utf8)))
            .setting(["invoicing"], to: try JSONValue.parse(Array(#"{"excusedAbsences": "billed"}"#.utf8)))
            .setting(row.path, to: try row.value.map { try JSONValue.parse(Array($0.utf8)) })
        #expect(TenantFixture.errors(value.text) == [row.expected])
    }
}
