import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// The expected access of every town route, written here independently of the code that
/// declares it: a route added without an entry, or declared with another access, fails.
enum AccessOracle {
    static let caseworkers = Access.staff([.admin, .agent, .director])
    static let documentStaff = Access.staff([.admin, .agent])
    static let adminOnly = Access.staff([.admin])
    static let billing = Access.staff([.admin, .billing])

    static let expected: [String: Access] = [
        // Public pages, and the sign-up / sign-in / recovery flows that must work signed out.
        "GET /": .anyone, "GET /theme.css": .anyone,
        "GET /actualites": .anyone, "GET /actualites/:id": .anyone, "GET /actualites/flux.atom": .anyone,
        "GET /inscription": .anyone, "POST /inscription": .anyone, "GET /inscription/envoyee": .anyone,
        "GET /activation": .anyone, "POST /activation": .anyone,
        "GET /activation/renvoyer": .anyone, "POST /activation/renvoyer": .anyone,
        "GET /connexion": .anyone, "POST /connexion": .anyone, "POST /deconnexion": .anyone,
        "GET /mot-de-passe-oublie": .anyone, "POST /mot-de-passe-oublie": .anyone, "GET /mot-de-passe-oublie/envoye": .anyone,
        "GET /mot-de-passe/nouveau": .anyone, "POST /mot-de-passe/nouveau": .anyone,
        "GET /courriel/confirmer": .anyone, "POST /courriel/confirmer": .anyone,
        "GET /conditions": .anyone, "GET /confidentialite": .anyone,
        "GET /gestion/connexion": .anyone, "POST /gestion/connexion": .anyone, "POST /gestion/deconnexion": .anyone,
        "GET /gestion/invitation": .anyone, "POST /gestion/invitation": .anyone,
        "GET /gestion/mot-de-passe-oublie": .anyone, "POST /gestion/mot-de-passe-oublie": .anyone, "GET /gestion/mot-de-passe-oublie/envoye": .anyone,
        "GET /gestion/mot-de-passe/nouveau": .anyone, "POST /gestion/mot-de-passe/nouveau": .anyone,
        "GET /gestion/invitation/:lien": .anyone, "POST /gestion/invitation/:lien": .anyone,
        // Mon espace citoyen and the family's dossier: the signed-in family only.
        "GET /mon-espace": .family, "GET /mon-espace/compte": .family,
        "POST /mon-espace/compte/identite": .family, "POST /mon-espace/compte/mot-de-passe": .family,
        "POST /mon-espace/compte/courriel": .family, "POST /mon-espace/compte/connexions": .family,
        "GET /mon-espace/abonnements": .family, "POST /mon-espace/abonnements": .family,
        "GET /mon-espace/demandes": .family, "GET /mon-espace/demandes/:id": .family,
        "GET /mon-espace/documents": .family, "POST /mon-espace/documents": .family, "GET /mon-espace/documents/:id": .family,
        "GET /dossier": .family, "GET /dossier/:famille": .family,
        "GET /dossier/:famille/mes-donnees": .family, "GET /dossier/:famille/mes-donnees.json": .family,
        "GET /dossier/:famille/:entite/:id": .family, "POST /dossier/:famille/:entite/:id": .family,
        "POST /dossier/:famille/demandes/:id/retirer": .family,
        // Inscriptions, planning and panier: the signed-in family only; the calendar feed by its secret token.
        "GET /inscriptions": .family, "GET /inscriptions/nouvelle": .family, "POST /inscriptions/nouvelle": .family,
        "GET /planning": .family, "POST /panier/ajouter": .family, "POST /panier/jours-types": .family,
        "POST /reservations/:id/absence": .family, "POST /reservations/:id/retirer": .family,
        "POST /planning/agenda": .family, "POST /planning/agenda/revoquer": .family,
        "GET /panier": .family, "POST /panier/retirer": .family, "POST /panier/valider": .family,
        "GET /panier/confirmation/:id": .family,
        "GET /agenda/:jeton": .anyone, "GET /reservations/reservations.css": .anyone, "GET /reservations/planning.js": .anyone,
        "POST /dossier/:famille/retrait/:entite/:id": .family, "GET /dossier/:famille/photos/:photo": .family,
        // Messagerie and the town's documents: the signed-in family only (its own threads and attachments).
        "GET /messagerie": .family, "GET /messagerie/envoyes": .family,
        "GET /messagerie/nouveau": .family, "POST /messagerie/nouveau": .family,
        "GET /messagerie/fils/:id": .family, "POST /messagerie/fils/:id": .family, "GET /messagerie/pieces-jointes/:id": .family,
        "GET /documents": .family, "GET /documents/:id": .family,
        // Facturation: the family's invoices, PDF and online payment.
        "GET /facturation": .family, "GET /facturation/:famille": .family, "GET /facturation/:famille/factures/:id": .family,
        "GET /facturation/:famille/factures/:id/pdf": .family, "POST /facturation/:famille/factures/:id/payer": .family,
        "GET /facturation/:famille/paiement/:refdet": .family,
        // Back-office: staff, by role. Team management and anonymisation are the admin's.
        "GET /gestion": .anyStaff,
        // Every staff member's own account: password and connections.
        "GET /gestion/mon-compte": .anyStaff, "POST /gestion/mon-compte/mot-de-passe": .anyStaff, "POST /gestion/mon-compte/connexions": .anyStaff,
        "GET /gestion/documents": documentStaff, "GET /gestion/documents/:id": documentStaff,
        "GET /gestion/equipe": adminOnly, "POST /gestion/equipe": adminOnly,
        "GET /gestion/familles": .anyStaff, "GET /gestion/familles/:id": .anyStaff,
        "GET /gestion/familles/nouvelle": caseworkers, "POST /gestion/familles/nouvelle": caseworkers,
        "GET /gestion/familles/:id/courrier": caseworkers, "GET /gestion/familles/:id/photos/:photo": .anyStaff,
        "POST /gestion/familles/:id/quotient": caseworkers, "POST /gestion/familles/:id/residence": caseworkers,
        "POST /gestion/familles/:id/anonymiser": adminOnly,
        "GET /gestion/dossier/demandes": caseworkers, "GET /gestion/dossier/demandes/:id": caseworkers,
        "POST /gestion/dossier/demandes/:id": caseworkers,
        // Back-office (issue 7): bulk decisions of the shared queues, pointage and waiting lists by
        // caseworkers; simulator and exports for all staff; role changes and the journal for admins.
        "POST /gestion/dossier/demandes/decision": caseworkers, "POST /gestion/documents/decision": documentStaff,
        "GET /gestion/pointage": caseworkers, "POST /gestion/pointage/marquer": caseworkers, "POST /gestion/pointage/ajout": caseworkers,
        "GET /gestion/listes-attente": caseworkers, "GET /gestion/listes-attente/:slot": caseworkers,
        "POST /gestion/listes-attente/:slot/promouvoir": caseworkers,
        // Draws at opening (issue 11): published to anyone (the page itself hides the draws a town
        // publishes to families only); caseworkers may hold the due ones at once.
        "GET /tirages": .anyone, "GET /tirages/:id": .anyone, "POST /gestion/listes-attente/tirages": caseworkers,
        "GET /gestion/simulateur": .anyStaff, "GET /gestion/exports": .anyStaff,
        "GET /gestion/exports/reservations.csv": .anyStaff, "GET /gestion/exports/pointage.csv": .anyStaff,
        "GET /gestion/journal": adminOnly, "POST /gestion/equipe/:id/role": adminOnly,
        "POST /gestion/equipe/:id/desactiver": adminOnly, "POST /gestion/equipe/:id/reactiver": adminOnly,
        "GET /gestion/inscriptions": caseworkers, "POST /gestion/inscriptions/decision": caseworkers,
        "GET /gestion/reservations": caseworkers, "POST /gestion/reservations/decision": caseworkers,
        "GET /gestion/messagerie": .anyStaff, "GET /gestion/messagerie/service/:code": .anyStaff,
        "GET /gestion/messagerie/fils/:id": .anyStaff, "POST /gestion/messagerie/fils/:id": .anyStaff,
        "POST /gestion/messagerie/fils/:id/attribuer": .anyStaff, "POST /gestion/messagerie/fils/:id/statut": .anyStaff,
        "GET /gestion/messagerie/pieces-jointes/:id": .anyStaff,
        "GET /gestion/actualites": caseworkers, "POST /gestion/actualites/nouvelle": caseworkers,
        "GET /gestion/actualites/:id": caseworkers, "POST /gestion/actualites/:id": caseworkers,
        "POST /gestion/actualites/:id/supprimer": caseworkers,
        "GET /gestion/documents-publies": caseworkers, "POST /gestion/documents-publies": caseworkers,
        "GET /gestion/documents-publies/:id": caseworkers, "POST /gestion/documents-publies/:id/supprimer": caseworkers,
        // Billing back-office: the admin and billing clerks.
        "GET /gestion/facturation": billing, "GET /gestion/facturation/mois": billing, "POST /gestion/facturation/mois": billing,
        "GET /gestion/facturation/impayes": billing, "GET /gestion/facturation/factures/:id": billing,
        "GET /gestion/facturation/factures/:id/pdf": billing, "POST /gestion/facturation/factures/:id/paiement": billing,
        "POST /gestion/facturation/factures/:id/avoir": billing,
    ]

    /// The refusals of the access rule itself (not a handler's own 403 or 404).
    static let refusalMarkers = [
        "Cette page est réservée aux familles connectées à leur compte.",
        "Votre rôle ne donne pas accès à cette page.",
        "Cette page est réservée au personnel de la collectivité.",
    ]

    static func concrete(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "1" : String($0) }.joined(separator: "/")
    }
}

/// Who calls: nobody, a family, or a staff member of one role.
enum Caller: CustomStringConvertible {
    case anonymous, family, staff(StaffRole)

    var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .family: "family"
        case .staff(let role): "staff \(role.rawValue)"
        }
    }

    func isAllowed(by access: Access) -> Bool {
        switch (access, self) {
        case (.anyone, _), (.family, .family): true
        case (.staff(let roles), .staff(let role)): roles.contains(role)
        default: false
        }
    }
}

@Suite(.serialized) struct AccessOracleTests {
    @Test func everyTownRoute_hasAnOracleEntry_andDeclaresThatAccess() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let declared = world.app.townRoutes.entries.map { ("\($0.method) \($0.pattern)", $0.access) }
        #expect(Set(declared.map(\.0)).count == declared.count, "a method and pattern registered twice")
        for (key, access) in declared {
            #expect(AccessOracle.expected[key] != nil, "\(key) has no entry in the access oracle")
            if let expected = AccessOracle.expected[key] {
                #expect(access == expected, "\(key) declares \(access), the oracle expects \(expected)")
            }
        }
        let stale = Set(AccessOracle.expected.keys).subtracting(declared.map(\.0))
        #expect(stale.isEmpty, "oracle entries without a route: \(stale.sorted())")
    }

    /// Every GET route called by every kind of caller: allowed callers are never turned away by
    /// the access rule; the others get the sign-in page (anonymous) or a refusal (403).
    @Test func everyPage_answersEachCallerAsTheOracleSays() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browsers: [(Caller, Browser)] = [(.anonymous, world.browser()), (.family, try world.signedInFamily())]
        for role in StaffRole.allCases {
            browsers.append((.staff(role), try world.signedInStaff(role: role)))
        }
        let pages = world.app.townRoutes.entries.filter { $0.method == "GET" }
        #expect(pages.count >= 40)
        for route in pages {
            guard let access = AccessOracle.expected["GET \(route.pattern)"] else { continue }
            for index in browsers.indices {
                let caller = browsers[index].0
                let response = browsers[index].1.get(AccessOracle.concrete(route.pattern))
                let location = response.headers["location"] ?? ""
                let refused = AccessOracle.refusalMarkers.contains { response.text.contains($0) }
                    || (response.status.code == 303 && (location.hasPrefix("/connexion?") || location.hasPrefix("/gestion/connexion?")))
                let label = "GET \(route.pattern) as \(caller) → \(response.status.code)"
                if caller.isAllowed(by: access) {
                    #expect(!refused, "\(label): an allowed caller was refused")
                    #expect(response.status.code < 500, "\(label)")
                } else {
                    #expect(refused, "\(label): the access rule let it through")
                    #expect(response.status.code == 303 || response.status.code == 403, "\(label)")
                }
            }
        }
    }

    /// State-changing routes, with a valid CSRF token so that only the access rule can refuse:
    /// every caller the oracle does not allow is refused before the handler runs.
    @Test func everyStateChangingRoute_refusesCallersTheOracleDoesNotAllow() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let posts = world.app.townRoutes.entries.filter { $0.method == "POST" }
        #expect(posts.count >= 15)
        var callers: [(Caller, () throws -> Browser)] = [(.anonymous, { world.browser() }), (.family, { try world.signedInFamily() })]
        for role in StaffRole.allCases {
            callers.append((.staff(role), { try world.signedInStaff(role: role) }))
        }
        for (caller, open) in callers {
            var browser = try open()
            for route in posts {
                guard let access = AccessOracle.expected["POST \(route.pattern)"], !caller.isAllowed(by: access) else { continue }
                browser.get(AccessOracle.pageWithForm(for: caller))
                let response = browser.post(AccessOracle.concrete(route.pattern), ["csrf": browser.csrf],
                                            extraHeaders: [("Origin", "http://\(browser.host)")])
                #expect(response.status.code == 403, "POST \(route.pattern) as \(caller) → \(response.status.code)")
            }
        }
    }
}

extension AccessOracle {
    /// A page that carries the caller's CSRF token in a form.
    static func pageWithForm(for caller: Caller) -> String {
        switch caller {
        case .anonymous: AccountPaths.signIn
        case .family: SpacePaths.home
        case .staff: StaffPaths.home
        }
    }
}

/// The operator host's routes (the console's router, and `/metrics` answered before it),
/// called by every kind of caller: town cookies carried over to `operateur.<base>` sign nobody in.
@Suite(.serialized) struct OperatorAccessOracleTests {
    static let expected: [String: Access] = [
        "GET /": .anyone, "GET /metrics": .anyone,
        "GET /console/connexion": .anyone, "POST /console/connexion": .anyone, "POST /console/deconnexion": .anyone,
        "GET /console": .operator,
    ]
    static let host = "operateur.localhost:8080"

    @Test func everyOperatorRoute_hasAnOracleEntry_andTheListingIsTheRouters() {
        let listed = RouteListing.lines.filter { $0.host == "operator" }
        for line in listed {
            let key = "\(line.method) \(line.pattern)"
            #expect(Self.expected[key].map(RouteListing.name) == line.access, "\(key) declares \(line.access), the oracle expects \(String(describing: Self.expected[key]))")
        }
        #expect(Set(listed.map { "\($0.method) \($0.pattern)" }) == Set(Self.expected.keys))
        let town = RouteListing.lines.filter { $0.host == "town" }.map { "\($0.method) \($0.pattern) \($0.access)" }
        #expect(town == PortalApplication.townRouteTable().entries.map { "\($0.method) \($0.pattern) \(RouteListing.name($0.access))" })
    }

    @Test func everyOperatorPage_answersEachCallerAsTheOracleSays() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var callers: [(String, Browser, Bool)] = [("anonymous", world.browser(), false), ("family", try world.signedInFamily(), false)]
        for role in StaffRole.allCases { callers.append(("staff \(role.rawValue)", try world.signedInStaff(role: role), false)) }
        let email = AccountWorld.uniqueEmail("operateur")
        _ = try world.pool.withConnection { try OperatorStore.upsert(email: EmailAddress(email)!, displayName: "Opé", password: AccountWorld.password, in: $0) }
        var console = Browser(app: world.app, host: Self.host, address: "192.0.2.97")
        #expect(console.submit(from: OperatorConsole.signInPath, to: OperatorConsole.signInPath,
                               ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 303)
        callers.append(("operator", console, true))
        for (method, pattern, _) in RouteListing.lines.filter({ $0.host == "operator" && $0.method == "GET" }).map({ ($0.method, $0.pattern, $0.access) }) {
            let access = try #require(Self.expected["\(method) \(pattern)"])
            for (name, browser, isOperator) in callers {
                var caller = browser
                caller.host = Self.host
                let response = caller.get(pattern)
                let label = "GET \(pattern) as \(name) → \(response.status.code)"
                if access == .anyone || isOperator {
                    #expect(response.status.code == 200 || (pattern == "/" && response.status.code == 303), "\(label)")
                } else {
                    #expect(response.status.code == 303 && response.headers["location"] == OperatorConsole.signInPath, "\(label)")
                    #expect(!response.text.contains(world.tenants[0].id), "\(label) shows the towns")
                }
            }
        }
    }
}
