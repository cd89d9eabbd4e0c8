public import Postgres

/// bcrypt through pgcrypto (cost 10). The password is first reduced to the hex of its SHA-256,
/// because bcrypt ignores everything past 72 bytes and long passphrases are welcome.
/// Passwords only ever travel as bound parameters; nothing here logs them.
public enum PasswordHashing {
    static func prehash(_ password: String) -> SQL {
        "encode(sha256(convert_to(\(password), 'UTF8')), 'hex')"
    }

    /// An expression giving a fresh bcrypt hash of `password`.
    public static func hash(_ password: String) -> SQL {
        "crypt(\(prehash(password)), gen_salt('bf', 10))"
    }

    /// An expression true when `column` holds the hash of `password`.
    static func matches(_ password: String, column: String) -> SQL {
        "(\(unsafeSQL: column) IS NOT NULL AND \(unsafeSQL: column) = crypt(\(prehash(password)), \(unsafeSQL: column)))"
    }

    /// Spends the same time as a real check, so an unknown address answers as slowly as a known one.
    static func spendEquivalentTime(_ password: String, on connection: PostgresConnection) throws {
        _ = try connection.query("SELECT crypt(\(prehash(password)), '$2a$10$abcdefghijklmnopqrstuu') AS h")
    }
}

/// The SHA-256 of a token, as stored.
enum TokenHash {
    static func sql(_ token: String) -> SQL {
        "encode(sha256(convert_to(\(token), 'UTF8')), 'hex')"
    }
}
