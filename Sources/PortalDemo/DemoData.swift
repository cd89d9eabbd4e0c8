public import PortalCore
public import PortalStore
import Postgres

/// Demonstration content for `portal seed-demo`: deterministic, and loaded only once per
/// town so that running it again changes nothing.
public enum DemoData {
    public static func load(into database: TenantDatabase, tenants: [TenantConfig], today: LocalDate) throws {
        for tenant in tenants {
            try database.transaction(schema: tenant.schema) { connection in
                let existing: Int = try connection.query("SELECT count(*)::int AS n FROM news_items")[0].decode("n")
                guard existing == 0 else { return }
                try NewsStore.insert(
                    title: "Bienvenue sur votre nouveau portail famille",
                    body: "Vous pouvez désormais faire vos démarches depuis votre téléphone comme depuis un ordinateur.\n\n"
                        + "Pour toute question, [écrivez-nous](mailto:\(tenant.contact.email)).",
                    publishedOn: today.adding(days: -7), pinned: true, in: connection)
                try NewsStore.insert(
                    title: "Inscriptions de l'année \(today.year + (today.month >= 9 ? 1 : 0))",
                    body: "Pensez à *renouveler* les inscriptions de vos enfants aux activités avant les prochaines vacances.",
                    publishedOn: today.adding(days: -2), in: connection)
                if tenant.tabs.contains(.documents) { try TownDocumentDemoData.load(today: today, in: connection) }
            }
        }
    }
}
