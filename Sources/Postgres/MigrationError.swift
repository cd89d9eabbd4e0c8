public enum MigrationError: Error, Sendable, Equatable {
    /// Schema names must match `^[a-z][a-z0-9_]{0,62}$`.
    case invalidSchemaName(String)
    case unreadableDirectory(String)
    case unreadableFile(String)
    /// A file already applied was edited since: fix forward with a new file instead.
    case checksumMismatch(file: String)
    /// The file's SQL failed; nothing of it was kept.
    case failed(file: String, sqlState: String, message: String)
    /// The file ran COMMIT or ROLLBACK itself, which breaks its all-or-nothing application.
    case transactionControlInFile(String)
}

extension MigrationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidSchemaName(let name):
            "invalid schema name \(name.debugDescription): expected ^[a-z][a-z0-9_]{0,62}$"
        case .unreadableDirectory(let path):
            "cannot read migration directory \(path)"
        case .unreadableFile(let file):
            "cannot read migration file \(file) as UTF-8"
        case .checksumMismatch(let file):
            "migration \(file) was modified after being applied"
        case .failed(let file, let sqlState, let message):
            "migration \(file) failed with \(sqlState): \(message)"
        case .transactionControlInFile(let file):
            "migration \(file) ends its own transaction (COMMIT/ROLLBACK are not allowed in migration files)"
        }
    }
}
