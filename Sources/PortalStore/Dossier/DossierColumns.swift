import Postgres
import PortalCore

/// Columns are named by the dossier's field keys, so one catalogue drives forms, change
/// requests and SQL. Reads return each field's canonical text; writes convert it back.
enum DossierColumns {
    /// `expr AS "alias"` for each field, reading canonical text (dates ISO, booleans oui/non).
    static func select(_ fields: [DossierField], from table: String, prefix: String = "") -> SQL {
        var sql: SQL = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { sql.append(", ") }
            let column = "\(SQL.quoteIdentifier(table)).\(SQL.quoteIdentifier(field.key))"
            let expression: String = switch field.kind {
            case .pastDate: "coalesce(to_char(\(column), 'YYYY-MM-DD'), '')"
            case .yesNo: "CASE WHEN \(column) THEN 'oui' ELSE 'non' END"
            default: "coalesce(\(column), '')"
            }
            sql.append("\(unsafeSQL: expression) AS \(identifier: prefix + field.key)")
        }
        return sql
    }

    /// The bound value in the column's type: NULL date for "", boolean from oui/non.
    static func value(_ field: DossierField, _ canonical: String) -> SQL {
        switch field.kind {
        case .pastDate: "NULLIF(\(canonical), '')::date"
        case .yesNo: "(\(canonical) = 'oui')"
        default: "\(canonical)"
        }
    }

    /// `"a" = v1, "b" = v2…`
    static func assignments<R>(_ bindings: [FieldBinding<R>], of record: R) -> SQL {
        var sql: SQL = ""
        for (index, binding) in bindings.enumerated() {
            if index > 0 { sql.append(", ") }
            sql.append("\(identifier: binding.field.key) = \(value(binding.field, binding.value(in: record)))")
        }
        return sql
    }

    /// `("a", "b"…) VALUES (v1, v2…)` after the given leading columns and values.
    static func insert<R>(_ bindings: [FieldBinding<R>], of record: R, leading: [(String, SQL)]) -> SQL {
        let columns = leading + bindings.map { ($0.field.key, value($0.field, $0.value(in: record))) }
        var values: SQL = ""
        for (index, column) in columns.enumerated() {
            if index > 0 { values.append(", ") }
            values.append(column.1)
        }
        return "(\(unsafeSQL: columns.map { SQL.quoteIdentifier($0.0) }.joined(separator: ", "))) VALUES (" + values + ")"
    }

    static func read<R>(_ row: PostgresRow, _ bindings: [FieldBinding<R>], into record: inout R, prefix: String = "") throws {
        for binding in bindings {
            binding.write(try row.decode(prefix + binding.field.key, as: String.self), into: &record)
        }
    }
}
