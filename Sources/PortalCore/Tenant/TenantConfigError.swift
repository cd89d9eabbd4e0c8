/// One problem in a tenant file, located precisely enough for an operator to fix it without guessing:
/// `tenants/x.json: activities[2].units[0].capacity: must be a positive integer`.
public struct TenantConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// Dotted path into the document (`activities[2].units[0].capacity`); empty for the whole file.
    public let path: String
    public let message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// Every error of one file. A `Result` needs an `Error` failure type, so the list is wrapped;
/// it is a collection, so callers iterate it as they would the array.
public struct TenantConfigErrors: Error, Sendable, Equatable, RandomAccessCollection, CustomStringConvertible {
    public let errors: [TenantConfigError]

    public init(_ errors: [TenantConfigError]) { self.errors = errors }

    public var startIndex: Int { errors.startIndex }
    public var endIndex: Int { errors.endIndex }
    public subscript(position: Int) -> TenantConfigError { errors[position] }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
