import Foundation
import PortalWeb

enum CommandLineInterface {
    static let usage = """
    Usage : portal <commande>
      serve                     sert toutes les communes
      migrate                   crée et met à jour le schéma de chaque commune
      seed-demo [--families N [--tenant T]]
                                charge les données de démonstration ; --families ajoute N familles générées
                                (deux enfants, trois activités, un mois de réservations) à chaque commune ou à T
      tenant check              vérifie les fichiers tenants/*.json
      tenant create tenants/<id>.json [--email adresse]
                                crée et migre le schéma d'une commune, imprime l'invitation de son administrateur
      tenant list               communes, hôtes, version du schéma, familles, dernière activité, état
      tenant suspend <id>       page de maintenance sur tout le portail de la commune (données conservées)
      tenant resume <id>        rouvre le portail de la commune
      config check [--offline]  vérifie la configuration du serveur et, sauf --offline, joint chaque base
      rules explain --tenant T --activity A --unit U --date AAAA-MM-JJ --now ISO8601 --action book|cancel [--non-resident]
      rules calendar --tenant T --activity A --from AAAA-MM-JJ --to AAAA-MM-JJ [--non-resident]
      routes                    chaque route : hôte (town|operator), méthode, motif, accès, séparés par des tabulations
      draw run [--tenant T]     tient les tirages au sort dus (ouverture des réservations) et prévient les familles
      purge                     supprime les sessions terminées, les liens périmés et les données au-delà de leur durée
                                de conservation (le serveur le fait chaque heure)
    """

    /// Runs one command and returns the process exit status (0 ok, 1 failure, 2 usage error).
    static func run(_ arguments: [String]) -> Int32 {
        switch (arguments.first, arguments.dropFirst().first) {
        case ("serve", _): return ServeCommand.run()
        case ("migrate", _): return MigrateCommand.run()
        case ("seed-demo", _): return SeedDemoCommand.run(Array(arguments.dropFirst()))
        case ("tenant", "check"): return TenantCheckCommand.run()
        case ("tenant", "create"): return TenantCreateCommand.run(Array(arguments.dropFirst(2)))
        case ("tenant", "list"): return TenantListCommand.run()
        case ("tenant", "suspend"): return TenantSuspensionCommand.run(Array(arguments.dropFirst(2)), suspend: true)
        case ("tenant", "resume"): return TenantSuspensionCommand.run(Array(arguments.dropFirst(2)), suspend: false)
        case ("config", "check"): return ConfigCheckCommand.run(Array(arguments.dropFirst(2)))
        case ("rules", "explain"): return RulesCommand.explain(Array(arguments.dropFirst(2)))
        case ("rules", "calendar"): return RulesCommand.calendar(Array(arguments.dropFirst(2)))
        case ("routes", _):
            for line in RouteListing.lines { say(line.text) }
            return 0
        case ("draw", "run"): return DrawCommand.run(Array(arguments.dropFirst(2)))
        case ("purge", _): return PurgeCommand.run()
        default:
            printError(usage)
            return 2
        }
    }
}

/// Unbuffered, so that messages reach a log file or a pipe at once (print() buffers there).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The server's settings, or a printed explanation of what is wrong with them.
func loadEnvironment() -> ServerEnvironment? {
    do {
        return try ServerEnvironment.fromProcessEnvironment()
    } catch {
        printError("Configuration invalide :\n\(error)")
        return nil
    }
}
