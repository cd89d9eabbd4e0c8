import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite struct TenantDirectoryTests {
    @Test(arguments: [
        ("cayres-pradelles.localhost", "cayres-pradelles.localhost"),
        ("Cayres-Pradelles.LOCALHOST:8080", "cayres-pradelles.localhost"),
        ("cayres-pradelles.localhost.", "cayres-pradelles.localhost"),
        ("[::1]:8080", "[::1]:8080"),
    ])
    func hostName_dropsPortAndTrailingDot_andIgnoresCase(header: String, expected: String) {
        #expect(TenantDirectory.hostName(header) == expected)
    }
}
