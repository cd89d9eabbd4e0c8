import Foundation
import Testing
@testable import PortalCore

/// The repository's `tenants/` directory, found from this file so that the tests run from anywhere.
func tenantsDirectory() -> String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("tenants").path
}

/// A shipped tenant, decoded; fails the test when the file is invalid.
func shippedTenant(_ id: String) throws -> TenantConfig {
    let file = "\(tenantsDirectory())/\(id).json"
    let data = try #require(FileManager.default.contents(atPath: file))
    return try TenantConfigLoader.decode([UInt8](data), file: file).get()
}

@Suite struct ShippedTenantFilesTests {
    @Test func everyShippedFile_loadsWithoutError() {
        let result = TenantConfigLoader.loadDirectory(tenantsDirectory())
        #expect(result.errors.map(\.description) == [])
        #expect(result.tenants.map(\.id) == ["cayres-pradelles", "clermontais", "saint-aubin-des-pres", "val-de-lauze"])
    }

    @Test func shippedTenants_haveDistinctSchemasAndSubdomainsEqualToTheirIds() {
        let tenants = TenantConfigLoader.loadDirectory(tenantsDirectory()).tenants
        #expect(Set(tenants.map(\.schema)).count == tenants.count)
        #expect(tenants.allSatisfy { $0.hosts.subdomain == $0.id })
    }

    @Test func cayresPradelles_carriesTheSeedsContactAndPolicies() throws {
        let tenant = try shippedTenant("cayres-pradelles")
        #expect(tenant.contact.email == "pole-enfance-jeunesse@ccpcp.fr")
        #expect(tenant.contact.desks.count == 3)
        #expect(tenant.schoolZone == .a)
        #expect(tenant.registration == RegistrationPolicy(validity: .calendarYear, validation: .manual))
        #expect(tenant.passwordPolicy.requiredClasses == [.lower, .upper, .digit, .special])
        #expect(tenant.activities.map(\.code) == ["alsh-mercredi", "alsh-vacances", "ados"])
    }

    @Test func seedIllustrations_sayWhichSeedTheyIllustrate() throws {
        #expect(try shippedTenant("val-de-lauze").note?.contains("seed 002") == true)
        #expect(try shippedTenant("saint-aubin-des-pres").note?.contains("seed 004") == true)
    }

    @Test func saintAubin_hasTheSixTabsSevenServicesAndThreeThemesOfSeed004() throws {
        let tenant = try shippedTenant("saint-aubin-des-pres")
        #expect(tenant.tabs == [.dossier, .inscriptions, .planning, .facturation, .messagerie, .actualites])
        #expect(tenant.messaging.services.count == 7)
        #expect(tenant.messaging.themes == ["Informations", "Modifications", "Réclamations"])
        #expect(tenant.registration.validation == .automatic)
    }

    @Test func readmeExample_isAValidTenantFile() throws {
        let readme = try String(contentsOfFile: "\(tenantsDirectory())/README.md", encoding: .utf8)
        let example = try #require(readme.components(separatedBy: "## Example").last)
        let json = try #require(example.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        let tenant = try TenantConfigLoader.decode(Array(json.utf8), file: "tenants/exemple.json").get()
        #expect(tenant.activities.map(\.code) == ["alsh-vacances"])
    }
}
