import Foundation
import Glibc
import HTTPServer
import PortalCore
import PortalDemo
import PortalFlows
import PortalStore
import PortalWeb

enum ServeCommand {
    static func run() -> Int32 {
        guard TimeZone(identifier: "Europe/Paris") != nil else {
            printError("Fuseau Europe/Paris introuvable : installez le paquet tzdata.")
            return 1
        }
        guard CommonPasswords.isAvailable else {
            printError("Liste des mots de passe courants introuvable : installez PortailFamille_PortalCore.resources à côté de l'exécutable.")
            return 1
        }
        raiseOpenFileLimit()
        guard let environment = loadEnvironment(),
              let (tenants, databases) = loadTenantsAndDatabases(environment, poolSize: environment.databasePoolSize) else { return 1 }
        let directory = TenantDirectory(tenants: tenants, baseDomains: environment.baseDomains)
        var settings = WebSettings(environment: environment)
        if environment.mode == .development {
            settings.development = DevelopmentSite.hooks(baseDomains: environment.baseDomains, mailDirectory: environment.mailDirectory,
                                                         clock: settings.clock)
        }
        let application = PortalApplication(directory: directory, databases: databases, operations: operations(environment, databases),
                                            settings: settings)
        // One worker per cluster: each cluster's `platform.outbox` holds its towns' e-mails.
        let delivery: any MailDelivery = environment.mode == .production
            ? SendmailDelivery(command: environment.sendmailCommand)
            : DirectoryDelivery(directory: environment.mailDirectory)
        let mailWorkers = databases.names.map { MailWorker(pool: databases.clusters[$0]!.pool, delivery: delivery, fromAddress: environment.mailFrom) }
        var configuration = HTTPServerConfiguration()
        configuration.host = environment.listenHost
        configuration.port = environment.listenPort
        configuration.workerCount = environment.workerThreads
        configuration.handlesTerminationSignals = true
        configuration.defaultHeaders = SecurityHeaders.all
        configuration.bodyLimit = { PortalApplication.bodyLimit(method: $0, path: $1) }
        let server = HTTPServer(configuration: configuration, handler: application.handle)
        do {
            try server.start()
        } catch {
            printError("Impossible d'écouter sur \(environment.listenHost):\(environment.listenPort) : \(error)")
            return 1
        }
        say("Portail Famille en service :")
        for tenant in tenants {
            for base in environment.baseDomains {
                say("  \(tenant.shortName) : http://\(tenant.hosts.subdomain).\(base):\(server.boundPort)/")
            }
        }
        say("  Console des opérateurs : http://\("\(OperatorHost.subdomain).\(environment.baseDomains.first ?? "localhost")"):\(server.boundPort)/console")
        if environment.mode == .development {
            say("  Courriels envoyés (développement) : http://\(tenants.first.map { $0.hosts.subdomain + "." + (environment.baseDomains.first ?? "localhost") } ?? "\(OperatorHost.subdomain).\(environment.baseDomains.first ?? "localhost")"):\(server.boundPort)/_dev/mail")
        }
        mailWorkers.forEach { $0.start() }
        defer { mailWorkers.forEach { $0.stop() } }
        // Until a cluster's listener listens, its towns' planning pages are rendered every time.
        let changeListeners = databases.names.map { ChangeListener(database: databases.clusters[$0]!) }
        changeListeners.forEach { $0.start() }
        defer { changeListeners.forEach { $0.stop() } }
        let towns = tenants.compactMap { tenant in databases.database(for: tenant).map { Town(tenant: tenant, database: $0, environment: environment) } }
        let drawWorker = DrawWorker(towns: towns, clock: settings.clock)
        drawWorker.start()
        defer { drawWorker.stop() }
        let purgeWorker = PurgeWorker(tenants: tenants, databases: databases, sessionLifetime: settings.sessionLifetime, clock: settings.clock)
        purgeWorker.start()
        defer { purgeWorker.stop() }
        do {
            try server.run()
        } catch {
            printError("Arrêt anormal du serveur : \(error)")
            return 1
        }
        return 0
    }
}

/// Request lines on standard output and the suspension cache of `PORTAL_STATUS_CACHE_SECONDS`.
private func operations(_ environment: ServerEnvironment, _ databases: TenantDatabases) -> ApplicationOperations {
    let settings = environment.operations
    return ApplicationOperations(
        databases: databases,
        observer: .standardOutput(logsClientAddress: settings.logsClientAddress),
        statusCache: TenantStatusCache(databases: databases, lifetime: .seconds(settings.statusCacheSeconds)))
}

/// Each keep-alive connection is a descriptor: take the whole hard limit the system grants.
private func raiseOpenFileLimit() {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}
