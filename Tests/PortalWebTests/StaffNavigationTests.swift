import Testing
import PortalCore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite struct StaffNavigationTests {
    /// Staff find every area of their town in the menu, and none their town has not enabled.
    @Test func staffMenu_listsNewsAndDocuments_andOnlyTheTabsTheTownHas() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var saintAubin = try world.signedInStaff(role: .admin, tenant: world.saintAubin)
        var valDeLauze = try world.signedInStaff(role: .admin, tenant: world.valDeLauze)
        let withMessages = saintAubin.get(StaffPaths.home).text
        let withoutMessages = valDeLauze.get(StaffPaths.home).text

        #expect(withMessages.contains("href=\"\(MessagingPaths.staffHome)\""))
        #expect(withMessages.contains("href=\"\(NewsPaths.staffList)\""))
        #expect(!withoutMessages.contains("href=\"\(MessagingPaths.staffHome)\""))
        #expect(withoutMessages.contains("href=\"\(TownDocumentPaths.staffList)\""))
        #expect(world.valDeLauze.tabs.contains(.documents) && !world.valDeLauze.tabs.contains(.messagerie))
    }
}
