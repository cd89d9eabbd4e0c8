import Foundation
import PortalCore

/// The directory of tenant files: commands that need no database read only this variable.
func tenantsDirectory() -> String {
    ProcessInfo.processInfo.environment["PORTAL_TENANTS_DIR"] ?? "tenants"
}

enum TenantCheckCommand {
    static func run() -> Int32 {
        let directory = tenantsDirectory()
        let (tenants, errors) = TenantConfigLoader.loadDirectory(directory)
        for error in errors { printError(error.description) }
        guard errors.isEmpty else {
            printError("\(errors.count) erreur(s) dans \(directory)")
            return 1
        }
        for tenant in tenants { say("\(tenant.id): ok (\(tenant.activities.count) activités)") }
        return 0
    }
}
