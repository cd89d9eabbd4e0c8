import Foundation
import PortalCore
import PortalDemo
import PortalStore
import PortalWeb
import Postgres

/// Tenant files and one pool per cluster, or a printed reason why they cannot be had.
func loadTenantsAndDatabases(_ environment: ServerEnvironment, poolSize: Int) -> ([TenantConfig], TenantDatabases)? {
    let (tenants, errors) = TenantConfigLoader.loadDirectory(environment.tenantsDirectory)
    guard errors.isEmpty else {
        for error in errors { printError(error.description) }
        printError("Fichiers de collectivité invalides : corrigez-les (portal tenant check).")
        return nil
    }
    guard let databases = openDatabases(environment, poolSize: poolSize) else { return nil }
    let unplaced = databases.unplacedTenants(tenants)
    guard unplaced.isEmpty else {
        for (id, cluster) in unplaced {
            printError("\(id): cluster « \(cluster) » inconnu (PORTAL_CLUSTER_\(cluster.uppercased())_URL manquant)")
        }
        return nil
    }
    return (tenants, databases)
}

func openDatabases(_ environment: ServerEnvironment, poolSize: Int) -> TenantDatabases? {
    do {
        return try TenantDatabases(defaultURL: environment.databaseURL, clusterURLs: environment.operations.clusterURLs, poolSize: poolSize)
    } catch {
        printError("Base de données : \(error)")
        return nil
    }
}

enum MigrateCommand {
    /// One line per cluster's platform schema and per town as each ends; exit 1 naming every
    /// town that failed (those of a cluster whose platform schema failed included).
    static func run() -> Int32 {
        guard let environment = loadEnvironment(), let (tenants, databases) = loadTenantsAndDatabases(environment, poolSize: 2) else { return 1 }
        let migrations = SchemaMigrations(sqlDirectory: environment.sqlDirectory)
        let outcomes = migrations.migrate(tenants, on: databases) { cluster, tenant, platform in
            if let platform {
                let name = cluster == TenantDatabases.defaultCluster ? "platform" : "platform (\(cluster))"
                switch platform {
                case .success(let applied): say("\(name): \(summary(applied))")
                case .failure(let failure): say("\(name): échec : \(failure.message)")
                }
            } else if let tenant {
                say("\(tenant.tenantID): \(tenant.error.map { "échec : \($0)" } ?? summary(tenant.applied))")
            }
        }
        var failed: [String] = []
        for outcome in outcomes {
            if case .failure = outcome.platform {
                failed += databases.group(tenants).first { $0.cluster == outcome.cluster }!.tenants.map(\.id)
            }
            failed += outcome.tenants.filter { $0.error != nil }.map(\.tenantID)
        }
        let failedClusters = outcomes.filter { if case .failure = $0.platform { true } else { false } }.map(\.cluster)
        guard failed.isEmpty, failedClusters.isEmpty else {
            if !failedClusters.isEmpty { printError("Schéma platform non migré sur : \(failedClusters.joined(separator: ", "))") }
            if !failed.isEmpty { printError("Migration échouée pour : \(failed.joined(separator: ", "))") }
            return 1
        }
        return 0
    }

    private static func summary(_ applied: [String]) -> String {
        applied.isEmpty ? "à jour" : "appliqué " + applied.joined(separator: ", ")
    }
}

enum SeedDemoCommand {
    /// `--families N [--tenant id]`: the demo content, then N generated families in each town
    /// (or the one named), for the benchmarks.
    static func run(_ arguments: [String]) -> Int32 {
        let families: Int?, only: String?
        do throws(OptionError) {
            let options = try Options(arguments, valued: ["families", "tenant"])
            only = options.optional("tenant")
            families = try options.optional("families").map { text throws(OptionError) in
                guard let count = Int(text), (1...GeneratedFamilies.maximumCount).contains(count) else {
                    throw OptionError(message: "--families attend un nombre de 1 à \(GeneratedFamilies.maximumCount)")
                }
                return count
            }
            if only != nil, families == nil { throw OptionError(message: "--tenant ne s'emploie qu'avec --families") }
        } catch {
            printError(error.message)
            return 2
        }
        guard let environment = loadEnvironment(), let (tenants, databases) = loadTenantsAndDatabases(environment, poolSize: 2) else { return 1 }
        if let only, !tenants.contains(where: { $0.id == only }) {
            printError("Commune inconnue : \(only)")
            return 1
        }
        var logins: [DemoLogin] = []
        do {
            for (_, database, placed) in databases.group(tenants) {
                try DemoData.load(into: database, tenants: placed, today: ParisTime.localDate(of: Date()))
                logins += try AccountDemoData.loadTowns(into: database, tenants: placed, now: Date())
                logins += try DossierDemoData.load(into: database, tenants: placed, now: Date())
                try BookingDemoData.load(into: database, tenants: placed, now: Date())
                try BackOfficeDemoData.load(into: database, tenants: placed, now: Date())
                try InvoiceDemoData.load(into: database, tenants: placed, now: Date())
            }
            logins.append(try AccountDemoData.loadOperator(into: databases.primary))
            if let families {
                for tenant in tenants where only == nil || tenant.id == only {
                    let added = try GeneratedFamilies.load(count: families, into: databases.database(for: tenant)!, tenant: tenant,
                                                           today: ParisTime.localDate(of: Date()), now: Date())
                    say("\(tenant.id) : \(added) familles générées ajoutées (\(families) en tout, \(GeneratedFamilies.email(1)) … \(GeneratedFamilies.email(families)), mot de passe \(AccountDemoData.familyPassword))")
                }
            }
        } catch {
            printError("Données de démonstration : \(error)")
            return 1
        }
        say("Données de démonstration chargées. Comptes de démonstration :")
        let base = environment.baseDomains.first ?? "localhost", port = environment.listenPort
        for login in logins {
            let host = login.tenantID.flatMap { id in tenants.first { $0.id == id } }.map { "\($0.hosts.subdomain).\(base)" }
                ?? "\(OperatorHost.subdomain).\(base)"
            let path: String
            switch login.kind {
            case .family: path = "/connexion"
            case .staff: path = "/gestion/connexion"
            case .platformOperator: path = "/console/connexion"
            }
            say("  http://\(host):\(port)\(path)  \(login.who) : \(login.email) / \(login.password)")
        }
        return 0
    }
}
