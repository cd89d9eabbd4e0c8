/// One result row, copied out of libpq's result (which is freed right after the query), with
/// values in text format. Decoding happens on demand, per column; it is inlinable so that the
/// stores' reads of each type are specialised rather than generic at run time.
public struct PostgresRow: Sendable {
    @usableFromInline
    final class Columns: Sendable {
        @usableFromInline let names: [String]
        @usableFromInline let indexByName: [String: Int]

        init(names: [String]) {
            self.names = names
            var indexByName: [String: Int] = [:]
            for (index, name) in names.enumerated() where indexByName[name] == nil {
                indexByName[name] = index
            }
            self.indexByName = indexByName
        }
    }

    @usableFromInline let columnSet: Columns
    @usableFromInline let values: [String?]

    init(columns: Columns, values: [String?]) {
        self.columnSet = columns
        self.values = values
    }

    /// Column names in result order.
    public var columns: [String] { columnSet.names }

    /// The raw text of a column, nil for NULL.
    public subscript(index: Int) -> String? { values[index] }

    public func isNull(_ column: String) throws -> Bool {
        values[try index(of: column)] == nil
    }

    public func isNull(_ index: Int) -> Bool {
        values[index] == nil
    }

    /// Decodes the first column with this name.
    @inlinable
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try decode(try index(of: column), as: type)
    }

    @inlinable
    public func decode<Value: PostgresDecodable>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        guard values.indices.contains(index) else { throw PostgresError.columnNotFound("#\(index)") }
        let decoded: Value?
        if let text = values[index] {
            decoded = Value(postgresText: text)
        } else {
            decoded = Value.postgresNull
        }
        guard let value = decoded else {
            throw PostgresError.decoding(column: columnSet.names[index], type: String(describing: Value.self), value: values[index] ?? "NULL")
        }
        return value
    }

    @usableFromInline
    func index(of column: String) throws -> Int {
        guard let index = columnSet.indexByName[column] else { throw PostgresError.columnNotFound(column) }
        return index
    }
}
