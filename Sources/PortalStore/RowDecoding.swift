import Foundation
import Postgres
import PortalCore

extension PostgresRow {
    /// A `date` column selected as `::text`.
    func localDate(_ column: String) throws -> LocalDate {
        let text: String = try decode(column)
        guard let date = LocalDate(iso: text) else { throw StoreError.corruptValue(column: column, value: text) }
        return date
    }

    func enumValue<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
        let text: String = try decode(column)
        guard let value = T(rawValue: text) else { throw StoreError.corruptValue(column: column, value: text) }
        return value
    }

    /// A nullable enum column: nil when NULL, and a value no case names is corrupt, never nil.
    func optionalEnumValue<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T? where T.RawValue == String {
        let text: String? = try decode(column)
        guard let text else { return nil }
        guard let value = T(rawValue: text) else { throw StoreError.corruptValue(column: column, value: text) }
        return value
    }

    func slotKey() throws -> SlotKey {
        SlotKey(date: try localDate("day"), childID: try decode("child_id"), activity: try decode("activity"), unit: try decode("unit"))
    }
}
