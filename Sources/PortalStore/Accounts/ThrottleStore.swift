import Foundation
public import PortalCore
public import Postgres

/// What a throttle counter counts. Keys are the normalised address, the client address or the
/// account id; the scope keeps them apart.
public enum ThrottleScope: String, Sendable {
    case signInAccount = "sign_in_account"
    case signInClient = "sign_in_client"
    case subscriberCode = "subscriber_code"
    case anonymousForm = "anonymous_form"
    case passwordCheck = "password_check"
}

/// Failure counters; `ThrottleRule` (PortalCore) decides from them. Reading locks the row, so
/// concurrent attempts on one key are counted one after the other.
public enum ThrottleStore {
    public enum Table: String, Sendable {
        case town = "throttle"
        case platform = "platform.operator_throttle"
    }

    public static func state(_ scope: ThrottleScope, key: String, table: Table = .town, in connection: PostgresConnection) throws -> ThrottleState {
        let name = SQL(unsafeSQL: table.rawValue)
        try connection.execute("INSERT INTO \(name) (scope, key) VALUES (\(scope.rawValue), \(key)) ON CONFLICT DO NOTHING")
        let row = try connection.query("""
            SELECT consecutive_failures, failures_today, window_start, last_failure FROM \(name)
            WHERE scope = \(scope.rawValue) AND key = \(key) FOR UPDATE
            """)[0]
        return ThrottleState(consecutiveFailures: try row.decode("consecutive_failures"), failuresToday: try row.decode("failures_today"),
                             windowStart: try row.decode("window_start"), lastFailure: try row.decode("last_failure"))
    }

    public static func save(_ state: ThrottleState, _ scope: ThrottleScope, key: String, table: Table = .town, in connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE \(SQL(unsafeSQL: table.rawValue)) SET consecutive_failures = \(state.consecutiveFailures), failures_today = \(state.failuresToday),
                window_start = \(state.windowStart), last_failure = \(state.lastFailure)
            WHERE scope = \(scope.rawValue) AND key = \(key)
            """)
    }
}
