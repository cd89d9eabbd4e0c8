import Foundation
import PortalStore
import PortalWeb

/// `portal purge`: deletes now what the server's hourly pass deletes (ended sessions, used or
/// expired links, old failure counters, security events and sent e-mails past their retention).
enum PurgeCommand {
    static func run() -> Int32 {
        guard let environment = loadEnvironment(), let (tenants, databases) = loadTenantsAndDatabases(environment, poolSize: 1) else { return 1 }
        defer { databases.close() }
        let (counts, failures) = ExpiredRows.purgeAll(tenants: tenants, databases: databases, now: Date(),
                                                      sessions: WebSettings(environment: environment).sessionLifetime)
        say("Supprimé : \(counts.frenchSummary)")
        for failure in failures {
            printError("\(failure.place) : purge non faite, rien n'a été modifié : \(failure.error)")
        }
        return failures.isEmpty ? 0 : 1
    }
}
