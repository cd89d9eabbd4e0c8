public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// One demonstration login, printed by `portal seed-demo`.
public struct DemoLogin: Sendable {
    /// Which sign-in page the login is for.
    public enum Kind: Sendable { case family, staff, platformOperator }

    public let kind: Kind
    public let who: String
    public let tenantID: String?
    public let email: String
    public let password: String
}

/// Demonstration accounts: per town an activated family account linked to a family file, a
/// second family's code abonné to try, a staff admin; and one operator. Running it again
/// changes nothing but the operator's password hash. The passwords say they are demo ones.
public enum AccountDemoData {
    public static let familyEmail = "famille.martin@exemple.fr"
    public static let familyPassword = "Demo-famille-2026!"
    public static let linkedCode = "MARTIN-2026"
    public static let unlinkedCode = "DURAND-2026"
    public static let staffEmail = "gestion@exemple.fr"
    public static let staffPassword = "Demo-gestion-2026!"
    public static let operatorEmail = "operateur@exemple.fr"
    public static let operatorPassword = "Demo-operateur-2026!"

    /// The towns' demo accounts, for the towns of one database.
    public static func loadTowns(into database: TenantDatabase, tenants: [TenantConfig], now: Date) throws -> [DemoLogin] {
        var logins: [DemoLogin] = []
        for tenant in tenants {
            try database.transaction(schema: tenant.schema) { connection in
                let martin = try family("Famille Martin", code: linkedCode, in: connection)
                _ = try family("Famille Durand", code: unlinkedCode, in: connection)
                let email = EmailAddress(familyEmail)!
                let accountID = try AccountStore.create(email: email, password: familyPassword, lastName: "Martin", firstNames: "Camille",
                                                        now: now, in: connection) ?? AccountStore.find(email: email, in: connection)!.id
                try AccountStore.activate(id: accountID, now: now, in: connection)
                try FamilyStore.subscribe(accountID: accountID, familyID: martin, now: now, in: connection)
                let staffEmailAddress = EmailAddress(staffEmail)!
                if let staffID = try StaffStore.invite(email: staffEmailAddress, displayName: "Dominique Admin", role: .admin, now: now, in: connection) {
                    try StaffStore.setPassword(id: staffID, password: staffPassword, in: connection)
                }
            }
            logins.append(DemoLogin(kind: .family, who: "famille (code abonné à essayer : \(unlinkedCode))", tenantID: tenant.id, email: familyEmail, password: familyPassword))
            logins.append(DemoLogin(kind: .staff, who: "gestion (administrateur)", tenantID: tenant.id, email: staffEmail, password: staffPassword))
        }
        return logins
    }

    /// The demo operator, in the default cluster where operators live.
    public static func loadOperator(into database: TenantDatabase) throws -> DemoLogin {
        try database.platformTransaction { connection in
            _ = try OperatorStore.upsert(email: EmailAddress(operatorEmail)!, displayName: "Opérateur de démonstration", password: operatorPassword, in: connection)
        }
        return DemoLogin(kind: .platformOperator, who: "opérateur", tenantID: nil, email: operatorEmail, password: operatorPassword)
    }

    private static func family(_ name: String, code: String, in connection: PostgresConnection) throws -> Int64 {
        if let existing = try FamilyStore.find(subscriberCode: code, in: connection) { return existing.id }
        return try FamilyStore.create(name: name, subscriberCode: code, in: connection)
    }
}
