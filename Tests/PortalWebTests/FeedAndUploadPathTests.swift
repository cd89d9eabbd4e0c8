import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

struct FeedAndUploadPathTests {
    @Test(arguments: [
        ("Menus & tarifs", "Menus &amp; tarifs"),
        ("<b>\"l'été\"</b>", "&lt;b&gt;&quot;l&apos;été&quot;&lt;/b&gt;"),
        ("bip\u{7}\u{0}fin", "bipfin"),
        ("ligne\nsuivante\t!", "ligne\nsuivante\t!"),
    ])
    func feedText_isEscapedForXML_andControlsXMLCannotCarryAreDropped(text: String, escaped: String) {
        #expect(AtomFeed.escape(text) == escaped)
    }

    @Test(arguments: [
        ("POST", "/messagerie/nouveau", true),
        ("POST", "/messagerie/fils/12", true),
        ("GET", "/messagerie/fils/12", false),
        ("POST", "/messagerie/fils/douze", false),
        ("POST", "/messagerie/fils/12/autre", false),
        ("POST", "/messagerie", false),
        ("POST", "/gestion/messagerie/fils/12", false),
    ])
    func largeBodies_areAdmittedOnTheFamilysMessagePostsOnly(method: String, path: String, admitted: Bool) {
        #expect(MessagingPaths.acceptsAttachments(method: method, path: path) == admitted)
    }
}
