import Foundation
import PortalCore
import PortalStore
import PortalWeb
import Postgres

/// Tenant files and a connection pool, or a printed reason why they cannot be had.
func loadTenantsAndPool(_ environment: ServerEnvironment, poolSize: Int) -> ([TenantConfig], PostgresPool)? {
    let (tenants, errors) = TenantConfigLoader.loadDirectory(environment.tenantsDirectory)
    guard errors.isEmpty else {
        for error in errors { printError(error.description) }
        printError("Fichiers de collectivité invalides : corrigez-les (portal tenant check).")
        return nil
    }
    do {
        return (tenants, try PostgresPool(url: environment.databaseURL, maxSize: poolSize))
    } catch {
        printError("Base de données : \(error)")
        return nil
    }
}

enum MigrateCommand {
    static func run() -> Int32 {
        guard let environment = loadEnvironment(), let (tenants, pool) = loadTenantsAndPool(environment, poolSize: 2) else { return 1 }
        let migrations = SchemaMigrations(sqlDirectory: environment.sqlDirectory)
        do {
            let applied = try migrations.migratePlatform(pool: pool)
            say("platform: \(applied.isEmpty ? "à jour" : "appliqué " + applied.joined(separator: ", "))")
        } catch {
            printError("platform: échec : \(error)")
            return 1
        }
        let outcomes = migrations.migrateTenants(tenants, pool: pool)
        for outcome in outcomes {
            if let error = outcome.error {
                say("\(outcome.tenantID): échec : \(error)")
            } else {
                say("\(outcome.tenantID): \(outcome.applied.isEmpty ? "à jour" : "appliqué " + outcome.applied.joined(separator: ", "))")
            }
        }
        let failed = outcomes.filter { $0.error != nil }.map(\.tenantID)
        guard failed.isEmpty else {
            printError("Migration échouée pour : \(failed.joined(separator: ", "))")
            return 1
        }
        return 0
    }
}

enum SeedDemoCommand {
    static func run() -> Int32 {
        guard let environment = loadEnvironment(), let (tenants, pool) = loadTenantsAndPool(environment, poolSize: 2) else { return 1 }
        let logins: [DemoLogin]
        do {
            try DemoData.load(into: TenantDatabase(pool: pool), tenants: tenants, today: ParisTime.localDate(of: Date()))
            logins = try AccountDemoData.load(into: TenantDatabase(pool: pool), tenants: tenants, now: Date())
                + DossierDemoData.load(into: TenantDatabase(pool: pool), tenants: tenants, now: Date())
        } catch {
            printError("Données de démonstration : \(error)")
            return 1
        }
        say("Données de démonstration chargées. Comptes de démonstration :")
        let base = environment.baseDomains.first ?? "localhost", port = environment.listenPort
        for login in logins {
            let host = login.tenantID.flatMap { id in tenants.first { $0.id == id } }.map { "\($0.hosts.subdomain).\(base)" }
                ?? "\(TenantDirectory.operatorLabel).\(base)"
            let path = login.tenantID == nil ? "/console/connexion" : login.who.hasPrefix("gestion") ? "/gestion/connexion" : "/connexion"
            say("  http://\(host):\(port)\(path)  \(login.who) : \(login.email) / \(login.password)")
        }
        return 0
    }
}
