public import PortalCore

/// The pages that e-mails written by a flow link to. The web layer declares its routes and
/// prints these from them, so a link in an e-mail cannot drift from the route it names; flows
/// know no HTTP and ask for paths by what the page is.
public protocol PortalLinks: Sendable {
    /// The planning tab, on the account's own family.
    func planning() -> String
    /// The family's planning, on the month of `anchor` when given.
    func planning(family: Int64, anchor: LocalDate?) -> String
    /// « Inscriptions » of a family file.
    func registrations(family: Int64) -> String
    /// The published draws, their seeds and rankings.
    func draws() -> String
    /// The justificatifs of the signed-in account, where a refused one is sent again.
    func documents() -> String
    /// The family's dossier, where it reads the answers to its change requests.
    func dossier(family: Int64) -> String
    /// A family's Messagerie thread.
    func messageThread(_ id: Int64) -> String
}
