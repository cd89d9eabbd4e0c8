import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Every staff route of the route table, read from `RouteTable.entries` so that a new page is
/// checked the day it is added: each role outside its access gets 403, each role inside does not,
/// families get 403 and anonymous visitors are sent to the staff sign-in.
@Suite(.serialized) struct StaffRouteAccessTests {
    static func staffRoutes(_ app: PortalApplication) -> [(method: String, path: String, roles: Set<StaffRole>)] {
        app.townRoutes.entries.compactMap { entry in
            guard case .staff(let roles) = entry.access else { return nil }
            let path = entry.pattern.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "1" : String($0) }.joined(separator: "/")
            return (entry.method, path, roles)
        }
    }

    @Test func everyStaffRoute_refusesTheRolesOutsideItsAccessAndAdmitsTheOthers() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let routes = Self.staffRoutes(scene.world.app)
        #expect(routes.count >= 25)
        #expect(routes.contains { $0.path == BackOfficePaths.attendance })
        for role in StaffRole.allCases {
            var browser = try scene.signedIn(role, name: "Rôle \(role.rawValue)")
            browser.get(StaffPaths.home)
            for route in routes {
                let status: Int
                if route.method == "GET" {
                    status = browser.get(route.path).status.code
                } else if route.roles.contains(role) {
                    // Admitted posts would act on data; their effects are the other tests' business.
                    continue
                } else {
                    browser.get(StaffPaths.home) // a page with this session's form token
                    status = browser.postPairs(route.path, []).status.code
                }
                if route.roles.contains(role) {
                    #expect(status != 403, "\(role) \(route.method) \(route.path)")
                    #expect(status != 503, "\(role) \(route.method) \(route.path)")
                } else {
                    #expect(status == 403, "\(role) \(route.method) \(route.path)")
                }
            }
        }
    }

    @Test func everyStaffRoute_refusesFamiliesAndSendsAnonymousVisitorsToTheStaffSignIn() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        var family = try scene.world.signedInFamily()
        family.get("/")
        var anonymous = scene.world.browser()
        for route in Self.staffRoutes(scene.world.app) {
            if route.method == "GET" {
                #expect(family.get(route.path).status.code == 403, "family GET \(route.path)")
                let response = anonymous.get(route.path)
                #expect(response.status.code == 303, "anonymous GET \(route.path)")
                #expect(response.headers["location"]?.hasPrefix(StaffPaths.signIn) == true, "anonymous GET \(route.path)")
            } else {
                family.get("/")
                #expect(family.postPairs(route.path, []).status.code == 403, "family POST \(route.path)")
            }
        }
    }
}
