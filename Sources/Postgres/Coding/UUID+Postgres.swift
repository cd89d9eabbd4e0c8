#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

extension UUID: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { uuidString.lowercased() }

    public init?(postgresText: String) {
        self.init(uuidString: postgresText)
    }
}
