import Foundation
import PortalCore
import PortalFlows
import PortalStore
import PortalWeb

/// `portal draw run [--tenant T]`: holds the due draws now (the server does it every 15 seconds);
/// a draw already held is left alone, so running it twice or beside the server is safe.
enum DrawCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let only: String?
        do throws(OptionError) {
            only = try Options(arguments, valued: ["tenant"]).optional("tenant")
        } catch {
            printError(error.message)
            return 2
        }
        guard let environment = loadEnvironment(), let (tenants, databases) = loadTenantsAndDatabases(environment, poolSize: 1) else { return 1 }
        defer { databases.close() }
        let chosen = tenants.filter { only == nil || $0.id == only }
        if let only, chosen.isEmpty {
            printError("Commune inconnue : \(only)")
            return 1
        }
        var failed = false
        for tenant in chosen where tenant.activities.contains(where: { $0.booking.atOpening.draw != nil }) {
            do {
                let town = Town(tenant: tenant, database: databases.database(for: tenant)!, environment: environment)
                let held = try HoldDueDraws(town: town).run(now: Date())
                say("\(tenant.id) : \(held.count) tirage(s) tenu(s), \(held.reduce(0) { $0 + $1.order.count }) demande(s) départagée(s)")
            } catch {
                printError("\(tenant.id) : tirages non tenus, rien n'a été modifié : \(error)")
                failed = true
            }
        }
        return failed ? 1 : 0
    }
}
