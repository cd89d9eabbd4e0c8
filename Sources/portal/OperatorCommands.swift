import Foundation
import PortalCore
import PortalStore
import PortalWeb
import Postgres

/// `portal tenant create|list|suspend|resume` and `portal config check`: what an operator
/// types to onboard, watch and pause towns.
enum TenantCreateCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard let path = arguments.first, !path.hasPrefix("--") else {
            printError("Usage : portal tenant create tenants/<id>.json [--email adresse]")
            return 2
        }
        let email: String?
        do throws(OptionError) {
            email = try Options(Array(arguments.dropFirst()), valued: ["email"]).optional("email")
        } catch {
            printError(error.message)
            return 2
        }
        guard let environment = loadEnvironment(), let tenant = checkedTenant(path, environment: environment),
              let databases = openDatabases(environment, poolSize: 1) else { return 1 }
        defer { databases.close() }
        guard let database = databases.database(for: tenant) else {
            printError("\(path): databaseCluster : cluster « \(tenant.databaseCluster ?? "") » inconnu de ce serveur")
            return 1
        }
        let outcome: TenantProvisioning.Outcome
        do {
            outcome = try TenantProvisioning(sqlDirectory: environment.sqlDirectory).create(
                tenant, in: database, invitationEmail: email,
                invitationMail: email.map { address in
                    { invitation in invitationMail(tenant: tenant, to: address, link: invitationLink(tenant: tenant, token: invitation.token, environment: environment), expiresAt: invitation.expiresAt) }
                })
        } catch {
            printError("\(tenant.id) : création annulée, rien n'a été conservé : \(error)")
            return 1
        }
        say("\(tenant.id) : schéma \(tenant.schema) \(outcome.createdSchema ? "créé" : "déjà présent") sur le cluster \(TenantDatabases.clusterName(of: tenant)), "
            + (outcome.appliedMigrations.isEmpty ? "à jour" : "migrations " + outcome.appliedMigrations.joined(separator: ", ")))
        if let invitation = outcome.invitation {
            say("Invitation du premier administrateur (à usage unique, valable jusqu'au \(invitation.expiresAt)) :")
            say("  " + invitationLink(tenant: tenant, token: invitation.token, environment: environment))
            if let email { say("Envoyé par courriel à \(email).") }
            say("Un nouveau lancement de cette commande remplace ce lien.")
        } else {
            say("Le premier administrateur a déjà accepté son invitation : aucun nouveau lien.")
        }
        if !isInside(path, directory: environment.tenantsDirectory) {
            say("Copiez \(path) dans \(environment.tenantsDirectory) puis redémarrez le service pour servir la commune.")
        }
        return 0
    }

    static func invitationMail(tenant: TenantConfig, to address: String, link: String, expiresAt: String) -> OutgoingMail {
        OutgoingMail(tenantID: tenant.id, fromName: "\(tenant.branding.portalTitle) \(tenant.shortName)", replyTo: nil, recipient: address,
                     subject: "\(tenant.branding.portalTitle) \(tenant.shortName) : votre accès administrateur",
                     body: """
                        Bonjour,

                        Le portail famille de \(tenant.name) est prêt. Vous en êtes le premier administrateur :
                        ouvrez ce lien pour choisir votre mot de passe, puis invitez vos collègues depuis l'espace de gestion.

                        \(link)

                        Ce lien ne sert qu'une fois et expire le \(expiresAt).
                        Si vous n'attendiez pas ce message, ignorez-le.
                        """)
    }

    static func invitationLink(tenant: TenantConfig, token: String, environment: ServerEnvironment) -> String {
        let host = "\(tenant.hosts.subdomain).\(environment.baseDomains.first ?? "localhost")"
        let origin = environment.mode == .production ? "https://\(host)" : "http://\(host):\(environment.listenPort)"
        return origin + AdminInvitation.linkPath + token
    }

    /// The file decoded, and free of clashes with the other towns of the tenants directory.
    private static func checkedTenant(_ path: String, environment: ServerEnvironment) -> TenantConfig? {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("\(path): fichier illisible")
            return nil
        }
        let tenant: TenantConfig
        switch TenantConfigLoader.decode(data, file: path) {
        case .success(let decoded): tenant = decoded
        case .failure(let errors):
            for error in errors.errors { printError(error.description) }
            return nil
        }
        var problems: [String] = []
        let others = TenantConfigLoader.loadDirectory(environment.tenantsDirectory).tenants.filter { $0.id != tenant.id }
        for other in others {
            if other.schema == tenant.schema { problems.append("schema: « \(tenant.schema) » est déjà celui de \(other.id)") }
            if other.hosts.subdomain == tenant.hosts.subdomain { problems.append("hosts.subdomain: déjà celui de \(other.id)") }
            for domain in tenant.hosts.extraDomains where other.hosts.extraDomains.contains(domain) {
                problems.append("hosts.extraDomains: \(domain) est déjà celui de \(other.id)")
            }
        }
        for problem in problems { printError("\(path): \(problem)") }
        return problems.isEmpty ? tenant : nil
    }

    private static func isInside(_ path: String, directory: String) -> Bool {
        URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
            == URL(fileURLWithPath: directory).standardizedFileURL.path
    }
}

enum TenantListCommand {
    static func run() -> Int32 {
        guard let environment = loadEnvironment() else { return 1 }
        let (tenants, errors) = TenantConfigLoader.loadDirectory(environment.tenantsDirectory)
        guard let databases = openDatabases(environment, poolSize: 1) else { return 1 }
        defer { databases.close() }
        let directory = TenantDirectory(tenants: tenants, baseDomains: environment.baseDomains)
        let rows = TenantOverview.gather(tenants: tenants, databases: databases)
        var table = [["commune", "hôtes", "cluster", "version du schéma", "familles", "dernière activité", "état"]]
        for row in rows {
            let hosts = directory.tenant(id: row.id).map(directory.hosts(of:))?.joined(separator: ",") ?? "-"
            let state = row.problem.map { "erreur : \($0)" }
                ?? (!row.hasFile ? "sans fichier" : !row.registered ? "non créée" : row.suspended ? "suspendue" : "ouverte")
            table.append([row.id, hosts, row.cluster, row.schemaVersion ?? "-", String(row.families),
                          row.lastActivity.map { String(ParisTime.iso8601($0).prefix(16)) } ?? "-", state])
        }
        say(aligned(table))
        for error in errors { printError(error.description) }
        return rows.contains { $0.problem != nil } || !errors.isEmpty ? 1 : 0
    }

    private static func aligned(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

enum TenantSuspensionCommand {
    static func run(_ arguments: [String], suspend: Bool) -> Int32 {
        guard arguments.count == 1, let id = arguments.first else {
            printError("Usage : portal tenant \(suspend ? "suspend" : "resume") <commune>")
            return 2
        }
        guard let environment = loadEnvironment() else { return 1 }
        guard let tenant = TenantConfigLoader.loadDirectory(environment.tenantsDirectory).tenants.first(where: { $0.id == id }) else {
            printError("\(id) : aucune commune de ce nom dans \(environment.tenantsDirectory) (voir portal tenant list)")
            return 1
        }
        guard let databases = openDatabases(environment, poolSize: 1) else { return 1 }
        defer { databases.close() }
        guard let database = databases.database(for: tenant) else {
            printError("\(id) : cluster « \(tenant.databaseCluster ?? "") » inconnu de ce serveur")
            return 1
        }
        do {
            guard try database.pool.withConnection({ try TenantRegistry.setSuspended(id, suspend, in: $0) }) else {
                printError("\(id) : commune non créée dans la base (portal tenant create)")
                return 1
            }
        } catch {
            printError("\(id) : \(error)")
            return 1
        }
        let delay = environment.operations.statusCacheSeconds
        say("\(id) : \(suspend ? "suspendue, page de maintenance" : "rouverte") sur chaque serveur d'ici \(delay) s ; les données sont conservées.")
        return 0
    }
}

enum ConfigCheckCommand {
    /// Every problem, one per line on standard error; then, if the settings are usable, whether
    /// each cluster answers.
    static func run(_ arguments: [String]) -> Int32 {
        let offline: Bool
        do throws(OptionError) {
            offline = try Options(arguments, valued: [], flags: ["offline"]).has("offline")
        } catch {
            printError(error.message)
            return 2
        }
        let env = ProcessInfo.processInfo.environment
        var problems = ConfigCheck.problems(env)
        if !offline, let environment = try? ServerEnvironment.fromProcessEnvironment(env),
           let databases = try? TenantDatabases(defaultURL: environment.databaseURL, clusterURLs: environment.operations.clusterURLs, poolSize: 1) {
            for name in databases.names where !databases.clusters[name]!.isReachable() {
                let variable = name == TenantDatabases.defaultCluster ? "PORTAL_DATABASE_URL" : "PORTAL_CLUSTER_\(name.uppercased())_URL"
                problems.append("\(variable): the database does not answer")
            }
            databases.close()
        }
        for problem in problems { printError(problem) }
        guard problems.isEmpty else {
            printError("\(problems.count) problème(s) de configuration")
            return 1
        }
        say("Configuration correcte.")
        return 0
    }
}
