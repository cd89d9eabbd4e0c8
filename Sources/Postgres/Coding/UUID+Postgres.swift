#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension UUID: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public var postgresText: String? { uuidString.lowercased() }

    public init?(postgresText: String) {
        self.init(uuidString: postgresText)
    }
}
