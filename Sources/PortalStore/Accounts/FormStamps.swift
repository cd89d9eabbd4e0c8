public import Foundation
public import Postgres

/// Signs the instant an anonymous form was shown, with a key kept in the database (so every
/// instance agrees), so a robot cannot claim it read the form for longer than it did.
public enum FormStamps {
    public static func issue(now: Date, in connection: PostgresConnection) throws -> String {
        let seconds = String(Int64(now.timeIntervalSince1970))
        return seconds + "." + (try signature(seconds, in: connection))
    }

    /// When the stamp was issued, if it is one of ours.
    public static func issuedAt(_ stamp: String, in connection: PostgresConnection) throws -> Date? {
        let parts = stamp.split(separator: ".")
        guard parts.count == 2, let seconds = Int64(parts[0]), parts[1].utf8.count == 64 else { return nil }
        let expected = try signature(String(parts[0]), in: connection)
        guard constantTimeEquals(expected, String(parts[1])) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func signature(_ text: String, in connection: PostgresConnection) throws -> String {
        try connection.query("""
            SELECT encode(hmac(convert_to(\(text), 'UTF8'), key, 'sha256'), 'hex') AS s FROM platform.form_keys WHERE id = 1
            """)[0].decode("s")
    }
}

/// Compares secrets without stopping at the first difference.
public func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
